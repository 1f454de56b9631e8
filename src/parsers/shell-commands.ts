/**
 * Reading parsed shell commands: which program really runs (through `sudo`, `env`, `nohup` …), the
 * script of `sh -c`, options, pipelines, and downloads piped into an interpreter. Shared by the
 * Dockerfile rules, CI `run:` rules and the command guard.
 */
import type { ShellScript, ShellWord, SimpleCommand } from './shell.js';

export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh', 'mksh']);

/** Wrappers that run their argument as the command (`sudo -u app curl …`), with their options taking a value. */
const WRAPPERS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']),
  exec: new Set(['-a']),
  time: new Set(['-f', '-o']),
  nohup: new Set(),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '-n', '-p']),
  command: new Set(),
  builtin: new Set(),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  stdbuf: new Set(['-i', '-o', '-e']),
};

export interface UnwrappedCommand {
  /** Base name of the command that actually runs (`/usr/bin/curl` → `curl`); undefined when not literal. */
  name: string | undefined;
  nameWord: ShellWord | undefined;
  /** Words after the name. */
  args: ShellWord[];
  /** The wrapper words that were skipped (`sudo`, `env`, `exec` …), in order. */
  wrappers: ShellWord[];
}

/** Skips `sudo`, `env VAR=x`, `exec`, `time`, `nohup`, `nice`, `timeout 5` … to the command that runs. */
export function unwrapCommand(cmd: Pick<SimpleCommand, 'words'>): UnwrappedCommand {
  const words = cmd.words;
  const wrappers: ShellWord[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] as ShellWord;
    const name = word.value === undefined ? undefined : basename(word.value);
    const valued = name === undefined ? undefined : WRAPPERS[name];
    // `command -v x` asks about x, it does not run it.
    if (!valued || (name === 'command' && words[i + 1]?.value?.match(/^-[vV]$/))) break;
    wrappers.push(word);
    i++;
    let positionals = name === 'timeout' ? 1 : 0;
    while (i < words.length) {
      const v = (words[i] as ShellWord).value ?? '';
      if (v === '--') {
        i++;
        break;
      }
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) i++;
      else if (v.startsWith('-') && v.length > 1) i += valued.has(v) ? 2 : 1;
      else if (positionals > 0) {
        positionals--;
        i++;
      } else break;
    }
  }
  const nameWord = words[i];
  return {
    name: nameWord?.value === undefined ? undefined : basename(nameWord.value),
    nameWord,
    args: words.slice(i + 1),
    wrappers,
  };
}

/** The name of the command that runs, wrappers unwrapped. */
export function commandName(cmd: Pick<SimpleCommand, 'words'>): string | undefined {
  return unwrapCommand(cmd).name;
}

/** For `sh -c '…'` / `bash -ec "…"`: the word holding the script; otherwise undefined. */
export function shellCommandString(cmd: Pick<SimpleCommand, 'words'>): ShellWord | undefined {
  const { name, args } = unwrapCommand(cmd);
  if (name === undefined || !SHELLS.has(name)) return undefined;
  let sawC = false;
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as ShellWord).value ?? '';
    if (sawC) return args[i];
    if (/^-[A-Za-z]+$/.test(v)) {
      if (v.includes('c')) sawC = true;
      if (v.endsWith('o')) i++;
    } else if (v.startsWith('--') || v.startsWith('+')) {
    } else return undefined;
  }
  return undefined;
}

/** True when `args` holds the option: `--long`, `--long=…`, or `-x` alone or in a cluster (`-qy`). */
export function hasOption(args: readonly ShellWord[], short: string | undefined, ...long: string[]): boolean {
  return args.some((w) => {
    const v = w.value;
    if (v === undefined) return false;
    if (long.some((l) => v === l || v.startsWith(`${l}=`))) return true;
    return short !== undefined && /^-[A-Za-z0-9]+$/.test(v) && v.slice(1).includes(short);
  });
}

/** The commands of `cmd`'s pipeline, in pipe order (the command alone when it is not piped). */
export function pipelineOf(script: ShellScript, cmd: SimpleCommand): SimpleCommand[] {
  return script.commands
    .filter((c) => c.pipeline.id === cmd.pipeline.id)
    .sort((a, b) => a.pipeline.index - b.pipeline.index || a.start - b.start);
}

function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

// Downloads piped into an interpreter

/** Programs that run a script read from stdin, with the option letters that make them run an inline one instead. */
const INTERPRETERS: Record<string, string> = {
  sh: 'c',
  bash: 'c',
  dash: 'c',
  zsh: 'c',
  ash: 'c',
  ksh: 'c',
  mksh: 'c',
  python: 'cm',
  python3: 'cm',
  perl: 'eE',
  ruby: 'e',
  node: 'ep',
};
/** Builtins that run the text of their argument. */
const EVALUATORS = new Set(['eval', 'source', '.']);

export interface DownloadIntoShell {
  /** The curl/wget command. */
  download: SimpleCommand;
  shell: string;
  start: number;
  end: number;
}

/**
 * `curl … | sh`, `wget -O- … | sudo bash -`, `sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(curl …)"`:
 * a download executed without being saved and verified. `start`/`end` span the offending pipeline.
 */
export function findDownloadsIntoShell(script: ShellScript): DownloadIntoShell[] {
  const out: DownloadIntoShell[] = [];
  const downloads = script.commands.filter(writesDownloadToStdout);
  for (const download of downloads) {
    const later = pipelineOf(script, download).filter((c) => c.pipeline.index > download.pipeline.index);
    const shell = later.find(runsStdin);
    if (shell)
      out.push({ download, shell: unwrapCommand(shell).name ?? 'a shell', start: download.start, end: shell.end });
  }
  // `sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(curl …)"`.
  for (const cmd of script.commands) {
    const { name, args } = unwrapCommand(cmd);
    if (name === undefined || !(name in INTERPRETERS || EVALUATORS.has(name))) continue;
    const download = args
      .filter(isOnlySubstitution)
      .flatMap((w) => downloads.filter((d) => d.origin === 'substitution' && d.start >= w.start && d.end <= w.end))[0];
    if (download) out.push({ download, shell: name, start: cmd.start, end: cmd.end });
  }
  return out;
}

function isOnlySubstitution(word: ShellWord): boolean {
  return word.value === undefined && /^("?)\$\(.*\)\1$|^<\(.*\)$/s.test(word.raw);
}

/** curl writes to stdout unless told `-o file`/`-O`; wget writes a file unless told `-O -`. */
function writesDownloadToStdout(cmd: SimpleCommand): boolean {
  const { name, args } = unwrapCommand(cmd);
  const values = args.map((w) => w.value);
  const isStdout = (v: string | undefined) => v === '-' || v === '/dev/stdout';
  if (name === 'curl') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? '';
      if (v === '--output') return isStdout(values[i + 1]);
      if (v.startsWith('--output=')) return isStdout(v.slice('--output='.length));
      if (v === '--remote-name' || v === '--remote-name-all') return false;
      if (/^-[A-Za-z]+$/.test(v)) {
        if (v.includes('O')) return false;
        if (v.endsWith('o')) return isStdout(values[i + 1]);
      }
    }
    return true;
  }
  if (name === 'wget') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? '';
      if (v === '--output-document') return isStdout(values[i + 1]);
      if (v.startsWith('--output-document=')) return isStdout(v.slice('--output-document='.length));
      const cluster = /^-[A-Za-z]*O(.*)$/.exec(v);
      if (cluster) return isStdout(cluster[1] === '' ? values[i + 1] : cluster[1]);
    }
  }
  return false;
}

/** True when the command executes the script it reads on stdin (`sh`, `bash -s -- --yes`, `python3 -`). */
export function runsStdin(cmd: Pick<SimpleCommand, 'words'>): boolean {
  const { name, args } = unwrapCommand(cmd);
  const inline = name === undefined ? undefined : INTERPRETERS[name];
  if (inline === undefined) return false;
  let fromStdin = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value;
    if (v === undefined) return false;
    if (v === '-') return true;
    if (v === '--') return fromStdin;
    if (v.startsWith('--')) {
      if (v === '--command' || v.startsWith('--eval')) return false;
      continue;
    }
    if (/^[-+][A-Za-z]+$/.test(v)) {
      if ([...inline].some((c) => v.includes(c))) return false;
      if (v.includes('s')) fromStdin = true;
      if (v.endsWith('o')) i++;
      continue;
    }
    // A script file argument: stdin is data unless `-s` said otherwise.
    return fromStdin;
  }
  return true;
}
