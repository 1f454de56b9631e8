/**
 * YAML values that remember where they came from, for rendering kustomizations: every scalar, map entry
 * and collection carries the file and range it was read from (a base manifest, an overlay's patch, the
 * `images:` entry that set a tag). The rendered objects are printed back as YAML with a source map, so a
 * finding on the rendered text can be reported on the line that introduced the value.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  isMap,
  isScalar,
  isSeq,
  items,
  type Node,
  resolve,
  scalarValue,
} from '../parsers/yaml.js';

export interface Origin {
  file: SourceFile;
  range: Range;
}

export type ScalarValue = string | number | boolean | null;

export interface TScalar {
  t: 'scalar';
  value: ScalarValue;
  origin: Origin | undefined;
}

export interface TEntry {
  keyOrigin: Origin | undefined;
  value: TNode;
}

export interface TMap {
  t: 'map';
  entries: Map<string, TEntry>;
  origin: Origin | undefined;
}

export interface TSeq {
  t: 'seq';
  items: TNode[];
  origin: Origin | undefined;
}

export type TNode = TScalar | TMap | TSeq;

/** Turns file offsets [start, end) into an origin (a whole file, or the inside of an inline patch). */
export type Locator = (start: number, end: number) => Origin;

const MAX_DEPTH = 64;

export function scalar(value: ScalarValue, origin: Origin | undefined): TScalar {
  return { t: 'scalar', value, origin };
}

export function emptyMap(origin: Origin | undefined): TMap {
  return { t: 'map', entries: new Map(), origin };
}

/** Nodes one object may expand to: aliases can make a small file expand exponentially ("billion laughs"). */
export const MAX_TREE_NODES = 100_000;

export class TreeTooLarge extends Error {}

/** A parsed YAML node as a tracked tree (aliases and merge keys resolved, depth and size capped). */
export function fromYaml(node: unknown, doc: Document, locate: Locator): TNode {
  const budget = { left: MAX_TREE_NODES };
  return convert(node, doc, locate, 0, budget);
}

function convert(node: unknown, doc: Document, locate: Locator, depth: number, budget: { left: number }): TNode {
  if (--budget.left < 0) throw new TreeTooLarge(`more than ${MAX_TREE_NODES} nodes once aliases are expanded`);
  const n = resolve(node, doc);
  const origin = rangeOf(n, locate);
  if (depth > MAX_DEPTH || n === undefined) return scalar(null, origin);
  if (isMap(n)) {
    const map = emptyMap(origin);
    for (const [key, keyNode, value] of entries(n, doc)) {
      map.entries.set(key, {
        keyOrigin: rangeOf(keyNode, locate),
        value: convert(value, doc, locate, depth + 1, budget),
      });
    }
    return map;
  }
  if (isSeq(n)) {
    return { t: 'seq', items: items(n, doc).map((i) => convert(i, doc, locate, depth + 1, budget)), origin };
  }
  const v = scalarValue(n);
  return scalar(
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null
      ? v
      : typeof v === 'bigint'
        ? Number(v)
        : v === undefined
          ? null
          : String(v),
    origin,
  );
}

function rangeOf(node: unknown, locate: Locator): Origin | undefined {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  return r ? locate(r[0], r[1]) : undefined;
}

/** Offsets of a whole file. */
export function fileLocator(file: SourceFile): Locator {
  return (start, end) => ({ file, range: file.range(start, end) });
}

/**
 * Offsets inside the string value of `node` (an inline patch) mapped back to the file. A literal block
 * (`patch: |-`) is mapped line by line (its lines are the file's lines minus their indentation); any other
 * scalar maps everything to the scalar as a whole.
 */
export function innerLocator(file: SourceFile, node: Node): Locator {
  const r = (node as { range?: [number, number, number] }).range;
  const whole: Locator = () => ({ file, range: r ? file.range(r[0], r[1]) : file.range(0, 0) });
  if (!r || !isScalar(node) || node.type !== 'BLOCK_LITERAL') return whole;
  const raw = file.text.slice(r[0], r[1]);
  const header = raw.indexOf('\n');
  if (header < 0) return whole;
  const contentStart = r[0] + header + 1;
  const lines = file.text.slice(contentStart, r[1]).split('\n');
  const firstText = lines.find((l) => l.trim() !== '') ?? '';
  const indent = firstText.length - firstText.trimStart().length;
  const lineStarts: number[] = [];
  let offset = contentStart;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const value = String(scalarValue(node) ?? '');
  const innerStarts = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') innerStarts.push(i + 1);
  const toFile = (inner: number): number => {
    let line = 0;
    while (line + 1 < innerStarts.length && (innerStarts[line + 1] as number) <= inner) line++;
    const column = inner - (innerStarts[line] as number);
    const start = lineStarts[line];
    return start === undefined ? r[1] : Math.min(start + indent + column, r[1]);
  };
  return (start, end) => ({ file, range: file.range(toFile(start), toFile(Math.max(start, end))) });
}

export function clone(node: TNode): TNode {
  if (node.t === 'scalar') return { ...node };
  if (node.t === 'seq') return { t: 'seq', items: node.items.map(clone), origin: node.origin };
  const map = emptyMap(node.origin);
  for (const [k, e] of node.entries) map.entries.set(k, { keyOrigin: e.keyOrigin, value: clone(e.value) });
  return map;
}

export function get(node: TNode | undefined, key: string): TNode | undefined {
  return node?.t === 'map' ? node.entries.get(key)?.value : undefined;
}

export function getPath(node: TNode | undefined, path: readonly (string | number)[]): TNode | undefined {
  let current = node;
  for (const step of path) {
    if (current === undefined) return undefined;
    current = typeof step === 'number' ? (current.t === 'seq' ? current.items[step] : undefined) : get(current, step);
  }
  return current;
}

export function str(node: TNode | undefined): string | undefined {
  if (node?.t !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** The map at `key`, created (with `origin`) when absent or not a map. */
export function ensureMap(map: TMap, key: string, origin: Origin | undefined): TMap {
  const existing = map.entries.get(key)?.value;
  if (existing?.t === 'map') return existing;
  const created = emptyMap(origin);
  map.entries.set(key, { keyOrigin: origin, value: created });
  return created;
}

export function setScalar(map: TMap, key: string, value: ScalarValue, origin: Origin | undefined): void {
  const existing = map.entries.get(key);
  map.entries.set(key, { keyOrigin: existing?.keyOrigin ?? origin, value: scalar(value, origin) });
}

/** Every map in a tree (depth first), for transformers that touch fields wherever they are. */
export function* maps(node: TNode, depth = 0): Generator<TMap> {
  if (depth > MAX_DEPTH) return;
  if (node.t === 'map') {
    yield node;
    for (const e of node.entries.values()) yield* maps(e.value, depth + 1);
  } else if (node.t === 'seq') {
    for (const i of node.items) yield* maps(i, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------------
// Printing with a source map

export interface Span {
  start: number;
  end: number;
  origin: Origin | undefined;
}

export interface Printed {
  text: string;
  spans: Span[];
}

const PLAIN_KEY = /^[A-Za-z_][\w./-]*$/;
const AMBIGUOUS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** Prints documents as block YAML (strings double-quoted, so types survive) and records every node's span. */
export function printDocuments(docs: readonly TMap[]): Printed {
  const out: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  const write = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const scalarText = (s: TScalar): string => {
    const v = s.value;
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return 'null';
  };
  const keyText = (k: string) => (PLAIN_KEY.test(k) && !AMBIGUOUS.test(k) ? k : JSON.stringify(k));
  const inline = (node: TNode) => {
    const start = length;
    if (node.t === 'scalar') write(scalarText(node));
    else write(node.t === 'map' ? '{}' : '[]');
    spans.push({ start, end: length, origin: node.origin });
  };
  const isEmpty = (node: TNode) =>
    node.t === 'map' ? node.entries.size === 0 : node.t === 'seq' && node.items.length === 0;

  const printMap = (map: TMap, indent: number, firstPrefix: string | undefined, depth: number) => {
    const start = length + (firstPrefix?.length ?? indent);
    let first = true;
    for (const [key, entry] of map.entries) {
      write(first && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent));
      first = false;
      const keyStart = length;
      write(keyText(key));
      spans.push({ start: keyStart, end: length, origin: entry.keyOrigin });
      write(':');
      printValue(entry.value, indent, depth);
    }
    spans.push({ start, end: length, origin: map.origin });
  };
  const printSeq = (seq: TSeq, indent: number, depth: number) => {
    const start = length + indent;
    for (const item of seq.items) {
      const prefix = `${' '.repeat(indent)}- `;
      if (item.t === 'map' && !isEmpty(item) && depth < MAX_DEPTH) {
        printMap(item, indent + 2, prefix, depth + 1);
      } else if (item.t === 'seq' && !isEmpty(item) && depth < MAX_DEPTH) {
        write(`${' '.repeat(indent)}-\n`);
        printSeq(item, indent + 2, depth + 1);
      } else {
        write(prefix);
        inline(item);
        write('\n');
      }
    }
    spans.push({ start, end: length, origin: seq.origin });
  };
  const printValue = (value: TNode, indent: number, depth: number) => {
    if (value.t === 'scalar' || isEmpty(value) || depth >= MAX_DEPTH) {
      write(' ');
      inline(value);
      write('\n');
    } else if (value.t === 'map') {
      write('\n');
      printMap(value, indent + 2, undefined, depth + 1);
    } else {
      write('\n');
      printSeq(value, indent + 2, depth + 1);
    }
  };
  docs.forEach((doc, i) => {
    if (i > 0) write('---\n');
    if (doc.entries.size === 0) write('{}\n');
    else printMap(doc, 0, undefined, 0);
  });
  return { text: out.join(''), spans };
}

/** The origin of the smallest printed span covering [start, end), else of the nearest span starting before it. */
export function originAt(spans: readonly Span[], start: number, end: number): Origin | undefined {
  let best: Span | undefined;
  for (const s of spans) {
    if (s.origin && s.start <= start && s.end >= end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  if (best) return best.origin;
  let before: Span | undefined;
  for (const s of spans) if (s.origin && s.start <= start && (!before || s.start > before.start)) before = s;
  return before?.origin;
}
