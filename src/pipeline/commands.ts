/**
 * What a CI command does: deploy, validate, build an image, scan with Trivy or a secret scanner, migrate
 * a database, back one up, roll back. One classification for the GitHub Actions, GitLab CI and Jenkins
 * rules (and the command guard), so that "is this a deploy job?" has the same answer everywhere. It reads
 * parsed shell commands (never script text), looking through wrappers (`sudo`, `env`), tool runners
 * (`npx`, `bundle exec`, `python -m`, `docker run IMAGE`) and `ssh host '…'` remote commands.
 */
import { SourceFile } from '../core/source-file.js';
import { parseShell, type ShellScript, type ShellWord, type SimpleCommand, unwrapCommand } from '../parsers/shell.js';
import { secretScannerIn } from '../secrets/scanners.js';
import {
  baseName,
  type CommandClass,
  commandClass,
  firstPositional,
  globalDockerOptions,
  type Invocation,
  imageRepo,
  stripVersion,
} from './command-args.js';
import { classifyInvocation } from './command-tools.js';

export { type ActionInputs, classifyAction } from './actions.js';
export { COMMAND_CATEGORIES, type CommandCategory, type CommandClass } from './command-args.js';

export interface ClassifiedCommand extends CommandClass {
  command: SimpleCommand;
  /** Offsets of the command (the script's offsets: file offsets for embedded scripts). */
  start: number;
  end: number;
}

export interface ClassifyOptions {
  /** The environment points Docker at a remote engine (`DOCKER_HOST`/`DOCKER_CONTEXT` set by the CI step). */
  remoteDocker?: boolean;
}

const MAX_DEPTH = 4;

/** Every classification of every command of a script, in source order. */
export function classifyScript(script: ShellScript, options: ClassifyOptions = {}): ClassifiedCommand[] {
  const out: ClassifiedCommand[] = [];
  let remoteDocker = options.remoteDocker === true;
  for (const command of script.commands) {
    // `export DOCKER_HOST=ssh://…` / `docker context use prod` earlier in the script make later compose runs remote.
    if (setsRemoteDocker(command)) remoteDocker = true;
    for (const c of classifyCommand(command, { remoteDocker })) {
      out.push({ ...c, command, start: command.start, end: command.end });
    }
  }
  return out;
}

/** The classifications of one simple command (several when it does several things: `trivy fs` scans secrets too). */
export function classifyCommand(
  command: Pick<SimpleCommand, 'words' | 'assignments'>,
  options: ClassifyOptions = {},
): CommandClass[] {
  const out: CommandClass[] = [];
  for (const inv of invocationsOf(command, options.remoteDocker === true, 0)) {
    out.push(...classifyInvocation(inv));
    const scanner = secretScannerOf(inv);
    if (scanner !== undefined) out.push(commandClass('secret-scan', scanner));
  }
  return dedupe(out);
}

/**
 * Secret scanners are recognised by the SEC005 module (one list for both), on the program and its
 * arguments; the scanner must be the program itself, so `echo "run gitleaks"` is not a scan.
 */
function secretScannerOf(inv: Invocation): string | undefined {
  const text = [inv.tool, ...inv.args.map((a) => a ?? '"$x"')].join(' ');
  const scanner = secretScannerIn(new SourceFile('command', 'text', text));
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  return scanner !== undefined && norm(inv.tool) === norm(scanner) ? scanner : undefined;
}

/** True for commands that roll a deployment back when run after a failure. */
export function isRollbackCommand(c: CommandClass): boolean {
  // Updating an ECS service to a task definition is how ECS rolls back (to the previous revision).
  return (
    c.category === 'rollback' ||
    c.label === 'aws ecs update-service' ||
    c.label === 'aws-actions/amazon-ecs-deploy-task-definition'
  );
}

function dedupe(list: CommandClass[]): CommandClass[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.category}\u0000${c.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function setsRemoteDocker(command: SimpleCommand): boolean {
  const remoteVar = (name: string, value: string | undefined) =>
    (name === 'DOCKER_HOST' && value !== undefined && value !== '' && !/^unix:/.test(value)) ||
    (name === 'DOCKER_CONTEXT' && value !== 'default');
  if (command.assignments.some((a) => remoteVar(a.name, a.value?.value)) && command.words.length <= 1) return true;
  const { name, args } = unwrapCommand(command);
  if (name === 'docker' && args[0]?.value === 'context' && args[1]?.value === 'use') {
    return args[2]?.value !== 'default';
  }
  return false;
}

// Invocations: wrappers, runners, docker run, ssh

function invocationsOf(
  command: Pick<SimpleCommand, 'words' | 'assignments'>,
  remote: boolean,
  depth: number,
): Invocation[] {
  const { name, nameWord, args } = unwrapCommand(command);
  if (name === undefined || nameWord === undefined) return [];
  const env: Record<string, string | undefined> = {};
  for (const a of command.assignments) env[a.name] = a.value?.value;
  for (const w of command.words) {
    if (w === nameWord) break;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value ?? '');
    if (m) env[m[1] as string] = m[2];
  }
  const remoteEnv =
    (env.DOCKER_HOST !== undefined && !/^unix:/.test(env.DOCKER_HOST)) ||
    (env.DOCKER_CONTEXT !== undefined && env.DOCKER_CONTEXT !== 'default');
  // `/kaniko/executor` is Kaniko whatever its base name.
  const tool = name === 'executor' && /kaniko/.test(nameWord.value ?? '') ? 'kaniko' : name;
  return expand({ tool, args: args.map((w: ShellWord) => w.value), env, remote: remote || remoteEnv }, depth);
}

/** Options of runners that take a value (so the value is not mistaken for the program). */
const RUNNER_VALUED: Record<string, ReadonlySet<string>> = {
  npx: new Set(['-p', '--package', '-c', '--call']),
  bunx: new Set(['-p', '--package']),
  docker: new Set([
    '-e',
    '--env',
    '--env-file',
    '-v',
    '--volume',
    '-w',
    '--workdir',
    '--name',
    '--entrypoint',
    '-p',
    '--publish',
    '--network',
    '--net',
    '-u',
    '--user',
    '--mount',
    '--platform',
    '-l',
    '--label',
    '--add-host',
    '--cpus',
    '-m',
    '--memory',
    '--pull',
    '--hostname',
    '-h',
    '--restart',
    '--cap-add',
    '--cap-drop',
    '--security-opt',
    '--tmpfs',
    '--ulimit',
    '--device',
    '--gpus',
    '--log-driver',
    '--shm-size',
  ]),
  ssh: new Set(['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-W', '-b', '-c', '-E', '-m', '-S', '-Q', '-O']),
};

/** Images whose entrypoint is a tool we classify (`docker run aquasec/trivy image app:1`). */
const IMAGE_TOOLS: Record<string, string> = {
  trivy: 'trivy',
  gitleaks: 'gitleaks',
  trufflehog: 'trufflehog',
  executor: 'kaniko',
  terraform: 'terraform',
  opentofu: 'tofu',
  kubectl: 'kubectl',
  helm: 'helm',
  flyway: 'flyway',
  liquibase: 'liquibase',
  migrate: 'migrate',
  dbmate: 'dbmate',
  'aws-cli': 'aws',
  'cloud-sdk': 'gcloud',
  'google-cloud-cli': 'gcloud',
  argocd: 'argocd',
};

function expand(inv: Invocation, depth: number): Invocation[] {
  if (depth > MAX_DEPTH) return [inv];
  const { tool, args } = inv;
  const rest = (from: number, next?: string): Invocation[] => {
    const nextTool = next ?? args[from];
    if (nextTool === undefined) return [];
    return expand({ ...inv, tool: baseName(nextTool), args: args.slice(from + 1) }, depth + 1);
  };
  switch (tool) {
    case 'npx':
    case 'bunx': {
      const i = firstPositional(args, RUNNER_VALUED[tool] as ReadonlySet<string>);
      return i < 0 ? [] : rest(i, stripVersion(args[i] as string));
    }
    case 'pnpm':
    case 'yarn':
      if (args[0] === 'exec' || args[0] === 'dlx')
        return rest(1, args[1] === undefined ? undefined : stripVersion(args[1]));
      return [inv];
    case 'bundle':
      return args[0] === 'exec' ? rest(1) : [inv];
    case 'poetry':
    case 'pipenv':
    case 'pdm':
    case 'uv':
    case 'hatch':
      return args[0] === 'run' ? rest(1) : [inv];
    case 'python':
    case 'python3': {
      const m = args.indexOf('-m');
      return m >= 0 ? rest(m + 1) : [inv];
    }
    case 'docker':
    case 'podman':
      return expandDocker(inv, depth);
    case 'ssh':
      return expandSsh(inv, depth);
    default:
      return [inv];
  }
}

/** `docker run [opts] IMAGE [args]`: the image's tool, or the command run in a generic image. */
function expandDocker(inv: Invocation, depth: number): Invocation[] {
  const { args } = inv;
  const g = globalDockerOptions(args);
  const remote = inv.remote || g.remote;
  const sub = args[g.next];
  if (sub !== 'run' && !(sub === 'container' && args[g.next + 1] === 'run')) return [{ ...inv, remote }];
  const from = g.next + (sub === 'run' ? 1 : 2);
  const i = firstPositional(args.slice(from), RUNNER_VALUED.docker as ReadonlySet<string>);
  if (i < 0) return [{ ...inv, remote }];
  const image = args[from + i];
  const after = args.slice(from + i + 1);
  if (image === undefined) return [];
  const repo = imageRepo(image);
  const known = IMAGE_TOOLS[repo];
  if (known !== undefined) {
    // `docker run aquasec/trivy trivy image x` repeats the entrypoint: drop it.
    const own = after[0] !== undefined && baseName(after[0]) === known ? after.slice(1) : after;
    return expand({ ...inv, tool: known, args: own, remote }, depth + 1);
  }
  if (after[0] === undefined) return [];
  return expand({ ...inv, tool: baseName(after[0]), args: after.slice(1), remote }, depth + 1);
}

/** `ssh [opts] host 'remote command'`: the remote command is a script too, run against the remote engine. */
function expandSsh(inv: Invocation, depth: number): Invocation[] {
  const i = firstPositional(inv.args, RUNNER_VALUED.ssh as ReadonlySet<string>);
  const remoteWords = inv.args.slice(i + 1);
  if (i < 0 || remoteWords.length === 0 || remoteWords.some((w) => w === undefined)) return [];
  const script = parseShell(remoteWords.join(' '));
  return script.commands.flatMap((cmd) => invocationsOf(cmd, true, depth + 1));
}
