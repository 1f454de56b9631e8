/**
 * Dockerfile parser: dockerfile-ast for the instruction structure, parsers/shell.ts for RUN scripts.
 * LSP ranges (0-based) are turned into file offsets and 1-based ranges here, once.
 */
import {
  type Argument,
  type Copy,
  type Dockerfile,
  DockerfileParser,
  type Flag,
  type From,
  type Healthcheck,
  type Instruction,
  type JSONInstruction,
  type PropertyInstruction,
  type Run,
} from 'dockerfile-ast';
import type { SourceFile } from '../core/source-file.js';
import type {
  CopyInstruction,
  DockerDirective,
  DockerFlag,
  DockerfileModel,
  DockerInstruction,
  DockerStage,
  DockerToken,
  EnvInstruction,
  ExposeInstruction,
  FromInstruction,
  HealthcheckInstruction,
  ImageRef,
  KeyValue,
  RunInstruction,
  UserInstruction,
} from '../models/dockerfile.js';
import { parseShell, SHELLS, type ShellScript } from './shell.js';

export type { DockerfileModel, FinalStageUser } from '../models/dockerfile.js';
export { finalStage, finalStageUser, isRootUser } from '../models/dockerfile.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The parsed Dockerfile, cached on the file. Never throws: an unparsable file yields an empty model. */
export function dockerfileModel(file: SourceFile): DockerfileModel {
  return file.cached('dockerfile', () => {
    try {
      return buildModel(file, DockerfileParser.parse(file.text));
    } catch {
      return { directives: [], escape: '\\', globalArgs: [], stages: [], instructions: [] };
    }
  });
}

interface Builder {
  file: SourceFile;
  df: Dockerfile;
  escape: string;
  globals: Map<string, string | undefined>;
  stages: DockerStage[];
  /** Per stage: false once `SHELL` switches to a non-POSIX shell (PowerShell, cmd). */
  posixShell: boolean[];
}

function buildModel(file: SourceFile, df: Dockerfile): DockerfileModel {
  const b: Builder = { file, df, escape: df.getEscapeCharacter(), globals: new Map(), stages: [], posixShell: [] };
  const directives: DockerDirective[] = df.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    range: rangeOf(file, d.getRange()),
  }));
  const globalArgs: EnvInstruction[] = [];
  const instructions: DockerInstruction[] = [];
  for (const raw of df.getInstructions()) {
    const keyword = raw.getKeyword().toUpperCase();
    const stage = b.stages.length - 1;
    const instruction = convert(b, raw, keyword, stage);
    instructions.push(instruction);
    if (keyword === 'FROM') {
      const from = instruction as FromInstruction;
      const parentShell = from.stageRef === undefined ? true : (b.posixShell[from.stageRef] ?? true);
      b.stages.push({ index: b.stages.length, from, name: from.alias?.text, instructions: [] });
      b.posixShell.push(parentShell);
    } else if (stage < 0) {
      if (keyword === 'ARG') {
        const arg = instruction as EnvInstruction;
        globalArgs.push(arg);
        for (const p of arg.pairs) b.globals.set(p.key, p.value);
      }
    } else {
      b.stages[stage]?.instructions.push(instruction);
      if (keyword === 'SHELL') b.posixShell[stage] = isPosixShell(instruction.args.map((a) => a.text).join(' '));
    }
  }
  return { directives, escape: b.escape, globalArgs, stages: b.stages, instructions };
}

function convert(b: Builder, raw: Instruction, keyword: string, stage: number): DockerInstruction {
  const { file } = b;
  const range = raw.getRange();
  const start = offsetOf(file, range.start);
  const end = offsetOf(file, range.end);
  const flags = 'getFlags' in raw ? (raw as JSONInstruction).getFlags().map((f) => flagOf(file, f)) : [];
  const base = {
    keyword,
    range: file.range(start, end),
    keywordRange: rangeOf(file, raw.getInstructionRange()),
    start,
    end,
    args: raw.getArguments().map((a) => tokenOf(file, a)),
    flags,
    stage,
  };
  switch (keyword) {
    case 'FROM':
      return fromOf(b, raw as From, base);
    case 'RUN':
      return runOf(b, raw as Run, base);
    case 'COPY':
    case 'ADD':
      return copyOf(raw as Copy, { ...base, keyword });
    case 'ENV':
    case 'ARG':
      return { ...base, keyword, pairs: pairsOf(file, raw as PropertyInstruction) };
    case 'USER':
      return userOf(b, raw, base);
    case 'EXPOSE':
      return exposeOf(base);
    case 'HEALTHCHECK': {
      const sub = (raw as Healthcheck).getSubcommand()?.getValue().toUpperCase();
      const mode = sub === 'NONE' ? 'none' : sub === 'CMD' ? 'cmd' : 'invalid';
      return { ...base, keyword, mode } satisfies HealthcheckInstruction;
    }
    default:
      return base;
  }
}

type Base = Omit<DockerInstruction, 'keyword'> & { keyword: string };

function fromOf(b: Builder, raw: From, base: Base): FromInstruction {
  const [imageArg, as, aliasArg] = base.args;
  const alias =
    as?.text.toLowerCase() === 'as' && aliasArg ? { ...aliasArg, text: aliasArg.text.toLowerCase() } : undefined;
  const platform = raw.getPlatformFlag()?.getValue() ?? undefined;
  const from: FromInstruction = {
    ...base,
    keyword: 'FROM',
    image: undefined,
    scratch: false,
    stageRef: undefined,
    alias,
    platform,
  };
  if (!imageArg) return from;
  const { text: reference, args, unresolved } = substitute(imageArg.text, b.globals);
  const lower = reference.toLowerCase();
  const stageRef = unresolved ? undefined : b.stages.findIndex((s) => s.name === lower);
  if (lower === 'scratch') from.scratch = true;
  else if (stageRef !== undefined && stageRef >= 0) from.stageRef = stageRef;
  else from.image = { ...parseImageReference(reference), reference, written: imageArg, args, unresolved };
  return from;
}

/** Splits `registry:5000/team/app:1.2@sha256:…` into its parts. */
export function parseImageReference(reference: string): Pick<ImageRef, 'registry' | 'name' | 'tag' | 'digest'> {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const named = at >= 0 ? reference.slice(0, at) : reference;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  const path = colon > slash ? named.slice(0, colon) : named;
  const first = path.split('/')[0] ?? '';
  const hasRegistry = path.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: hasRegistry ? first : undefined,
    name: hasRegistry ? path.slice(first.length + 1) : path,
    tag: tag === '' ? undefined : tag,
    digest: digest === '' ? undefined : digest,
  };
}

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` with the global ARG defaults FROM may use. */
function substitute(
  text: string,
  vars: ReadonlyMap<string, string | undefined>,
): { text: string; args: string[]; unresolved: boolean } {
  const args: string[] = [];
  let unresolved = false;
  const out = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = (braced ?? bare) as string;
      args.push(name);
      const value = vars.get(name);
      const set = value !== undefined && (value !== '' || op === '-' || op === '+');
      if (op?.endsWith('+')) return set ? (word ?? '') : '';
      if (set) return value;
      if (op?.endsWith('-')) return word ?? '';
      unresolved = true;
      return '';
    },
  );
  return { text: out, args, unresolved };
}

function runOf(b: Builder, raw: Run, base: Base): RunInstruction {
  const { file } = b;
  const mounts = base.flags.filter((f) => f.name === 'mount').map((f) => f.options);
  const run: RunInstruction = { ...base, keyword: 'RUN', form: 'shell', script: undefined, exec: [], mounts };
  const json = raw.getJSONStrings();
  if (json.length > 0 && base.args[0]?.text.startsWith('[')) {
    run.form = 'exec';
    run.exec = json.map((j) => {
      const token = tokenOf(file, j);
      return { ...token, text: jsonString(file.text.slice(token.start, token.end)) ?? j.getJSONValue() };
    });
    // `RUN ["sh", "-c", "…"]` is a shell script too; offsets are exact unless the JSON string has escapes.
    const [shell, flag, body] = run.exec;
    if (shell && flag && body && SHELLS.has(shell.text.replace(/^.*\//, '')) && /^-[a-z]*c$/.test(flag.text)) {
      run.script = parseShell(body.text, { offset: body.start + 1 });
    }
    return run;
  }
  const first = base.args[0];
  if (!first || b.posixShell[base.stage] === false) return run;
  const heredoc = raw.getHeredocs()[0];
  const lineEnd = file.text.indexOf('\n', first.start);
  const commandLine = file.text.slice(first.start, lineEnd < 0 ? base.end : lineEnd);
  const body = heredoc?.getContentRange();
  // `RUN <<EOF` and `RUN bash <<EOF` run the body as the script; `RUN python3 <<EOF` feeds it data.
  const withoutMarkers = commandLine.replace(/<<-?\s*(["']?)\w+\1/g, '').trim();
  if (heredoc && body && /^((\S*\/)?(ba|da|a|z)?sh(\s+-\w+)*)?$/.test(withoutMarkers)) {
    run.form = 'heredoc';
    const bodyStart = offsetOf(file, body.start);
    const bodyText = file.text.slice(bodyStart, offsetOf(file, body.end));
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(bodyText);
    const interpreter = shebang ? (shebang[1]?.endsWith('/env') ? shebang[2] : shebang[1]) : undefined;
    if (interpreter === undefined || SHELLS.has(interpreter.replace(/^.*\//, ''))) {
      run.script = parseShell(bodyText, { offset: bodyStart });
    }
    return run;
  }
  run.script = parseShell(shellText(file.text.slice(first.start, base.end), b.escape), { offset: first.start });
  return run;
}

/**
 * The RUN text as the shell sees it, offsets kept 1:1: a backtick escape becomes a backslash, and the
 * comment and blank lines Docker drops inside a continuation become spaces.
 */
function shellText(text: string, escapeChar: string): string {
  const lines = text.split(/(?<=\n)/);
  let continued = false;
  return lines
    .map((line) => {
      const body = line.replace(/\r?\n$/, '');
      if (continued && (body.trim() === '' || body.trimStart().startsWith('#'))) return ' '.repeat(line.length);
      continued = body.endsWith(escapeChar);
      return escapeChar === '\\' || !continued ? line : `${body.slice(0, -1)}\\${line.slice(body.length)}`;
    })
    .join('');
}

/** dockerfile-ast's getJSONValue() drops the spaces inside the string; decode the literal ourselves. */
function jsonString(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function isPosixShell(shellJson: string): boolean {
  const first = /^\[\s*"([^"]*)"/.exec(shellJson)?.[1];
  return first === undefined || SHELLS.has(first.replace(/^.*[/\\]/, '').replace(/\.exe$/i, ''));
}

function copyOf(raw: Copy, base: Base & { keyword: 'COPY' | 'ADD' }): CopyInstruction {
  const heredocs = 'getHeredocs' in raw ? raw.getHeredocs() : [];
  // Heredoc bodies and delimiters are not paths: the paths end on the line of the `<<EOF` marker.
  const markerLine = heredocs[0]?.getStartRange().start.line;
  const args = markerLine === undefined ? base.args : base.args.filter((a) => a.range.line - 1 <= markerLine);
  const flag = (name: string) => base.flags.find((f) => f.name === name);
  const paths = args.filter((a) => !a.text.startsWith('<<'));
  return {
    ...base,
    keyword: base.keyword,
    sources: paths.slice(0, -1),
    destination: paths[paths.length - 1],
    from: flag('from')?.value,
    chown: flag('chown')?.value,
    chmod: flag('chmod')?.value,
    link: flag('link') !== undefined && flag('link')?.value !== 'false',
    heredoc: heredocs.length > 0,
  };
}

function pairsOf(file: SourceFile, raw: PropertyInstruction): KeyValue[] {
  return raw.getProperties().map((p) => {
    const valueRange = p.getValueRange();
    return {
      key: p.getName(),
      keyRange: rangeOf(file, p.getNameRange()),
      value: p.getValue() ?? undefined,
      valueRange: valueRange ? rangeOf(file, valueRange) : undefined,
      range: rangeOf(file, p.getRange()),
    };
  });
}

function userOf(b: Builder, raw: Instruction, base: Base): UserInstruction {
  const arg = base.args[0];
  const line = raw.getRange().start.line;
  // `USER ${APP_USER}`: resolve with the ARG/ENV defaults in scope, when there are any.
  const user = (arg?.text ?? '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name: string) => {
    const value = b.df.resolveVariable(name, line);
    return typeof value === 'string' ? value : m;
  });
  return { ...base, keyword: 'USER', user, userRange: arg?.range ?? base.keywordRange };
}

function exposeOf(base: Base): ExposeInstruction {
  const ports = base.args.map((a) => {
    const [port = '', protocol = 'tcp'] = a.text.split('/');
    return {
      text: a.text,
      port: /^\d+$/.test(port) ? Number(port) : undefined,
      protocol: protocol.toLowerCase(),
      range: a.range,
    };
  });
  return { ...base, keyword: 'EXPOSE', ports };
}

function flagOf(file: SourceFile, f: Flag): DockerFlag {
  const options = new Map<string, string | undefined>();
  for (const o of f.getOptions()) options.set(o.getName().toLowerCase(), o.getValue() ?? undefined);
  return {
    name: f.getName().toLowerCase(),
    value: f.getValue() ?? undefined,
    options,
    range: rangeOf(file, f.getRange()),
  };
}

function tokenOf(file: SourceFile, a: Argument): DockerToken {
  const r = a.getRange();
  const start = offsetOf(file, r.start);
  const end = offsetOf(file, r.end);
  return { text: a.getValue(), start, end, range: file.range(start, end) };
}

function offsetOf(file: SourceFile, p: { line: number; character: number }): number {
  return file.offsetAt({ line: p.line + 1, column: p.character + 1 });
}

function rangeOf(file: SourceFile, r: LspRange): ReturnType<SourceFile['range']> {
  return file.range(offsetOf(file, r.start), offsetOf(file, r.end));
}

export type { ShellScript };
