/**
 * The normalised text of a judged command: its words re-quoted as a shell would read them. It is what
 * policy patterns match and, redacted, what verdicts list — a command line can hold a password
 * (`mysql -pS3cret`, `--token=…`, `-H 'Authorization: Bearer …'`), and verdicts end up in hook messages.
 */
import { redactValue } from '../core/redact.js';
import type { ShellWord } from '../parsers/shell.js';
import { redactSecrets } from '../secrets/detect.js';
import { isSecretLikeName } from '../secrets/names.js';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./~^-]+$/;

/** A word as text: literal values re-quoted when needed, expansions as written. */
export function wordText(word: ShellWord): string {
  const v = word.value;
  if (v === undefined) return word.raw;
  if (SAFE_WORD.test(v)) return v;
  return `'${v.replaceAll("'", `'\\''`)}'`;
}

export function commandText(words: readonly ShellWord[]): string {
  return words.map(wordText).join(' ');
}

/** Clients whose `-pVALUE` is a password (`mysql -pS3cret`). */
const ATTACHED_PASSWORD = new Set(['mysql', 'mariadb', 'mysqldump', 'mariadb-dump', 'mysqladmin']);

/** The command text with credentials redacted: secret-named options' values, auth headers, known token formats. */
export function redactedCommandText(words: readonly ShellWord[], name: string | undefined): string {
  const parts: string[] = [];
  let redactNext = false;
  for (const word of words) {
    const text = wordText(word);
    const v = word.value;
    if (redactNext) {
      parts.push(redactValue(text));
      redactNext = false;
      continue;
    }
    if (v !== undefined && /^--?[A-Za-z][\w-]*$/.test(v) && isSecretLikeName(v.replace(/^-+/, ''))) {
      redactNext = true;
      parts.push(text);
      continue;
    }
    const inline = v === undefined ? null : /^(--?[A-Za-z][\w-]*=)(.+)$/s.exec(v);
    if (inline && isSecretLikeName((inline[1] as string).replace(/^-+|=$/g, ''))) {
      parts.push(`${inline[1]}${redactValue(inline[2] as string)}`);
      continue;
    }
    if (name !== undefined && ATTACHED_PASSWORD.has(name) && v !== undefined && /^-p.+/.test(v)) {
      parts.push(`-p${redactValue(v.slice(2))}`);
      continue;
    }
    const header = v === undefined ? null : /^((?:proxy-)?authorization:\s*(?:\w+\s+)?)(\S.*)$/is.exec(v);
    if (header) {
      parts.push(wordText({ ...word, value: `${header[1]}${redactValue(header[2] as string)}` }));
      continue;
    }
    parts.push(text);
  }
  return redactSecrets(parts.join(' '));
}
