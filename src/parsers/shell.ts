/**
 * A POSIX/Bash shell parser with positions, on top of mvdan-sh. Rules (Dockerfile RUN, CI `run:` steps,
 * the command guard) read flat simple commands with their words, pipelines and offsets instead of
 * grepping script text.
 */
import sh, {
  type ShAssign,
  type ShCommand,
  type ShFile,
  type ShLit,
  type ShNode,
  type ShParseError,
  type ShParser,
  type ShRedirect,
  type ShStmt,
  type ShWord,
  type ShWordPart,
} from 'mvdan-sh';

import { quickParseShell } from './quick-shell.js';
import { shellCommandString } from './shell-commands.js';

export {
  commandName,
  type DownloadIntoShell,
  findDownloadsIntoShell,
  hasOption,
  pipelineOf,
  runsStdin,
  SHELLS,
  shellCommandString,
  type UnwrappedCommand,
  unwrapCommand,
} from './shell-commands.js';

const { syntax } = sh;

export interface ShellWord {
  /** The literal value with quoting removed; undefined when the word holds an expansion ($VAR, $(…)). */
  value: string | undefined;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

export interface ShellAssignment {
  name: string;
  value: ShellWord | undefined;
  start: number;
  end: number;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `<<`, `<<<`, `>&`, `&>` … */
  op: string;
  /** The file descriptor written before the operator (`2>`), when given. */
  fd: string | undefined;
  target: ShellWord | undefined;
  /** Body of a here-document (`<<EOF`). */
  heredoc: ShellWord | undefined;
  start: number;
  end: number;
}

/** Which pipeline a command belongs to; a command outside any pipe is a pipeline of length 1. */
export interface ShellPipeline {
  id: number;
  index: number;
  length: number;
}

/** Where a command was found: the script itself, inside `$(…)`/`<(…)`, or in a `sh -c '…'` string. */
export type CommandOrigin = 'script' | 'substitution' | 'shell-c';

export interface SimpleCommand {
  words: ShellWord[];
  /** `VAR=value` prefixes (and the assignments of `export`/`declare`/`local`). */
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
  pipeline: ShellPipeline;
  origin: CommandOrigin;
}

export interface ShellError {
  message: string;
  offset: number;
}

export interface ShellScript {
  text: string;
  /** Offset of the script in its file; every offset in the script already includes it. */
  offset: number;
  /** Every simple command in source order, including those nested in substitutions and `sh -c`. */
  commands: SimpleCommand[];
  error?: ShellError;
}

export interface ParseShellOptions {
  /** Added to every offset (the script's position in its file). */
  offset?: number;
}

const PIPE = 12;
const PIPE_ALL = 13;
const REDIRECT_OPS: Record<number, string> = {
  54: '>',
  55: '>>',
  56: '<',
  57: '<>',
  58: '<&',
  59: '>&',
  60: '>|',
  61: '<<',
  62: '<<-',
  63: '<<<',
  64: '&>',
  65: '&>>',
};
const MAX_SHELL_C_DEPTH = 3;

let parser: ShParser | undefined;

/**
 * Parses a script. Never throws: on a syntax error, returns the error and the commands before it. Plain
 * scripts take the fast path (src/parsers/quick-shell.ts), which returns exactly what the full parser would.
 */
export function parseShell(text: string, options: ParseShellOptions = {}): ShellScript {
  return quickParseShell(text, options.offset ?? 0) ?? parseShellFull(text, options);
}

/** `parseShell` through the full parser always; the fast path's proof tests compare against it. */
export function parseShellFull(text: string, options: ParseShellOptions = {}): ShellScript {
  const offset = options.offset ?? 0;
  const state: CollectState = { commands: [], nextPipeline: 0 };
  const result = parseInto(text, state, { base: offset, lo: -Infinity, hi: Infinity }, 'script', 0);
  state.commands.sort((a, b) => a.start - b.start || a.end - b.end);
  const script: ShellScript = { text, offset, commands: state.commands };
  if (result) script.error = result;
  return script;
}

interface CollectState {
  commands: SimpleCommand[];
  nextPipeline: number;
}

/** How local byte offsets become file offsets: `base + index`, clamped into [lo, hi]. */
interface Placement {
  base: number;
  lo: number;
  hi: number;
}

interface Ctx {
  text: string;
  at: (byteOffset: number) => number;
  local: (byteOffset: number) => number;
  place: (index: number) => number;
  placement: Placement;
  origin: CommandOrigin;
  depth: number;
  state: CollectState;
}

function parseInto(
  text: string,
  state: CollectState,
  placement: Placement,
  origin: CommandOrigin,
  depth: number,
): ShellError | undefined {
  const local = byteToIndex(text);
  const place = (index: number) => Math.min(Math.max(placement.base + index, placement.lo), placement.hi);
  const at = (b: number) => place(local(b));
  const ctx: Ctx = { text, at, local, place, placement, origin, depth, state };
  let file: ShFile;
  try {
    file = parse(text);
  } catch (thrown) {
    const error = toShellError(thrown, at);
    // Recover the statements before the broken line, so one typo does not blind every rule.
    const lineStart = text.lastIndexOf('\n', Math.max(0, error.offset - placement.base - 1)) + 1;
    if (lineStart > 0) {
      try {
        visit(parse(text.slice(0, lineStart)), ctx, undefined);
      } catch {
        // The prefix does not parse either; report the error alone.
      }
    }
    return error;
  }
  visit(file, ctx, undefined);
  return undefined;
}

function parse(text: string): ShFile {
  parser ??= syntax.NewParser();
  return parser.Parse(text, '');
}

function toShellError(thrown: unknown, at: (b: number) => number): ShellError {
  const e = thrown as Partial<ShParseError> | null;
  const message =
    typeof e?.Text === 'string' ? e.Text : typeof e?.Error === 'function' ? e.Error() : String(thrown ?? 'error');
  let offset = 0;
  try {
    offset = typeof e?.Pos?.Offset === 'function' ? e.Pos.Offset() : 0;
  } catch {
    offset = 0;
  }
  return { message: `Shell syntax error: ${message}`, offset: at(offset) };
}

function visit(node: ShNode, ctx: Ctx, pipeline: ShellPipeline | undefined): void {
  syntax.Walk(node, (n) => {
    if (n === null) return true;
    const type = syntax.NodeType(n);
    if (type === 'BinaryCmd') {
      const cmd = n as ShCommand;
      if (cmd.Op !== PIPE && cmd.Op !== PIPE_ALL) return true;
      const elements = flattenPipe(cmd);
      const id = ctx.state.nextPipeline++;
      elements.forEach((s, index) => {
        visit(s, ctx, { id, index, length: elements.length });
      });
      return false;
    }
    if (type === 'Stmt') {
      const stmt = n as ShStmt;
      const cmdType = stmt.Cmd ? syntax.NodeType(stmt.Cmd) : '';
      if (stmt.Cmd && (cmdType === 'CallExpr' || cmdType === 'DeclClause')) record(stmt, stmt.Cmd, ctx, pipeline);
      return true;
    }
    if (type === 'CmdSubst' || type === 'ProcSubst') {
      // A substitution runs its own pipelines: `echo $(curl x | sh)` is not piped into echo.
      const inner: Ctx = { ...ctx, origin: 'substitution' };
      for (const s of (n as ShWordPart).Stmts ?? []) visit(s, inner, undefined);
      return false;
    }
    return true;
  });
}

function flattenPipe(cmd: ShCommand): ShStmt[] {
  const out: ShStmt[] = [];
  for (const side of [cmd.X, cmd.Y]) {
    if (!side) continue;
    const inner = side.Cmd;
    if (
      inner &&
      !side.Negated &&
      syntax.NodeType(inner) === 'BinaryCmd' &&
      (inner.Op === PIPE || inner.Op === PIPE_ALL)
    )
      out.push(...flattenPipe(inner));
    else out.push(side);
  }
  return out;
}

function record(stmt: ShStmt, cmd: ShCommand, ctx: Ctx, pipeline: ShellPipeline | undefined): void {
  const words: ShellWord[] = [];
  const assignments: ShellAssignment[] = [];
  if (syntax.NodeType(cmd) === 'CallExpr') {
    for (const a of cmd.Assigns ?? []) assignments.push(assignmentOf(a, ctx));
    for (const w of (cmd.Args ?? []) as ShWord[]) words.push(wordOf(w, ctx));
  } else {
    if (cmd.Variant) words.push(litWordOf(cmd.Variant, ctx));
    for (const a of (cmd.Args ?? []) as ShAssign[]) {
      if (!a.Naked) assignments.push(assignmentOf(a, ctx));
      else if (a.Value) words.push(wordOf(a.Value, ctx));
      else if (a.Name) words.push(litWordOf(a.Name, ctx));
    }
  }
  const redirects = stmt.Redirs.map((r) => redirectOf(r, ctx));
  const spans = [
    cmd.Pos().Offset(),
    cmd.End().Offset(),
    ...stmt.Redirs.flatMap((r) => [r.Pos().Offset(), r.End().Offset()]),
  ];
  const command: SimpleCommand = {
    words,
    assignments,
    redirects,
    start: ctx.at(Math.min(...spans)),
    end: ctx.at(Math.max(...spans)),
    pipeline: pipeline ?? { id: ctx.state.nextPipeline++, index: 0, length: 1 },
    origin: ctx.origin,
  };
  ctx.state.commands.push(command);
  if (ctx.depth < MAX_SHELL_C_DEPTH) parseShellC(command, ctx);
}

/** `bash -c 'curl x | sh'`: the string is a script too; its commands join the list. */
function parseShellC(command: SimpleCommand, ctx: Ctx): void {
  const word = shellCommandString(command);
  if (word?.value === undefined) return;
  const inner = word.raw.slice(1, -1);
  const quoted = /^(['"]).*\1$/s.test(word.raw) && inner === word.value;
  // Offsets map 1:1 when the string has no escapes; otherwise they are clamped to the word.
  const exact = quoted || word.raw === word.value;
  const placement: Placement = exact
    ? { base: word.start + (quoted ? 1 : 0), lo: ctx.placement.lo, hi: ctx.placement.hi }
    : { base: word.start + 1, lo: word.start, hi: word.end };
  parseInto(word.value, ctx.state, placement, 'shell-c', ctx.depth + 1);
}

function assignmentOf(a: ShAssign, ctx: Ctx): ShellAssignment {
  return {
    name: a.Name?.Value ?? '',
    value: a.Value ? wordOf(a.Value, ctx) : undefined,
    start: ctx.at(a.Pos().Offset()),
    end: ctx.at(a.End().Offset()),
  };
}

function redirectOf(r: ShRedirect, ctx: Ctx): ShellRedirect {
  return {
    op: REDIRECT_OPS[r.Op] ?? '?',
    fd: r.N?.Value,
    target: r.Word ? wordOf(r.Word, ctx) : undefined,
    heredoc: r.Hdoc ? heredocOf(r.Hdoc, ctx) : undefined,
    start: ctx.at(r.Pos().Offset()),
    end: ctx.at(r.End().Offset()),
  };
}

function wordOf(w: ShWord, ctx: Ctx): ShellWord {
  const s = w.Pos().Offset();
  const e = w.End().Offset();
  return {
    value: literalOf(w.Parts, false),
    raw: ctx.text.slice(ctx.local(s), ctx.local(e)),
    start: ctx.at(s),
    end: ctx.at(e),
  };
}

function heredocOf(w: ShWord, ctx: Ctx): ShellWord {
  const start = ctx.local(w.Pos().Offset());
  // mvdan-sh ends the body after the closing delimiter; the body ends at the start of that line.
  const end = Math.max(start, ctx.text.lastIndexOf('\n', ctx.local(w.End().Offset()) - 1) + 1);
  const raw = ctx.text.slice(start, end);
  // Here-document bodies keep their backslashes; only expansions make them non-literal.
  const literal = w.Parts.every((p) => syntax.NodeType(p) === 'Lit');
  return { value: literal ? raw : undefined, raw, start: ctx.place(start), end: ctx.place(end) };
}

function litWordOf(lit: ShLit, ctx: Ctx): ShellWord {
  const s = lit.Pos().Offset();
  const e = lit.End().Offset();
  return { value: lit.Value, raw: ctx.text.slice(ctx.local(s), ctx.local(e)), start: ctx.at(s), end: ctx.at(e) };
}

function literalOf(parts: readonly ShWordPart[], inDoubleQuotes: boolean): string | undefined {
  let out = '';
  for (const p of parts) {
    const type = syntax.NodeType(p);
    if (type === 'Lit') out += inDoubleQuotes ? unescapeDoubleQuoted(p.Value ?? '') : unescapeBare(p.Value ?? '');
    else if (type === 'SglQuoted') out += p.Dollar ? unescapeAnsiC(p.Value ?? '') : (p.Value ?? '');
    else if (type === 'DblQuoted') {
      const inner = literalOf(p.Parts ?? [], true);
      if (inner === undefined) return undefined;
      out += inner;
    } else return undefined;
  }
  return out;
}

function unescapeBare(s: string): string {
  return s.replace(/\\(\n|.)/gs, (_, c: string) => (c === '\n' ? '' : c));
}

function unescapeDoubleQuoted(s: string): string {
  return s.replace(/\\([\\"$`\n])/g, (_, c: string) => (c === '\n' ? '' : c));
}

const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  e: '\x1b',
};
function unescapeAnsiC(s: string): string {
  return s.replace(/\\(.)/gs, (m, c: string) => ANSI_C[c] ?? m);
}

/** Maps UTF-8 byte offsets (what mvdan-sh reports) to UTF-16 string indexes. */
function byteToIndex(text: string): (byteOffset: number) => number {
  if (/^[\x00-\x7f]*$/.test(text)) return (b) => Math.min(b, text.length);
  const map: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < size; k++) map[bytes + k] = i;
    bytes += size;
    i += cp > 0xffff ? 2 : 1;
  }
  map[bytes] = text.length;
  return (b) => map[b] ?? text.length;
}
