/**
 * The command guard: judges a shell command line before it runs. Every simple command in it — through
 * `&&`, `;`, pipes, subshells, `$(…)`, `sh -c`, `eval`, `sudo`, `env`, `timeout`, `xargs`, `ssh` … — is
 * judged on its parsed words (quoted data never triggers), then the project policy applies; the line's
 * verdict is the most severe one (deny > ask > allow). What the guard cannot read, it asks about.
 *
 * Used by the PreToolUse Bash hook, the CLI `guard` command and the MCP `guard_check` tool.
 */
import { parseShell } from '../parsers/shell.js';
import { redactSecrets } from '../secrets/detect.js';
import { collectCommands, type GuardCommand } from './commands.js';
import { FileFacts } from './context.js';
import type { Judge, JudgeContext } from './judge.js';
import { judgeAws, judgeAz, judgeGcloud, judgeGsutil } from './judges/cloud.js';
import { judgeDropTools, judgeMigration, judgeSqlClient } from './judges/database.js';
import { judgeComposeV1, judgeDocker } from './judges/docker.js';
import { judgeRm } from './judges/files.js';
import { judgeGit } from './judges/git.js';
import { judgeHelm, judgeKubectl } from './judges/kubernetes.js';
import { judgeTerraform } from './judges/terraform.js';
import { applyPolicy, compilePolicy } from './policy.js';
import { judgement } from './rules.js';
import type { GuardOptions, GuardVerdict, Judgement } from './types.js';

export { loadGuardPolicy, policyFromConfig } from './policy.js';
export { GUARD_RULES, type GuardRule } from './rules.js';
export type { GuardDecisionKind, GuardOptions, GuardPolicy, GuardVerdict } from './types.js';

/** Longer command lines are not parsed (a hook must answer fast); they are asked about. */
const MAX_COMMAND_LENGTH = 256 * 1024;

const JUDGES: Record<string, Judge> = {
  terraform: judgeTerraform,
  tofu: judgeTerraform,
  terragrunt: judgeTerraform,
  kubectl: judgeKubectl,
  oc: judgeKubectl,
  helm: judgeHelm,
  docker: judgeDocker,
  podman: judgeDocker,
  'docker-compose': judgeComposeV1,
  'podman-compose': judgeComposeV1,
  rm: judgeRm,
  aws: judgeAws,
  gcloud: judgeGcloud,
  gsutil: judgeGsutil,
  az: judgeAz,
  git: judgeGit,
  psql: judgeSqlClient,
  mysql: judgeSqlClient,
  mariadb: judgeSqlClient,
  sqlite3: judgeSqlClient,
  dropdb: judgeDropTools,
  mysqladmin: judgeDropTools,
  'mariadb-admin': judgeDropTools,
  'redis-cli': judgeDropTools,
  mongo: judgeDropTools,
  mongosh: judgeDropTools,
};

/** Judges a command line. Synchronous; never throws (an internal failure is an `ask`, never an `allow`). */
export function guardCommand(command: string, options: GuardOptions): GuardVerdict {
  try {
    return judgeLine(command, options);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return finish(
      judgement('GRD031', 'ask', `the guard failed on this command (${message}); confirm it yourself.`),
      [],
    );
  }
}

function judgeLine(command: string, options: GuardOptions): GuardVerdict {
  if (command.length > MAX_COMMAND_LENGTH) {
    return finish(
      judgement('GRD031', 'ask', `the command is ${command.length} characters long, too long for the guard to judge.`),
      [],
    );
  }
  const policy = compilePolicy(options.policy);
  const script = parseShell(command);
  const { commands, errors } = collectCommands(script, { cwd: options.cwd, env: options.env ?? process.env });
  const files = new FileFacts();
  const judged: Judgement[] = commands.map((cmd, i) => {
    const ctx: JudgeContext = { prior: commands.slice(0, i), prod: policy.prod, files };
    return applyPolicy(cmd, judgeOne(cmd, ctx), policy);
  });
  const syntax = script.error?.message ?? errors[0];
  if (syntax !== undefined) {
    judged.push(
      judgement(
        'GRD031',
        'ask',
        `${syntax.replace(/^Shell syntax error: /, 'the command does not parse: ')}; the guard cannot tell what it runs.`,
      ),
    );
  }
  const deciding = mostSevere(judged);
  const shown = commands.map((c) => c.shownText);
  if (deciding !== undefined) return finish(deciding, shown);
  return finish(
    judgement(
      'GRD000',
      'allow',
      commands.length === 0 ? 'nothing to run.' : 'no destructive or production-changing command found.',
    ),
    shown,
  );
}

function judgeOne(cmd: GuardCommand, ctx: JudgeContext): Judgement {
  if (cmd.opaque !== undefined) return judgement('GRD030', 'ask', `${cmd.opaque}; the guard cannot see what it runs.`);
  if (cmd.downloadInto !== undefined) {
    return judgement(
      'GRD010',
      'deny',
      `\`${cmd.shownText}\` downloads a script and pipes it into \`${cmd.downloadInto}\` without saving or verifying it.`,
    );
  }
  const own = cmd.name === undefined ? undefined : JUDGES[cmd.name]?.(cmd, ctx);
  return (
    own ??
    judgeMigration(cmd, ctx) ??
    judgement('GRD000', 'allow', 'no destructive or production-changing command found.')
  );
}

const RANK = { deny: 3, ask: 2, allow: 1 } as const;

/** deny > ask > allow with advice (a validated change) > plain allow; the first wins a tie. */
function mostSevere(judged: readonly Judgement[]): Judgement | undefined {
  let best: Judgement | undefined;
  let bestRank = -1;
  for (const j of judged) {
    const rank = RANK[j.decision] * 2 + (j.ruleId === 'GRD000' ? 0 : 1);
    if (rank > bestRank) {
      best = j;
      bestRank = rank;
    }
  }
  return best?.ruleId === 'GRD000' ? undefined : best;
}

/** The verdict, with every text redacted again: reasons quote arguments and SQL. */
function finish(j: Judgement, commands: string[]): GuardVerdict {
  const verdict: GuardVerdict = { decision: j.decision, ruleId: j.ruleId, reason: redactSecrets(j.reason), commands };
  if (j.validateFirst !== undefined) verdict.validateFirst = redactSecrets(j.validateFirst);
  if (j.rollback !== undefined) verdict.rollback = redactSecrets(j.rollback);
  return verdict;
}
