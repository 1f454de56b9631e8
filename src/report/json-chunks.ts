/**
 * `JSON.stringify(value, null, 2)` as a sequence of chunks, for reports too large to hold as one string
 * (tens of MB for a 10,000-file review): the big arrays are `LazyArray`s whose elements are built and
 * serialised one at a time. Joined, the chunks are byte-identical to `JSON.stringify(value, null, 2)` of
 * the same value with every `LazyArray` replaced by the array of its elements.
 */

/** An array whose elements are produced while streaming, one at a time (and may be produced only once). */
export class LazyArray<T = unknown> {
  constructor(readonly items: Iterable<T>) {}
}

const STEP = '  ';

/** `JSON.stringify(value, null, 2)` of a value nested at `indent`: each line break is followed by `indent`. */
function stringifyAt(value: unknown, indent: string): string | undefined {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  return json === undefined || indent === '' ? json : json.replace(/\n/g, `\n${indent}`);
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object' || value instanceof LazyArray) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether a value holds a `LazyArray` anywhere (only plain objects and arrays are looked into). */
function hasLazy(value: unknown): boolean {
  if (value instanceof LazyArray) return true;
  if (!isPlainContainer(value)) return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(hasLazy);
}

/**
 * The chunks of `value` nested at `indent`, or nothing when JSON.stringify would omit it (undefined,
 * functions, symbols). Subtrees without a `LazyArray` are serialised whole by JSON.stringify.
 */
function* chunksAt(value: unknown, indent: string): Generator<string, boolean> {
  if (!hasLazy(value)) {
    const json = stringifyAt(value, indent);
    if (json === undefined) return false;
    yield json;
    return true;
  }
  const inner = indent + STEP;
  if (value instanceof LazyArray || Array.isArray(value)) {
    const items: Iterable<unknown> = value instanceof LazyArray ? value.items : value;
    let first = true;
    for (const item of items) {
      yield `${first ? '[' : ','}\n${inner}`;
      first = false;
      // In an array, what JSON.stringify omits becomes null.
      if (!(yield* chunksAt(item, inner))) yield 'null';
    }
    yield first ? '[]' : `\n${indent}]`;
    return true;
  }
  let first = true;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (!hasLazy(member)) {
      const json = stringifyAt(member, inner);
      if (json === undefined) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: ${json}`;
    } else {
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* chunksAt(member, inner);
    }
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
  return true;
}

/** The chunks of `JSON.stringify(value, null, 2)` followed by a newline (the reports' file format). */
export function* jsonChunks(value: unknown): Generator<string, void> {
  if (!(yield* chunksAt(value, ''))) throw new TypeError('value has no JSON representation');
  yield '\n';
}

/** `items.map(f)`, one element at a time (the elements of a `LazyArray`). */
export function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** Joins chunks into one string (the pure `render*()` functions). */
export function joinChunks(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}
