/** `rm -r` of the paths no one means to delete whole: /, ~, $HOME, ., .., *, system directories. */
import type { ShellWord } from '../../parsers/shell.js';
import type { GuardCommand } from '../commands.js';
import { quote } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

const SYSTEM_DIRS = new Set([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/opt',
  '/proc',
  '/root',
  '/sbin',
  '/srv',
  '/sys',
  '/usr',
  '/var',
  '/Users',
  '/System',
  '/Applications',
]);

const CATASTROPHIC = new Set(['/', '/*', '.', './*', '..', '../*', '*', '.*', '~', '~/*', '$HOME', '$HOME/*']);

export function judgeRm(cmd: GuardCommand): Judgement | undefined {
  let recursive = false;
  const targets: ShellWord[] = [];
  let options = true;
  for (const w of cmd.args) {
    const v = w.value;
    if (options && v === '--') {
      options = false;
      continue;
    }
    if (options && v?.startsWith('-') && v !== '-') {
      if (v === '--recursive' || (/^-[A-Za-z]+$/.test(v) && /[rR]/.test(v))) recursive = true;
      continue;
    }
    targets.push(w);
  }
  if (!recursive) return undefined;
  const shown = quote(cmd.shownText);
  for (const t of targets) {
    const path = normalisePath(t);
    if (CATASTROPHIC.has(path) || SYSTEM_DIRS.has(path)) {
      return judgement('GRD006', 'deny', `${shown} recursively deletes \`${t.raw}\`.`, {
        validateFirst: `\`ls -la ${t.raw}\`, then delete the exact paths by name`,
      });
    }
  }
  for (const t of targets) {
    // `"$DIR"/`, `$DIR/*`: with DIR unset or empty this is `/` or `/*`. (`"$DIR"` alone is then `""`: harmless.)
    if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\/+\*?$/.test(t.raw.replace(/["']/g, ''))) {
      return judgement(
        'GRD020',
        'ask',
        `${shown} deletes \`${t.raw}\`, which is \`/\` or everything in it when the variable is empty.`,
      );
    }
  }
  return undefined;
}

/** Quotes removed, `${HOME}` → `$HOME`, `//` and trailing slashes collapsed (`/`, `~/`, `./` kept meaningful). */
function normalisePath(word: ShellWord): string {
  let p = word.raw.replace(/["']/g, '').replace(/\$\{HOME\}/g, '$HOME');
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}
