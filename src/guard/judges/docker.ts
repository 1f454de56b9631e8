/** Docker, Podman and Compose: volume-destroying prunes and removals, and the production stack started by hand. */
import { type Arg, dryRunOf, hasLong, hasShort, optionValues, positionals } from '../args.js';
import type { GuardCommand } from '../commands.js';
import { type JudgeContext, protectedTarget, quote } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

const GLOBAL_VALUED = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);
const COMPOSE_VALUED = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--env-file',
  '--profile',
  '--project-directory',
  '--ansi',
  '--parallel',
  '--progress',
]);

export function judgeDocker(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  const argv = cmd.argv;
  const start = skipOptions(argv, GLOBAL_VALUED);
  const rest = argv.slice(start);
  const [group, action] = rest;
  const shown = quote(cmd.shownText);
  if (group === 'compose') return judgeCompose(cmd, rest.slice(1), ctx);
  if (group === 'system' && action === 'prune') {
    const opts = rest.slice(2);
    if (hasLong(opts, '--all', '--volumes') || hasShort(opts, 'a')) {
      return judgement(
        'GRD005',
        'deny',
        `${shown} removes ${hasLong(opts, '--volumes') ? 'unused volumes (their data) and ' : ''}every unused image, container and network.`,
      );
    }
    return undefined;
  }
  if (group === 'volume' && (action === 'rm' || action === 'remove' || action === 'prune')) {
    const names = positionals(rest.slice(2)).filter((n) => n !== undefined);
    const what =
      action === 'prune'
        ? 'every unused volume'
        : `volume${names.length > 1 ? 's' : ''} ${names.join(' ') || '(from a substitution)'}`;
    return judgement('GRD005', 'deny', `${shown} deletes ${what} and the data in it; volumes cannot be recovered.`, {
      validateFirst:
        action === 'prune'
          ? '`docker volume ls -f dangling=true`'
          : `\`docker volume inspect ${names.join(' ') || '<volume>'}\``,
    });
  }
  return undefined;
}

/** `docker-compose` (v1) takes the same arguments as `docker compose`. */
export function judgeComposeV1(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  return judgeCompose(cmd, cmd.argv, ctx);
}

function judgeCompose(cmd: GuardCommand, args: readonly Arg[], ctx: JudgeContext): Judgement | undefined {
  const pos = positionals(args, COMPOSE_VALUED);
  const verb = pos[0];
  const shown = quote(cmd.shownText);
  const verbAt = args.indexOf(verb);
  const after = verbAt < 0 ? [] : args.slice(verbAt + 1);
  if (verb === 'down' && (hasLong(after, '--volumes') || hasShort(after, 'v'))) {
    return judgement('GRD005', 'deny', `${shown} removes the project's named volumes and the data in them.`, {
      validateFirst: '`docker compose down` without `-v` keeps the volumes; `docker volume ls` shows them',
    });
  }
  if (verb !== 'up' || dryRunOf(after) !== undefined) return undefined;
  const files = [
    ...optionValues(args, ['-f', '--file']),
    ...(cmd.env.COMPOSE_FILE ?? '').split(/[:;]/).filter(Boolean),
  ];
  const where = protectedTarget(ctx, [
    ...files.map((value) => ({ what: 'compose file', value })),
    ...optionValues(args, ['--env-file']).map((value) => ({ what: 'env file', value })),
    { what: 'project', value: optionValues(args, ['-p', '--project-name'])[0] ?? cmd.env.COMPOSE_PROJECT_NAME },
  ]);
  if (where === undefined) return undefined;
  const fileArgs = files.map((f) => `-f ${f}`).join(' ');
  return judgement('GRD017', 'ask', `${shown} starts the production stack by hand: ${where}.`, {
    validateFirst: `\`docker compose ${fileArgs} config\` to see the resolved configuration`,
    rollback: `\`docker compose ${fileArgs} down\` (without \`-v\`), then redeploy the previous version`,
  });
}

function skipOptions(args: readonly Arg[], valued: ReadonlySet<string>): number {
  let i = 0;
  while (i < args.length) {
    const v = args[i];
    if (v === undefined || !v.startsWith('-')) break;
    i += valued.has(v) ? 2 : 1;
  }
  return i;
}
