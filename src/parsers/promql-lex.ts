/**
 * Lexical details of PromQL the lezer grammar leaves open: string escapes and termination (Prometheus
 * follows Go's rules), and RE2 regular expressions in `=~` / `!~` matchers, checked with the JS engine after
 * translating RE2-only syntax and rejecting what RE2 does not support.
 */
import type { Span } from './promql-ast.js';

export interface DecodedString {
  value: string;
  /** Offsets relative to the literal's opening quote. */
  error?: Span & { message: string };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Decodes a quoted PromQL string literal (`"…"`, `'…'`, or a raw `` `…` ``), reporting what Go would reject. */
export function decodeString(raw: string): DecodedString {
  const quote = raw[0] ?? '"';
  if (quote === '`') {
    if (raw.length < 2 || !raw.endsWith('`')) return { value: raw.slice(1), error: unterminated() };
    return { value: raw.slice(1, -1) };
  }
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === quote) {
      if (i !== raw.length - 1) break;
      return { value };
    }
    if (c === '\n') break;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) break;
    const simple = SIMPLE_ESCAPES[next];
    const hex = HEX_LENGTH[next];
    if (simple !== undefined || next === quote) {
      value += simple ?? next;
      i++;
    } else if (hex !== undefined) {
      const digits = raw.slice(i + 2, i + 2 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) return badEscape(value, i, next);
      value += String.fromCodePoint(Number.parseInt(digits, 16));
      i += 1 + hex;
    } else if (/[0-7]/.test(next)) {
      const digits = raw.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(digits)) return badEscape(value, i, next);
      value += String.fromCharCode(Number.parseInt(digits, 8));
      i += 3;
    } else {
      return badEscape(value, i, next);
    }
  }
  return { value, error: unterminated() };
}

function unterminated(): Span & { message: string } {
  return { from: 0, to: 1, message: 'unterminated quoted string' };
}

function badEscape(value: string, at: number, char: string): DecodedString {
  return { value, error: { from: at, to: at + 2, message: `unknown escape sequence "\\${char}"` } };
}

/** RE2 constructs JavaScript accepts but RE2 (and so Prometheus) rejects. */
const RE2_UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookaround assertions are not supported by RE2'],
  [/\\[1-9]/, 'backreferences are not supported by RE2'],
];

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** JavaScript equivalent of an RE2 pattern, for validation and for `matches("")` checks. */
export function re2ToJs(pattern: string): { source: string; flags: string } | { error: string } {
  for (const [re, message] of RE2_UNSUPPORTED) if (re.test(pattern)) return { error: message };
  let flags = '';
  let source = pattern.replace(/^\(\?([imsU]+)\)/, (_m, f: string) => {
    if (f.includes('i')) flags += 'i';
    if (f.includes('s')) flags += 's';
    if (f.includes('m')) flags += 'm';
    return '';
  });
  source = source
    .replace(/\\Q(.*?)(\\E|$)/g, (_m, literal: string) => literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    .replace(/\(\?[imsU]+:/g, '(?:')
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, negate: string, name: string) => {
      const set = POSIX_CLASSES[name];
      return set === undefined || negate ? m : set;
    })
    .replace(/\\([pP])([A-Za-z])/g, '\\$1{$2}')
    .replace(/\\z/g, '$')
    .replace(/\\A/g, '^');
  return { source, flags };
}

export interface CompiledMatcherRegex {
  regex?: RegExp;
  error?: string;
}

const compiled = new Map<string, CompiledMatcherRegex>();
const MAX_CACHED = 2000;

/** Compiles a matcher regex the way Prometheus does: fully anchored (memoised: rule files repeat matchers). */
export function compileMatcherRegex(pattern: string): CompiledMatcherRegex {
  let result = compiled.get(pattern);
  if (!result) {
    result = compile(pattern);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, result);
  }
  return result;
}

function compile(pattern: string): CompiledMatcherRegex {
  const js = re2ToJs(pattern);
  if ('error' in js) return { error: js.error };
  try {
    return { regex: new RegExp(`^(?:${js.source})$`, js.flags) };
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
    return { error: message };
  }
}
