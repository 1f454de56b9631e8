import { defineRule } from '../../core/rule.js';
import { isCopyOrAdd, isRun } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { unwrapCommand } from '../../parsers/shell.js';

const SYSTEM_PATH = /^\/((etc|usr|bin|sbin|lib|lib32|lib64|libx32|var|root|boot|opt|srv|run|sys|proc|dev)(\/|$)|$)/;

export const rule = defineRule({
  id: 'DKR013',
  title: 'World-writable permissions',
  severity: 'warning',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'World-writable files let any process in the container (or any user sharing a volume) replace code or ' +
    'configuration that another, possibly privileged, process executes. It usually papers over an ownership problem.',
  fix: 'Give the files to the runtime user instead: `COPY --chown=app:app …` or `chown -R app:app <dir>`, with modes 755/644 (or 770/660 for a group).',
  notes:
    'Fires on numeric modes that let others write (`777`, `0777`, `666`, `--chmod=777` on COPY/ADD) unless the ' +
    'sticky bit is set (`1777` is the correct mode for shared temp directories), and on symbolic `a+w`/`o+w` ' +
    'on system paths (`/`, `/etc`, `/usr`, `/var`, `/opt`, …).',
  check(file, ctx) {
    const model = dockerfileModel(file);
    for (const copy of model.instructions.filter(isCopyOrAdd)) {
      const flag = copy.flags.find((f) => f.name === 'chmod');
      if (flag?.value !== undefined && numericWorldWritable(flag.value)) {
        ctx.report({
          range: flag.range,
          message: `${copy.keyword} --chmod=${flag.value} makes the copied files world-writable.`,
        });
      }
    }
    for (const run of model.instructions.filter(isRun)) {
      for (const cmd of run.script?.commands ?? []) {
        const { name, args } = unwrapCommand(cmd);
        if (name !== 'chmod') continue;
        const operands = args.filter((w) => !/^-[A-Za-z]+$|^--/.test(w.value ?? ''));
        const [mode, ...paths] = operands;
        const m = mode?.value;
        if (m === undefined) continue;
        const targets = paths.map((p) => p.value ?? p.raw);
        const numeric = numericWorldWritable(m);
        if (!numeric && !(symbolicWorldWritable(m) && targets.some((t) => SYSTEM_PATH.test(t)))) continue;
        ctx.report({
          range: file.range(cmd.start, cmd.end),
          message: `chmod ${m} makes ${targets.join(' ') || 'the files'} world-writable.`,
        });
      }
    }
  },
});

/** `777`, `0666`, `2777`: others may write and no sticky bit. */
function numericWorldWritable(mode: string): boolean {
  if (!/^[0-7]{3,4}$/.test(mode)) return false;
  const others = Number(mode[mode.length - 1]);
  const special = mode.length === 4 ? Number(mode[0]) : 0;
  return (others & 2) !== 0 && (special & 1) === 0;
}

/** `a+w`, `o+rwx`, `ugo=rwx`, `u+x,o+w`. */
function symbolicWorldWritable(mode: string): boolean {
  return mode.split(',').some((clause) => {
    const m = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    return m !== null && /[ao]/.test(m[1] ?? '') && (m[3] ?? '').includes('w');
  });
}
