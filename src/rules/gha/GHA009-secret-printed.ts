import { defineRule } from '../../core/rule.js';
import type { Range } from '../../core/types.js';
import { type GhaEnvEntry, type GhaStep, githubWorkflow } from '../../models/github-actions.js';
import { type ShellWord, type SimpleCommand, unwrapCommand } from '../../parsers/shell.js';

const PRINTERS = new Set(['echo', 'printf', 'cat']);

export const rule = defineRule({
  id: 'GHA009',
  title: 'Do not print secrets to the log',
  severity: 'error',
  domain: 'secrets',
  kinds: ['github-workflow', 'github-action'],
  rationale:
    'Log masking only hides the exact secret string: an encoded, split or transformed value (base64, JSON, ' +
    '`set -x` traces of derived values) is printed in clear in logs that every reader of the repository can see.',
  fix:
    'Do not echo secrets; pipe them to the consuming command (`echo "$TOKEN" | docker login --password-stdin`) ' +
    'or pass them through `env:`. Remove `set -x` from steps whose environment holds secrets.',
  peers: ['checkov:CKV_GHA'],
  notes:
    'Fires on `echo`/`printf`/`cat` of `${{ secrets.* }}`, or of a variable whose `env:` value is a secret ' +
    '(step, job or workflow env), when the output goes to the log: piped into another command, redirected to a ' +
    'file, `printf -v` and `::add-mask::` do not fire. Also fires on `set -x` / `set -o xtrace` (and ' +
    '`shell: bash -x`) in a step whose environment holds secrets.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        const secretEnv = [...workflow.env, ...job.env, ...step.env].filter(holdsSecret).map((e) => e.name);
        const script = step.run?.shell;
        if (!step.run || !script) continue;
        for (const cmd of script.commands) {
          const { name, args } = unwrapCommand(cmd);
          if (name === 'set' && secretEnv.length > 0 && enablesXtrace(args)) {
            ctx.report({
              range: file.range(cmd.start, cmd.end),
              message: `\`${file.text.slice(cmd.start, cmd.end)}\` traces every command of a step whose env holds secrets (${secretEnv.join(', ')}).`,
            });
            continue;
          }
          if (name === undefined || !PRINTERS.has(name) || !printsToLog(cmd, args)) continue;
          for (const hit of printedSecrets(step, cmd, args, secretEnv, (s, e) => file.range(s, e))) {
            ctx.report({ range: hit.range, message: `\`${name}\` prints ${hit.what} to the job log.` });
          }
        }
      }
    }
  },
});

function holdsSecret(e: GhaEnvEntry): boolean {
  return e.value?.expressions.some((x) => x.refs.some((r) => r.startsWith('secrets.'))) ?? false;
}

function enablesXtrace(args: ShellWord[]): boolean {
  return args.some(
    (w, i) => /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w.value ?? '') || (w.value === '-o' && args[i + 1]?.value === 'xtrace'),
  );
}

/** The command's stdout reaches the log: not piped onward, not redirected, not `printf -v var`. */
function printsToLog(cmd: SimpleCommand, args: ShellWord[]): boolean {
  if (cmd.pipeline.index < cmd.pipeline.length - 1) return false;
  if (
    cmd.redirects.some((r) => (r.op.startsWith('>') || r.op.startsWith('&>')) && (r.fd === undefined || r.fd === '1'))
  ) {
    return false;
  }
  return !(args[0]?.value === '-v');
}

interface Hit {
  range: Range;
  what: string;
}

function printedSecrets(
  step: GhaStep,
  cmd: SimpleCommand,
  args: ShellWord[],
  secretEnv: string[],
  range: (start: number, end: number) => Range,
): Hit[] {
  const out: Hit[] = [];
  const spans = [...args, ...cmd.redirects.flatMap((r) => (r.op.startsWith('<') ? [r.target, r.heredoc] : []))];
  const printed = spans.filter((w): w is ShellWord => w !== undefined && !w.raw.includes('::add-mask::'));
  for (const e of step.run?.expressions ?? []) {
    const secret = e.refs.find((r) => r.startsWith('secrets.'));
    if (secret && printed.some((w) => e.start >= w.start && e.end <= w.end)) {
      out.push({ range: e.range, what: `\`${secret}\`` });
    }
  }
  for (const w of printed) {
    for (const m of w.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = m[1] as string;
      if (!secretEnv.includes(name)) continue;
      // Words of embedded scripts keep their raw text: find the reference in the word's file span.
      out.push({ range: range(w.start, w.end), what: `\`$${name}\` (a secret from \`env:\`)` });
      break;
    }
  }
  return out;
}
