/**
 * From a parsed command line to the simple commands that will actually run, each with the environment it
 * sees. The parser already descends into `&&`/`;`/pipes/subshells, `$(…)` and literal `sh -c '…'`
 * strings; here the guard also looks through what runs *another* command: wrappers (`sudo`, `env`,
 * `timeout`, `nohup` — via unwrapCommand), `xargs`, `watch`, `find -exec`, `eval`, `su -c`, `ssh host '…'`,
 * `kubectl exec … --`, `docker exec`, scripts fed to a shell on stdin, and `sh -c` strings the parser could
 * not read literally. Script state that later commands depend on (`export`, `cd`, `kubectl config
 * use-context`, `terraform workspace select`) is tracked in order.
 */
import {
  findDownloadsIntoShell,
  parseShell,
  runsStdin,
  SHELLS,
  type ShellScript,
  type ShellWord,
  type SimpleCommand,
  shellCommandString,
  unwrapCommand,
} from '../parsers/shell.js';
import { type Arg, basename, firstPositional, positionals, values } from './args.js';
import { resolvePath } from './context.js';
import { commandText, redactedCommandText, redactKnown } from './text.js';
import {
  dockerExecCommand,
  envWrapperAssignments,
  findExecs,
  KUBECTL_EXEC_VALUED,
  optionWord,
  SSH_VALUED,
  stdinText,
  WATCH_VALUED,
  withXargsInput,
  XARGS_VALUED,
} from './unwrap.js';

export interface GuardCommand {
  /** Base name of the program (`/usr/bin/kubectl` → `kubectl`); undefined when the name is an expansion. */
  name: string | undefined;
  /** The words that run, program first (wrappers removed). */
  words: ShellWord[];
  args: ShellWord[];
  /** Literal argument values. */
  argv: Arg[];
  /** The environment the command sees: the caller's, script assignments/exports, `VAR=x cmd`, `env VAR=x`. */
  env: Record<string, string | undefined>;
  /** Normalised text (policy patterns match it) and its redacted form (what verdicts show). */
  text: string;
  shownText: string;
  /** Working directory after any `cd` earlier in the command line. */
  cwd: string;
  /** `kubectl config use-context X` / `kubectx X` earlier in the command line. */
  kubeContext?: string;
  /** `terraform workspace select|new X` earlier in the command line. */
  tfWorkspace?: string;
  /** Text fed on stdin (heredoc, here-string, `echo … |`), when literal. */
  stdin?: string;
  /** Why the guard cannot see what this runs (`eval "$CMD"`). */
  opaque?: string;
  /** The shell a download is piped into (`curl … | sh`). */
  downloadInto?: string;
}

export interface WalkOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

interface WalkState {
  env: Record<string, string | undefined>;
  cwd: string;
  kubeContext?: string;
  tfWorkspace?: string;
  out: GuardCommand[];
  /** Parse errors of nested scripts (`eval 'a "'`): the whole line is then unparseable. */
  errors: string[];
  /** Credentials redacted by position in some command, to redact in the scripts of wrappers too. */
  secrets: string[];
}

const MAX_DEPTH = 4;

/** Every simple command of `script`, expanded, in the order they run. */
export function collectCommands(
  script: ShellScript,
  options: WalkOptions,
): { commands: GuardCommand[]; errors: string[] } {
  const state: WalkState = { env: { ...options.env }, cwd: options.cwd, out: [], errors: [], secrets: [] };
  walkScript(script, state, 0);
  // `sh -c 'mysql -pS3cret …'`: the wrapper shows the script that its nested command redacted.
  if (state.secrets.length > 0) {
    for (const command of state.out) command.shownText = redactKnown(command.shownText, state.secrets);
  }
  return { commands: state.out, errors: state.errors };
}

function walkScript(script: ShellScript, state: WalkState, depth: number): void {
  const downloads = new Map<SimpleCommand, string>();
  for (const d of findDownloadsIntoShell(script)) if (!downloads.has(d.download)) downloads.set(d.download, d.shell);
  for (const command of script.commands) {
    const env = { ...state.env };
    for (const a of command.assignments) env[a.name] = a.value?.value ?? a.value?.raw ?? '';
    if (command.words.length === 0) {
      // `X=1` alone sets a shell variable for the rest of the line (exported or not, fail closed: assume seen).
      Object.assign(state.env, env);
      continue;
    }
    const stdin = stdinText(script, command);
    const seed: Seed = { env, stdin, downloadInto: downloads.get(command), recordedIn: script };
    expandWords(command.words, seed, state, depth);
  }
}

interface Seed {
  env: Record<string, string | undefined>;
  stdin: string | undefined;
  downloadInto: string | undefined;
  /** The script the parser recorded these words in (undefined for words the guard took apart itself). */
  recordedIn?: ShellScript | undefined;
}

function expandWords(words: ShellWord[], seed: Seed, state: WalkState, depth: number): void {
  const unwrapped = unwrapCommand({ words });
  const { name, nameWord } = unwrapped;
  if (nameWord === undefined) {
    // A wrapper alone (`env`, `sudo -v`): the wrapper is the command.
    const first = words[0]?.value;
    state.out.push(makeCommand(words, first === undefined ? undefined : basename(first), seed.env, seed, state));
    return;
  }
  const env = { ...seed.env, ...envWrapperAssignments(words, nameWord) };
  const effective = words.slice(words.indexOf(nameWord));
  const command = makeCommand(effective, name, env, seed, state);
  state.out.push(command);
  if (name === undefined) {
    command.opaque = `the program name \`${nameWord.raw}\` is only known at run time`;
    return;
  }
  observe(command, state);
  const inner: Seed = { env, stdin: undefined, downloadInto: undefined };
  const nested = nestedRuns(command, words, seed, inner, state, depth);
  if (nested.length === 0) return;
  // Fail closed: past the depth limit, what runs inside is asked about rather than left unread.
  if (depth >= MAX_DEPTH) command.opaque = `\`${name}\` nests commands deeper than the guard reads`;
  else for (const run of nested) run();
}

/** What a command runs in turn (`xargs CMD`, `eval TEXT`, `ssh host CMD` …), as deferred expansions. */
function nestedRuns(
  command: GuardCommand,
  words: ShellWord[],
  seed: Seed,
  inner: Seed,
  state: WalkState,
  depth: number,
): (() => void)[] {
  const { args, argv } = command;
  const next = depth + 1;
  switch (command.name) {
    case 'xargs': {
      const i = firstPositional(argv, XARGS_VALUED);
      return i < 0 ? [] : [() => expandWords(withXargsInput(args.slice(i), argv, seed.stdin), inner, state, next)];
    }
    case 'watch': {
      const i = firstPositional(argv, WATCH_VALUED);
      return i < 0 ? [] : [() => expandWords(args.slice(i), inner, state, next)];
    }
    case 'find':
      return findExecs(args).map((exec) => () => expandWords(exec, inner, state, next));
    case 'eval':
      return args.length === 0 ? [] : [() => expandText(args, command, 'eval', inner, state, depth)];
    case 'su': {
      const script = optionWord(args, ['-c', '--command']);
      return script ? [() => expandText([script], command, 'su -c', inner, state, depth)] : [];
    }
    case 'ssh': {
      const host = firstPositional(argv, SSH_VALUED);
      const remote = host < 0 ? [] : args.slice(host + 1);
      // A bare `ssh host` is an interactive login; the guard only sees commands given on the line.
      return remote.length === 0 ? [] : [() => expandText(remote, command, 'ssh', { ...inner, env: {} }, state, depth)];
    }
    case 'kubectl':
    case 'oc': {
      const dash = argv.indexOf('--');
      const exec = positionals(argv, KUBECTL_EXEC_VALUED)[0] === 'exec' && dash >= 0;
      return exec ? [() => expandWords(args.slice(dash + 1), { ...inner, env: {} }, state, next)] : [];
    }
    case 'docker':
    case 'podman': {
      const remote = dockerExecCommand(args);
      return remote ? [() => expandWords(remote, { ...inner, env: {} }, state, next)] : [];
    }
  }
  return SHELLS.has(command.name ?? '') ? shellRuns(command, words, seed, inner, state, depth) : [];
}

/** `bash -c '…'`, or a script on stdin (`bash <<EOF`, `echo … | sh`). */
function shellRuns(
  command: GuardCommand,
  words: ShellWord[],
  seed: Seed,
  inner: Seed,
  state: WalkState,
  depth: number,
): (() => void)[] {
  const script = shellCommandString({ words });
  if (script !== undefined) {
    // The parser reads literal strings of the commands it records (to a depth); the guard reads the rest.
    const parsed = seed.recordedIn?.commands.some(
      (c) => c.origin === 'shell-c' && c.start >= script.start && c.end <= script.end,
    );
    if (script.value !== undefined && parsed) return [];
    return [() => expandText([script], command, `${command.name} -c`, inner, state, depth)];
  }
  const stdin = seed.stdin;
  if (stdin !== undefined && runsStdin({ words })) return [() => walkNested(stdin, command, inner, state, depth)];
  return [];
}

/**
 * Text that is run as a script (`eval`, `ssh host …`, `sh -c "…$X…"`): literal words are joined; a
 * double-quoted word with expansions is read as the script it will become (`"kubectl get -n $NS"` →
 * `kubectl get -n $NS`); a bare expansion (`"$CMD"`) is opaque.
 */
function expandText(
  words: ShellWord[],
  command: GuardCommand,
  what: string,
  inner: Seed,
  state: WalkState,
  depth: number,
): void {
  const parts: string[] = [];
  for (const w of words) {
    if (w.value !== undefined) parts.push(w.value);
    else if (/^"(.*)"$/s.test(w.raw)) parts.push(w.raw.slice(1, -1).replace(/\\([\\"$`])/g, '$1'));
    else parts.push(w.raw);
  }
  const text = parts.join(' ');
  if (/^\s*("?)\$\{?[A-Za-z_@*][A-Za-z0-9_]*\}?\1\s*$/.test(text)) {
    command.opaque = `\`${what}\` runs text only known at run time (${text.trim()})`;
    return;
  }
  walkNested(text, command, inner, state, depth);
}

function walkNested(text: string, command: GuardCommand, inner: Seed, state: WalkState, depth: number): void {
  const script = parseShell(text);
  if (script.error) state.errors.push(`${script.error.message} (in \`${command.name}\`'s script)`);
  const saved = state.env;
  state.env = { ...inner.env };
  walkScript(script, state, depth + 1);
  state.env = saved;
}

function makeCommand(
  words: ShellWord[],
  name: string | undefined,
  env: Record<string, string | undefined>,
  seed: Seed,
  state: WalkState,
): GuardCommand {
  const args = words.slice(1);
  const command: GuardCommand = {
    name,
    words,
    args,
    argv: values(args),
    env,
    text: commandText(words),
    shownText: redactedCommandText(words, name, state.secrets),
    cwd: state.cwd,
  };
  if (state.kubeContext !== undefined) command.kubeContext = state.kubeContext;
  if (state.tfWorkspace !== undefined) command.tfWorkspace = state.tfWorkspace;
  if (seed.stdin !== undefined) command.stdin = seed.stdin;
  if (seed.downloadInto !== undefined) command.downloadInto = seed.downloadInto;
  return command;
}

/** State changes that later commands of the same line see. */
function observe(command: GuardCommand, state: WalkState): void {
  const [a0, a1, a2] = command.argv;
  switch (command.name) {
    case 'export':
    case 'declare':
    case 'typeset':
      Object.assign(state.env, command.env);
      return;
    case 'unset':
      for (const v of command.argv) if (v !== undefined) delete state.env[v];
      return;
    case 'cd':
    case 'pushd':
      if (a0 !== undefined && !a0.startsWith('-')) state.cwd = resolvePath(a0, state.cwd, state.env);
      return;
    case 'kubectx':
      if (a0 !== undefined && !a0.startsWith('-')) state.kubeContext = a0;
      return;
    case 'kubectl':
    case 'oc': {
      const pos = positionals(command.argv, KUBECTL_EXEC_VALUED);
      if (pos[0] === 'config' && pos[1] === 'use-context' && pos[2] !== undefined) state.kubeContext = pos[2];
      return;
    }
    case 'terraform':
    case 'tofu':
      if (a0 === 'workspace' && (a1 === 'select' || a1 === 'new') && a2 !== undefined) state.tfWorkspace = a2;
      return;
  }
}
