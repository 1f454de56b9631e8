/**
 * A tolerant Groovy-level reader for Jenkinsfiles: tokens (strings decoded with a per-character offset
 * map, `${…}` interpolations located) and a tree of *calls* — `name(args) { block }`, `name args`
 * (command style: `sh 'make'`, `branch 'main'`), `name { block }` — which is how both declarative and
 * scripted pipelines are written. Nothing is evaluated; unbalanced input never throws, it just yields a
 * flatter tree. Slashy strings (`/…/`) are read as operators (they are rare in Jenkinsfiles).
 */

export type GroovyTokenType = 'ident' | 'string' | 'number' | 'punct' | 'op';

export interface GroovyString {
  /** The decoded value (escapes applied, interpolations left as written). */
  value: string;
  quote: "'" | '"' | "'''" | '"""';
  /** File offset of each value character. */
  offsets: number[];
  /** Offset just past the last content character (before the closing quote). */
  contentEnd: number;
  /** `${…}` interpolations, as value offsets (GStrings only). */
  interpolations: { start: number; end: number }[];
}

export interface GroovyToken {
  type: GroovyTokenType;
  text: string;
  start: number;
  end: number;
  /** A line break separates this token from the previous one (statements end at line breaks). */
  newlineBefore: boolean;
  string?: GroovyString;
}

export interface GroovyArg {
  /** Named argument key (`script:` in `sh(script: '…')`). */
  name: string | undefined;
  start: number;
  end: number;
  /** The value when it is exactly one string literal. */
  string: GroovyToken | undefined;
  /** Token indices of the value: [from, to). */
  from: number;
  to: number;
  /** Calls inside the argument (`withCredentials([usernamePassword(…)])`, closures). */
  calls: GroovyCall[];
}

export interface GroovyCall {
  /** `sh`, `stage`, `docker.build` (dotted names joined). */
  name: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** End of the call without its closure: after `)` or the last command-style argument. */
  headEnd: number;
  args: GroovyArg[];
  /** Calls of the trailing closure `{ … }`, when there is one. */
  block: GroovyCall[] | undefined;
  /** Token indices inside the closure: [from, to). */
  blockFrom: number;
  blockTo: number;
  parent: GroovyCall | undefined;
}

export interface GroovyFile {
  tokens: GroovyToken[];
  calls: GroovyCall[];
}

// Tokenizer

const PUNCT = new Set(['{', '}', '(', ')', '[', ']', ',', ';', ':']);
const OP_CHARS = /[=+\-*/%<>!&|^~?@.]/;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  s: ' ',
  '\\': '\\',
  "'": "'",
  '"': '"',
  $: '$',
};

export function tokenize(text: string): GroovyToken[] {
  const tokens: GroovyToken[] = [];
  let i = 0;
  let newline = true;
  if (text.startsWith('#!')) i = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === '\r') {
      newline = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\uFEFF') {
      i++;
      continue;
    }
    if (ch === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      if (/[\r\n]/.test(text.slice(i, end))) newline = true;
      i = end;
      continue;
    }
    const start = i;
    let token: GroovyToken;
    if (ch === "'" || ch === '"') {
      const { string, end } = readString(text, i);
      token = { type: 'string', text: text.slice(start, end), start, end, newlineBefore: newline, string };
      i = end;
    } else if (/[A-Za-z_$]/.test(ch)) {
      while (i < text.length && /[\w$]/.test(text[i] as string)) i++;
      token = { type: 'ident', text: text.slice(start, i), start, end: i, newlineBefore: newline };
    } else if (/[0-9]/.test(ch)) {
      while (i < text.length && /[\w.]/.test(text[i] as string)) i++;
      token = { type: 'number', text: text.slice(start, i), start, end: i, newlineBefore: newline };
    } else if (PUNCT.has(ch)) {
      i++;
      token = { type: 'punct', text: ch, start, end: i, newlineBefore: newline };
    } else if (OP_CHARS.test(ch)) {
      // `.` alone is the member operator; runs of other operator characters are one token.
      if (ch === '.' || (ch === '?' && text[i + 1] === '.')) i += ch === '.' ? 1 : 2;
      else while (i < text.length && OP_CHARS.test(text[i] as string) && text[i] !== '.') i++;
      token = { type: 'op', text: text.slice(start, i), start, end: i, newlineBefore: newline };
    } else {
      i++;
      token = { type: 'op', text: ch, start, end: i, newlineBefore: newline };
    }
    tokens.push(token);
    newline = false;
  }
  return tokens;
}

function readString(text: string, start: number): { string: GroovyString; end: number } {
  const q = text[start] as "'" | '"';
  const triple = text.startsWith(q.repeat(3), start);
  const quote = (triple ? q.repeat(3) : q) as GroovyString['quote'];
  const interpolating = q === '"';
  let i = start + quote.length;
  let value = '';
  const offsets: number[] = [];
  const interpolations: { start: number; end: number }[] = [];
  const push = (s: string, at: number) => {
    for (const c of s) {
      value += c;
      offsets.push(at);
    }
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (text.startsWith(quote, i)) {
      return { string: { value, quote, offsets, contentEnd: i, interpolations }, end: i + quote.length };
    }
    // A single-line string ends at the line break (unterminated: the tokenizer moves on).
    if (!triple && (ch === '\n' || ch === '\r')) break;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\n' || next === '\r') {
        i += next === '\r' && text[i + 2] === '\n' ? 3 : 2;
        continue;
      }
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        push(String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16)), i);
        i += 6;
        continue;
      }
      if (next !== undefined) {
        push(ESCAPES[next] ?? next, i);
        i += 2;
        continue;
      }
    }
    if (interpolating && ch === '$' && text[i + 1] === '{') {
      const close = matchBrace(text, i + 1);
      const from = value.length;
      push(text.slice(i, close), i);
      // Offsets inside an interpolation are the source's own (no escapes there).
      for (let k = 0; k < close - i; k++) offsets[from + k] = i + k;
      interpolations.push({ start: from, end: value.length });
      i = close;
      continue;
    }
    push(ch, i);
    i++;
  }
  return { string: { value, quote, offsets, contentEnd: i, interpolations }, end: i };
}

/** Index just past the `}` closing the `{` at `open` (nested braces and quotes respected). */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === "'" || ch === '"') {
      const q = ch;
      i++;
      while (i < text.length && text[i] !== q && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (ch === '\n' && depth > 0 && text[i - 1] !== '\\') {
      // Interpolations do not span lines in practice; stop rather than swallow the file.
      return i;
    }
  }
  return text.length;
}

/** Offset map of a string token's value (for embedded scripts). */
export function stringOffsetOf(s: GroovyString): (index: number) => number {
  return (index) => (index < s.offsets.length ? (s.offsets[index] as number) : s.contentEnd);
}

// Calls

/** Identifiers that start statements, not calls. */
const NOT_CALLS = new Set([
  'def',
  'return',
  'new',
  'else',
  'throw',
  'in',
  'instanceof',
  'as',
  'true',
  'false',
  'null',
  'import',
  'package',
  'class',
  'this',
  'super',
  'var',
  'final',
  'static',
  'private',
  'public',
  'protected',
  'void',
  'assert',
  'break',
  'continue',
  'case',
  'default',
]);
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function parseGroovy(text: string): GroovyFile {
  const tokens = tokenize(text);
  const parser = new Parser(tokens);
  return { tokens, calls: parser.sequence(undefined, undefined) };
}

class Parser {
  i = 0;
  constructor(readonly tokens: GroovyToken[]) {}

  at(k = 0): GroovyToken | undefined {
    return this.tokens[this.i + k];
  }

  is(token: GroovyToken | undefined, text: string): boolean {
    return token !== undefined && token.type !== 'string' && token.text === text;
  }

  /** Calls until `close` (not consumed) or the end. */
  sequence(close: string | undefined, parent: GroovyCall | undefined): GroovyCall[] {
    const out: GroovyCall[] = [];
    while (this.i < this.tokens.length) {
      const t = this.at() as GroovyToken;
      if (t.type === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        if (t.text === close || close !== undefined) return out;
        this.i++;
        continue;
      }
      if (t.type === 'ident' && !NOT_CALLS.has(t.text) && !this.is(this.tokens[this.i - 1], '.')) {
        const call = this.call(parent);
        if (call) out.push(call);
        else this.i++;
        continue;
      }
      if (t.type === 'punct' && CLOSERS[t.text] !== undefined) {
        this.i++;
        out.push(...this.sequence(CLOSERS[t.text], parent));
        if (this.is(this.at(), CLOSERS[t.text] as string)) this.i++;
        continue;
      }
      this.i++;
    }
    return out;
  }

  call(parent: GroovyCall | undefined): GroovyCall | undefined {
    const first = this.at() as GroovyToken;
    let j = this.i + 1;
    let name = first.text;
    while (this.is(this.tokens[j], '.') && this.tokens[j + 1]?.type === 'ident') {
      name += `.${this.tokens[j + 1]?.text}`;
      j += 2;
    }
    const last = this.tokens[j - 1] as GroovyToken;
    const next = this.tokens[j];
    const call: GroovyCall = {
      name,
      start: first.start,
      end: last.end,
      nameStart: first.start,
      nameEnd: last.end,
      headEnd: last.end,
      args: [],
      block: undefined,
      blockFrom: 0,
      blockTo: 0,
      parent,
    };
    if (this.is(next, '(')) {
      this.i = j + 1;
      call.args = this.args(')', call);
      if (this.is(this.at(), ')')) {
        call.end = (this.at() as GroovyToken).end;
        this.i++;
      }
    } else if (next && !next.newlineBefore && startsArgument(next)) {
      this.i = j;
      call.args = this.args(undefined, call);
      const lastArg = call.args[call.args.length - 1];
      if (lastArg) call.end = lastArg.end;
    } else if (!this.is(next, '{')) {
      return undefined;
    } else {
      this.i = j;
    }
    // A closure on the next line still belongs to `name(…)` / `name` (Jenkinsfiles put braces anywhere),
    // but not to a command-style call: `sh 'x'` followed by a block on its own line is a new statement.
    call.headEnd = call.end;
    const brace = this.at();
    if (this.is(brace, '{') && (!brace?.newlineBefore || call.args.length === 0 || this.is(next, '('))) {
      this.block(call);
    }
    return call;
  }

  block(call: GroovyCall): void {
    this.i++;
    call.blockFrom = this.i;
    call.block = this.sequence('}', call);
    call.blockTo = this.i;
    if (this.is(this.at(), '}')) {
      call.end = (this.at() as GroovyToken).end;
      this.i++;
    } else {
      call.end = this.tokens[this.i - 1]?.end ?? call.end;
    }
  }

  /** Arguments up to `close` (paren style) or to the end of the statement (command style). */
  args(close: string | undefined, call: GroovyCall): GroovyArg[] {
    const out: GroovyArg[] = [];
    let current: GroovyArg | undefined;
    const finish = () => {
      if (!current) return;
      const value = this.tokens.slice(current.from, current.to);
      current.string = value.length === 1 && value[0]?.type === 'string' ? value[0] : undefined;
      out.push(current);
      current = undefined;
    };
    while (this.i < this.tokens.length) {
      const t = this.at() as GroovyToken;
      if (close === undefined) {
        const prev = this.tokens[this.i - 1];
        const continued = prev !== undefined && (prev.text === ',' || prev.type === 'op');
        if ((t.newlineBefore && !continued && current) || this.is(t, ';')) break;
        if (t.type === 'punct' && (t.text === '}' || t.text === ')' || t.text === ']' || t.text === '{')) break;
      } else if (t.type === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        break;
      }
      if (this.is(t, ',')) {
        finish();
        this.i++;
        continue;
      }
      if (!current) {
        const named = (t.type === 'ident' || t.type === 'string') && this.is(this.at(1), ':');
        current = {
          name: named ? (t.type === 'string' ? t.string?.value : t.text) : undefined,
          start: t.start,
          end: t.end,
          string: undefined,
          from: this.i + (named ? 2 : 0),
          to: this.i + (named ? 2 : 0),
          calls: [],
        };
        if (named) {
          this.i += 2;
          continue;
        }
      }
      if (t.type === 'ident' && !NOT_CALLS.has(t.text) && !this.is(this.tokens[this.i - 1], '.')) {
        const inner = this.call(call);
        if (inner) {
          current.calls.push(inner);
          current.to = this.i;
          current.end = inner.end;
          continue;
        }
      }
      if (t.type === 'punct' && CLOSERS[t.text] !== undefined) {
        this.i++;
        current.calls.push(...this.sequence(CLOSERS[t.text], call));
        if (this.is(this.at(), CLOSERS[t.text] as string)) this.i++;
        current.to = this.i;
        current.end = this.tokens[this.i - 1]?.end ?? t.end;
        continue;
      }
      this.i++;
      current.to = this.i;
      current.end = t.end;
    }
    finish();
    return out;
  }
}

/** A token that can start a command-style argument (`sh 'x'`, `agent any`, `branch pattern: …`). */
function startsArgument(t: GroovyToken): boolean {
  if (t.type === 'string' || t.type === 'number') return true;
  if (t.type === 'ident') return !['in', 'instanceof', 'as'].includes(t.text);
  return t.type === 'punct' && t.text === '[';
}

/** Every call of a tree, depth first, arguments' calls included. */
export function* walkCalls(calls: readonly GroovyCall[]): Generator<GroovyCall> {
  for (const call of calls) {
    yield call;
    for (const arg of call.args) yield* walkCalls(arg.calls);
    if (call.block) yield* walkCalls(call.block);
  }
}
