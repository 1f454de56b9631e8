/**
 * Taking apart commands that run other commands: the `env` wrapper's assignments, what a command reads on
 * stdin, xargs' command and input, `find -exec`, `su -c`, `docker exec`, and the option tables that say
 * which options take a value.
 */
import { pipelineOf, type ShellScript, type ShellWord, type SimpleCommand, unwrapCommand } from '../parsers/shell.js';
import { type Arg, basename, firstPositional, values } from './args.js';

/** `env A=1 B=2 cmd`: assignments given to the `env` wrapper. */
export function envWrapperAssignments(words: ShellWord[], nameWord: ShellWord): Record<string, string> {
  const out: Record<string, string> = {};
  let inEnv = false;
  for (const w of words) {
    if (w === nameWord) break;
    if (w.value !== undefined && basename(w.value) === 'env') inEnv = true;
    const m = inEnv ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value ?? '') : null;
    if (m) out[m[1] as string] = m[2] as string;
  }
  return out;
}

/**
 * What a command reads on stdin, when literal: its here-document or here-string, or the output of
 * `echo`/`printf`/`cat <<EOF` just before it in the pipeline.
 */
export function stdinText(script: ShellScript, command: SimpleCommand): string | undefined {
  for (const r of command.redirects) {
    if ((r.op === '<<' || r.op === '<<-') && r.heredoc) return r.heredoc.value ?? r.heredoc.raw;
    if (r.op === '<<<' && r.target) return r.target.value ?? r.target.raw;
  }
  if (command.pipeline.index === 0) return undefined;
  const previous = pipelineOf(script, command).find((c) => c.pipeline.index === command.pipeline.index - 1);
  if (!previous) return undefined;
  const { name, args } = unwrapCommand(previous);
  if (name === 'echo' || name === 'printf') {
    const words = args.filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w.value ?? '')));
    return words.map((w) => w.value ?? w.raw).join(' ');
  }
  if (name === 'cat' && args.length === 0) {
    const doc = previous.redirects.find((r) => r.heredoc || r.op === '<<<');
    if (doc) return doc.heredoc ? (doc.heredoc.value ?? doc.heredoc.raw) : (doc.target?.value ?? doc.target?.raw);
  }
  return undefined;
}

/**
 * The command xargs runs, with its input when that is literal (`echo prod | xargs kubectl delete ns`):
 * appended, or substituted for the `-I` replacement string (first item, as the first run would).
 */
export function withXargsInput(words: ShellWord[], argv: readonly Arg[], stdin: string | undefined): ShellWord[] {
  if (stdin === undefined) return words;
  const items = stdin.split(/\s+/).filter(Boolean);
  const synthetic = (value: string, at: ShellWord): ShellWord => ({ value, raw: value, start: at.start, end: at.end });
  const replace = xargsReplaceString(argv.slice(0, Math.max(0, firstPositional(argv, XARGS_VALUED))));
  if (replace !== undefined) {
    const first = items[0] ?? '';
    return words.map((w) => (w.value?.includes(replace) ? synthetic(w.value.replaceAll(replace, first), w) : w));
  }
  const last = words[words.length - 1] as ShellWord;
  return [...words, ...items.map((item) => synthetic(item, last))];
}

/** `-I R`, `-IR`, `--replace=R`, `-i` (= `{}`). */
function xargsReplaceString(options: readonly Arg[]): string | undefined {
  for (let i = 0; i < options.length; i++) {
    const v = options[i];
    if (v === '-I') return options[i + 1];
    if (v?.startsWith('-I')) return v.slice(2);
    if (v?.startsWith('--replace')) return v.slice('--replace='.length) || '{}';
    if (v?.startsWith('-i')) return v.slice(2) || '{}';
  }
  return undefined;
}

/** `find … -exec cmd {} ;` / `-execdir … +` / `-ok`: the commands find runs. */
export function findExecs(args: ShellWord[]): ShellWord[][] {
  const out: ShellWord[][] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value;
    if (v !== '-exec' && v !== '-execdir' && v !== '-ok' && v !== '-okdir') continue;
    const end = args.findIndex((w, j) => j > i && (w.value === ';' || w.value === '+'));
    const stop = end < 0 ? args.length : end;
    if (stop > i + 1) out.push(args.slice(i + 1, stop));
    i = stop;
  }
  return out;
}

/** `-c 'script'`, `--command='script'`, `--command script`. */
export function optionWord(args: ShellWord[], names: readonly string[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as ShellWord;
    const v = w.value;
    if (v !== undefined && names.includes(v)) return args[i + 1];
    const long = names.find((n) => n.startsWith('--') && v?.startsWith(`${n}=`));
    if (long !== undefined && v !== undefined) {
      const value = v.slice(long.length + 1);
      return { value, raw: value, start: w.start, end: w.end };
    }
  }
  return undefined;
}

/** `docker exec [opts] CONTAINER cmd…` and `docker compose exec [opts] SERVICE cmd…`: the command run inside. */
export function dockerExecCommand(args: ShellWord[]): ShellWord[] | undefined {
  const argv = values(args);
  let i = 0;
  if (argv[0] === 'compose') i = 1 + Math.max(0, firstPositional(argv.slice(1), COMPOSE_VALUED));
  else if (argv[0] === 'container') i = 1;
  if (argv[i] !== 'exec') return undefined;
  const rest = argv.slice(i + 1);
  const target = firstPositional(rest, DOCKER_EXEC_VALUED);
  if (target < 0) return undefined;
  const inner = args.slice(i + 1 + target + 1);
  return inner.length > 0 ? inner : undefined;
}

export const XARGS_VALUED = new Set([
  '-I',
  '-L',
  '-n',
  '-P',
  '-s',
  '-d',
  '-E',
  '-a',
  '--delimiter',
  '--arg-file',
  '--max-args',
  '--max-lines',
  '--max-procs',
  '--max-chars',
  '--replace',
  '--eof',
  '--process-slot-var',
]);
export const WATCH_VALUED = new Set(['-n', '--interval']);
export const SSH_VALUED = new Set([
  '-p',
  '-i',
  '-l',
  '-o',
  '-F',
  '-J',
  '-L',
  '-R',
  '-D',
  '-W',
  '-b',
  '-c',
  '-E',
  '-m',
  '-S',
  '-Q',
  '-O',
  '-w',
  '-B',
  '-e',
  '-I',
]);
export const KUBECTL_EXEC_VALUED = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '-c',
  '--container',
  '-f',
  '--filename',
  '--pod-running-timeout',
]);
const COMPOSE_VALUED = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--env-file',
  '--profile',
  '--project-directory',
]);
const DOCKER_EXEC_VALUED = new Set([
  '-e',
  '--env',
  '--env-file',
  '-u',
  '--user',
  '-w',
  '--workdir',
  '--detach-keys',
  '--index',
]);
