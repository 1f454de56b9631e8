/**
 * Compose / shell-style variable interpolation, resolved statically: a review has no environment, so
 * `${VAR:-default}` and `${VAR-default}` stand for their default, and anything else is "unknown".
 */

export interface Interpolated {
  /** The text with every resolvable reference replaced by its default (unknown ones replaced by ''). */
  value: string;
  /** True when at least one reference had no default (`${VAR}`, `$VAR`, `${VAR:?msg}`, `${VAR:+alt}`). */
  unresolved: boolean;
}

export interface VariableReference {
  name: string;
  /** `:-`, `-`, `:?`, `?`, `:+`, `+`, or '' for a bare `${VAR}` / `$VAR`. */
  operator: string;
  /** Text after the operator (the default, the error message, or the alternative). */
  argument: string;
  /** Offsets of the whole reference in the searched text. */
  start: number;
  end: number;
}

// Innermost `${…}` first: an argument may itself hold a reference (`${A:-${B:-x}}`).
const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([^${}]*)\}/;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const ESCAPED_DOLLAR = '\u0000';

/** Resolves references to their defaults; `$$` is a literal `$` as in Compose. */
export function interpolate(text: string): Interpolated {
  let unresolved = false;
  let current = text.replaceAll('$$', ESCAPED_DOLLAR);
  // Bounded: each pass removes one reference.
  for (let i = 0; i < 100; i++) {
    const m = BRACED.exec(current);
    if (!m) break;
    const operator = m[2] ?? '';
    const argument = m[3] ?? '';
    let replacement = '';
    if (operator === ':-' || operator === '-') replacement = argument;
    else unresolved = true;
    current = current.slice(0, m.index) + replacement + current.slice(m.index + m[0].length);
  }
  current = current.replace(BARE, () => {
    unresolved = true;
    return '';
  });
  return { value: current.replaceAll(ESCAPED_DOLLAR, '$'), unresolved };
}

/** True when the text holds any `${…}` or `$VAR` reference. */
export function hasReference(text: string): boolean {
  return /\$\{[A-Za-z_]|\$[A-Za-z_]/.test(text.replaceAll('$$', ''));
}

/** Outermost `${…}` references of a text, with operator and argument (nesting kept in the argument). */
export function variableReferences(text: string): VariableReference[] {
  const out: VariableReference[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    if (text[i + 1] === '$') {
      i++;
      continue;
    }
    if (text[i + 1] !== '{') continue;
    const end = matchingBrace(text, i + 1);
    if (end < 0) break;
    const body = text.slice(i + 2, end);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([\s\S]*)$/.exec(body);
    if (m) out.push({ name: m[1] ?? '', operator: m[2] ?? '', argument: m[3] ?? '', start: i, end: end + 1 });
    i = end;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}
