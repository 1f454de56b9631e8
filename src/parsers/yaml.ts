import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseAllDocuments,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';

/** Alias expansion cap: a "billion laughs" document must not blow up memory. */
export const MAX_ALIAS_COUNT = 100;

export interface YamlError {
  message: string;
  range: Range;
}

export interface YamlDoc {
  /** 0-based index of the document in the file. */
  index: number;
  doc: Document.Parsed;
  contents: Node | null;
  /** Offsets of the document in the file. */
  start: number;
  end: number;
}

export interface YamlFile {
  documents: YamlDoc[];
  errors: YamlError[];
}

/** Parses every document of a YAML file once (cached on the file), keeping node offsets. */
export function parseYaml(file: SourceFile): YamlFile {
  return file.cached('yaml', () => parseYamlText(file));
}

function parseYamlText(file: SourceFile): YamlFile {
  const lineCounter = new LineCounter();
  const errors: YamlError[] = [];
  const documents: YamlDoc[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(file.text, {
      lineCounter,
      merge: true,
      prettyErrors: false,
      uniqueKeys: false,
      strict: false,
    }) as unknown as Document.Parsed[];
    if (!Array.isArray(parsed)) parsed = [];
  } catch (error) {
    errors.push({ message: `YAML parse error: ${(error as Error).message}`, range: file.range(0, 0) });
    return { documents, errors };
  }
  parsed.forEach((doc, index) => {
    for (const e of doc.errors) {
      const [start, end] = e.pos;
      errors.push({ message: firstLine(e.message), range: file.range(start, Math.max(end, start + 1)) });
    }
    const [start = 0, , end = file.text.length] = doc.range ?? [];
    documents.push({ index, doc, contents: (doc.contents as Node | null) ?? null, start, end });
  });
  return { documents, errors };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Follows aliases (`*name`) to the anchored node. Returns undefined for dangling aliases. */
export function resolve(node: unknown, doc?: Document): Node | undefined {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < MAX_ALIAS_COUNT; hops++) {
    if (!doc) return undefined;
    current = (current as Alias).resolve(doc);
  }
  if (isAlias(current)) return undefined;
  return (current as Node | undefined) ?? undefined;
}

/** Iterates `[key, keyNode, value, pair]` of a map, expanding `<<` merge keys (own keys win). */
export function* entries(node: unknown, doc?: Document): Generator<[string, Node | undefined, Node | undefined, Pair]> {
  const map = resolve(node, doc);
  if (!isMap(map)) return;
  const seen = new Set<string>();
  const merges: Pair[] = [];
  for (const pair of (map as YAMLMap).items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair.key)) {
      merges.push(pair as Pair);
      continue;
    }
    const key = scalarString(pair.key);
    if (key === undefined) continue;
    seen.add(key);
    yield [key, pair.key as Node, (pair.value as Node | null) ?? undefined, pair as Pair];
  }
  for (const merge of merges) {
    const value = resolve(merge.value, doc);
    const sources = isSeq(value) ? (value as YAMLSeq).items.map((i) => resolve(i, doc)) : [value];
    for (const source of sources) {
      for (const entry of entries(source, doc)) {
        if (seen.has(entry[0])) continue;
        seen.add(entry[0]);
        yield entry;
      }
    }
  }
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return key.value === '<<' || typeof key.value === 'symbol' || (key as { source?: string }).source === '<<';
}

/** Gets a map value by key (merge keys honoured), following aliases. */
export function getNode(node: unknown, key: string, doc?: Document): Node | undefined {
  for (const [k, , value] of entries(node, doc)) if (k === key) return resolve(value, doc) ?? value;
  return undefined;
}

/** The key node of `key` in a map (for reporting on the key itself). */
export function getKeyNode(node: unknown, key: string, doc?: Document): Node | undefined {
  for (const [k, keyNode] of entries(node, doc)) if (k === key) return keyNode;
  return undefined;
}

/** Walks a path of map keys and sequence indices. */
export function getIn(node: unknown, path: readonly (string | number)[], doc?: Document): Node | undefined {
  let current: Node | undefined = resolve(node, doc);
  for (const step of path) {
    if (current === undefined) return undefined;
    if (typeof step === 'number') {
      current = isSeq(current) ? resolve((current as YAMLSeq).items[step], doc) : undefined;
    } else {
      current = getNode(current, step, doc);
    }
  }
  return current;
}

/** Items of a sequence, aliases resolved. Non-sequences yield nothing. */
export function items(node: unknown, doc?: Document): Node[] {
  const seq = resolve(node, doc);
  if (!isSeq(seq)) return [];
  const out: Node[] = [];
  for (const item of (seq as YAMLSeq).items) {
    const resolved = resolve(item, doc);
    if (resolved) out.push(resolved);
  }
  return out;
}

/** A scalar's value as a string (numbers and booleans stringified); undefined otherwise. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** A scalar's raw value (string, number, boolean, null). */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

export function isTrue(node: unknown): boolean {
  const v = scalarValue(node);
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export function isFalse(node: unknown): boolean {
  const v = scalarValue(node);
  return v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
}

/** Source range of a node (its value, without trailing comments). */
export function nodeRange(file: SourceFile, node: unknown): Range {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!r) return file.range(0, 0);
  return file.range(r[0], r[1]);
}

/** Plain JS value of a node, with alias expansion capped. */
export function toJs(node: unknown, doc: Document): unknown {
  if (!node || typeof (node as { toJSON?: unknown }).toJSON !== 'function') return scalarValue(node);
  try {
    return (node as Node).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

export type { Document, Node, Pair, YAMLMap, YAMLSeq };
export { isAlias, isMap, isPair, isScalar, isSeq };
