/**
 * `proagent-devops guard [--format text|json] [--cwd DIR] -- COMMAND`: the command guard on the command
 * line, with the project's policy. Exit 0 whatever the decision (scripts read the decision from the
 * output); 2 only on a usage error.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type GuardVerdict, guardCommand, loadGuardPolicy } from '../../guard/index.js';
import { type CliIO, type Command, oneOf, parse, UsageError } from './io.js';

const FORMATS = ['text', 'json'] as const;

export const GUARD_USAGE = `Usage: proagent-devops guard [--format text|json] [--cwd DIR] -- COMMAND

Judges a shell command before it runs: allow, ask or deny, with the rule, the reason, what to validate
first and how to roll back. The policy comes from .proagent-devops.yaml (guard.allow / guard.deny,
production) found from DIR upwards. Exits 0 whatever the decision; 2 on a usage error.

  --format text|json   Output format (default: text)
  --cwd DIR            Directory the command would run in (default: the current directory)

COMMAND is one argument holding the whole command line (quote it), or several words that are re-quoted:
  proagent-devops guard -- 'kubectl diff -f app.yaml && kubectl apply -f app.yaml'
  proagent-devops guard --format json -- terraform apply -auto-approve
`;

export const guardCliCommand: Command = (argv, io) => {
  const { values, positionals } = parseGuardArgs(argv);
  if (values.help) {
    io.stdout(GUARD_USAGE);
    return 0;
  }
  const format = oneOf(values.format ?? 'text', FORMATS, '--format');
  if (positionals.length === 0) throw new UsageError('guard needs the command to judge after -- (see guard --help)');
  const cwd = resolve(io.cwd, values.cwd ?? '.');
  if (!isDirectory(cwd)) throw new UsageError(`--cwd: not a directory: ${cwd}`);
  const command = positionals.length === 1 ? (positionals[0] as string) : positionals.map(shellQuote).join(' ');
  const verdict = guardCommand(command, { cwd, env: io.env, policy: loadGuardPolicy(cwd) });
  io.stdout(format === 'json' ? `${JSON.stringify(verdict, null, 2)}\n` : renderText(verdict, io));
  return 0;
};

function parseGuardArgs(argv: readonly string[]) {
  try {
    return parse(argv, {
      format: { type: 'string', short: 'f' },
      cwd: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    // `guard kubectl delete -n x` without `--`: the command's own options look like guard's.
    if (error instanceof UsageError && !argv.includes('--')) {
      throw new UsageError(`${error.message} (put the command to judge after --)`);
    }
    throw error;
  }
}

function renderText(verdict: GuardVerdict, io: CliIO): string {
  const color = io.isTTY && !io.env.NO_COLOR;
  const paint = { allow: '\x1b[32m', ask: '\x1b[33m', deny: '\x1b[31m' }[verdict.decision];
  const decision = color ? `${paint}${verdict.decision}\x1b[0m` : verdict.decision;
  const lines = [`${decision} ${verdict.ruleId}: ${verdict.reason}`];
  if (verdict.validateFirst) lines.push(`  validate first: ${verdict.validateFirst}`);
  if (verdict.rollback) lines.push(`  rollback: ${verdict.rollback}`);
  if (verdict.commands.length > 0) lines.push(`  commands judged: ${verdict.commands.join(' | ')}`);
  return `${lines.join('\n')}\n`;
}

/** Words given separately (`guard -- echo "a b"`) are quoted back so the guard parses what the shell had. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./~-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
