/**
 * Parsers of the individual Compose service fields (short and long syntaxes), used by compose.ts.
 * Every value keeps the file and range that hold it.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  getNode,
  isFalse,
  isMap,
  isScalar,
  isSeq,
  isTrue,
  items,
  type Node,
  scalarString,
} from '../parsers/yaml.js';
import type {
  ComposeBuild,
  ComposeDependency,
  ComposeEnvEntry,
  ComposeEnvFile,
  ComposeFlag,
  ComposeHealthcheck,
  ComposeLabel,
  ComposeLimit,
  ComposeName,
  ComposePort,
  ComposeText,
  ComposeVolume,
} from './compose.js';
import { interpolate } from './interpolation.js';

/** A node's range without the trailing newlines and spaces a block collection's range includes. */
export function rangeOf(file: SourceFile, node: unknown): Range {
  const r = (node as { range?: number[] } | undefined)?.range;
  const start = r?.[0];
  if (start === undefined) return file.range(0, 0);
  let end = r?.[1] ?? start;
  while (end > start && /\s/.test(file.text[end - 1] ?? '')) end--;
  return file.range(start, end);
}

/** Range from the start of `first` to the end of `last`'s value (a whole `key: value` pair). */
export function spanOf(file: SourceFile, first: unknown, last: unknown): Range {
  const start = (first as { range?: number[] } | undefined)?.range?.[0] ?? 0;
  const end = rangeOf(file, last);
  return { ...file.range(start, start), endLine: end.endLine, endColumn: end.endColumn };
}

/** A scalar, or a sequence of scalars joined by spaces (`command: [a, b]`). */
export function composeText(file: SourceFile, doc: Document, node: unknown): ComposeText | undefined {
  let raw = scalarString(node);
  if (raw === undefined && isSeq(node)) {
    const parts = items(node, doc).map((n) => scalarString(n) ?? '');
    raw = parts.join(' ');
  }
  if (raw === undefined) return undefined;
  const { value, unresolved } = interpolate(raw);
  return { file, range: rangeOf(file, node), raw, value, unresolved };
}

export function flag(file: SourceFile, node: unknown): ComposeFlag | undefined {
  if (isTrue(node)) return { file, range: rangeOf(file, node), value: true };
  if (isFalse(node)) return { file, range: rangeOf(file, node), value: false };
  return undefined;
}

export function listOrScalar(doc: Document, node: unknown): Node[] {
  if (isSeq(node)) return items(node, doc);
  return isScalar(node) ? [node as Node] : [];
}

export function dependencies(file: SourceFile, doc: Document, node: unknown): ComposeDependency[] {
  if (isSeq(node)) {
    return items(node, doc).flatMap((n) => {
      const service = scalarString(n);
      return service === undefined ? [] : [{ file, range: rangeOf(file, n), service }];
    });
  }
  const out: ComposeDependency[] = [];
  for (const [service, keyNode, value] of entries(node, doc)) {
    const dep: ComposeDependency = { file, range: rangeOf(file, keyNode), service };
    const condition = scalarString(getNode(value, 'condition', doc));
    if (condition !== undefined) dep.condition = condition;
    out.push(dep);
  }
  return out;
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`). */
export function environment(file: SourceFile, doc: Document, node: unknown): ComposeEnvEntry[] {
  const out: ComposeEnvEntry[] = [];
  if (isSeq(node)) {
    for (const item of items(node, doc)) {
      const raw = scalarString(item);
      if (raw === undefined) continue;
      const eq = raw.indexOf('=');
      const key = (eq < 0 ? raw : raw.slice(0, eq)).trim();
      const spans = innerSpans(file, item, raw, eq);
      const entry: ComposeEnvEntry = { file, range: rangeOf(file, item), key, keyRange: spans.key };
      if (eq >= 0) {
        const valueRaw = raw.slice(eq + 1);
        entry.value = { file, range: spans.value, raw: valueRaw, ...interpolate(valueRaw) };
      }
      out.push(entry);
    }
    return out;
  }
  for (const [key, keyNode, value] of entries(node, doc)) {
    const entry: ComposeEnvEntry = {
      file,
      range: spanOf(file, keyNode, value ?? keyNode),
      key,
      keyRange: rangeOf(file, keyNode),
    };
    const text = composeText(file, doc, value);
    if (text && scalarString(value) !== undefined) entry.value = text;
    out.push(entry);
  }
  return out;
}

/**
 * Ranges of `KEY` and `value` inside a list entry `KEY=value`. Exact when the source text between the
 * quotes is the value itself (no escapes); otherwise both fall back to the whole entry.
 */
function innerSpans(file: SourceFile, node: unknown, raw: string, eq: number): { key: Range; value: Range } {
  const whole = rangeOf(file, node);
  const r = (node as { range?: number[] }).range;
  if (!r || r[0] === undefined || r[1] === undefined) return { key: whole, value: whole };
  let start = r[0];
  let end = r[1];
  const source = file.text.slice(start, end);
  if (source.startsWith('"') || source.startsWith("'")) {
    start++;
    end--;
  }
  if (file.text.slice(start, end) !== raw) return { key: whole, value: whole };
  if (eq < 0) return { key: file.range(start, end), value: file.range(end, end) };
  return { key: file.range(start, start + eq), value: file.range(start + eq + 1, end) };
}

/** `env_file:` as a string, a list of strings, or a list of `{ path, required }`. */
export function envFiles(file: SourceFile, doc: Document, node: unknown): ComposeEnvFile[] {
  const dir = posix.dirname(file.path);
  return listOrScalar(doc, node).flatMap((n) => {
    const pathNode = isMap(n) ? getNode(n, 'path', doc) : n;
    const raw = scalarString(pathNode);
    if (raw === undefined) return [];
    const required = !isMap(n) || !isFalse(getNode(n, 'required', doc));
    return [{ file, range: rangeOf(file, pathNode), raw, path: repoPath(dir, interpolate(raw).value), required }];
  });
}

/** Joins a path relative to the compose file's directory; undefined when absolute or outside the repo. */
export function repoPath(dir: string, relative: string): string | undefined {
  if (relative === '' || posix.isAbsolute(relative) || /^[A-Za-z]:[\\/]/.test(relative)) return undefined;
  const joined = posix.normalize(posix.join(dir, relative.replaceAll('\\', '/')));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined;
}

/** Short (`"127.0.0.1:5432:5432/tcp"`, `8080:80`, `5432`) or long (`{ target, published, host_ip }`) port syntax. */
export function port(file: SourceFile, doc: Document, node: Node): ComposePort | undefined {
  const range = rangeOf(file, node);
  if (isMap(node)) {
    const out: ComposePort = { file, range, raw: '' };
    const fields = [
      ['host_ip', 'hostIp'],
      ['published', 'published'],
      ['target', 'target'],
      ['protocol', 'protocol'],
    ] as const;
    for (const [key, field] of fields) {
      const v = scalarString(getNode(node, key, doc));
      if (v !== undefined && v !== '') out[field] = interpolate(v).value;
    }
    return out;
  }
  const raw = scalarString(node);
  if (raw === undefined) return undefined;
  return { file, range, raw, ...parseShortPort(interpolate(raw).value) };
}

/** `[host_ip:][published:]target[/protocol]`; the host IP may be an IPv6 literal in brackets. */
export function parseShortPort(spec: string): Pick<ComposePort, 'hostIp' | 'published' | 'target' | 'protocol'> {
  const out: Pick<ComposePort, 'hostIp' | 'published' | 'target' | 'protocol'> = {};
  let rest = spec.trim();
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    out.protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  const ipv6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (ipv6) {
    out.hostIp = ipv6[1] ?? '';
    rest = ipv6[2] ?? '';
  }
  const parts = rest.split(':');
  if (!ipv6 && parts.length >= 3) out.hostIp = parts.slice(0, -2).join(':');
  const target = parts[parts.length - 1];
  const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (target) out.target = target;
  if (published) out.published = published;
  return out;
}

/** Short (`src:target[:mode]`) or long (`{ type, source, target }`) volume syntax. */
export function volume(file: SourceFile, doc: Document, node: Node): ComposeVolume | undefined {
  const range = rangeOf(file, node);
  if (isMap(node)) {
    const out: ComposeVolume = { file, range, raw: '' };
    for (const key of ['type', 'source', 'target'] as const) {
      const v = scalarString(getNode(node, key, doc));
      if (v !== undefined) out[key] = interpolate(v).value;
    }
    return out;
  }
  const raw = scalarString(node);
  if (raw === undefined) return undefined;
  const parts = interpolate(raw).value.split(':');
  const out: ComposeVolume = { file, range, raw };
  if (parts.length === 1) out.target = parts[0] ?? '';
  else {
    out.source = parts[0] ?? '';
    out.target = parts[1] ?? '';
  }
  return out;
}

export function networkRefs(file: SourceFile, doc: Document, node: unknown): ComposeName[] {
  if (isSeq(node)) {
    return items(node, doc).flatMap((n) => {
      const name = scalarString(n);
      return name === undefined ? [] : [{ file, range: rangeOf(file, n), name }];
    });
  }
  return [...entries(node, doc)].map(([name, keyNode]) => ({ file, range: rangeOf(file, keyNode), name }));
}

/** `labels:` as a map or a list of `key=value`. */
export function labels(file: SourceFile, doc: Document, node: unknown): ComposeLabel[] {
  if (isSeq(node)) {
    return items(node, doc).flatMap((n) => {
      const raw = scalarString(n);
      if (raw === undefined) return [];
      const eq = raw.indexOf('=');
      return [
        { file, range: rangeOf(file, n), key: eq < 0 ? raw : raw.slice(0, eq), value: eq < 0 ? '' : raw.slice(eq + 1) },
      ];
    });
  }
  return [...entries(node, doc)].map(([key, keyNode, value]) => ({
    file,
    range: rangeOf(file, keyNode),
    key,
    value: scalarString(value) ?? '',
  }));
}

/** `build: ./dir` or `build: { context, dockerfile, dockerfile_inline }`, resolved to a repo-relative Dockerfile. */
export function buildOf(file: SourceFile, doc: Document, node: unknown): ComposeBuild | undefined {
  if (node === undefined) return undefined;
  const range = rangeOf(file, node);
  const contextRaw = isMap(node) ? scalarString(getNode(node, 'context', doc)) : scalarString(node);
  const context = interpolate(contextRaw ?? '.').value || '.';
  const inline = isMap(node) && getNode(node, 'dockerfile_inline', doc) !== undefined;
  // Git URLs and URLs build from elsewhere: the Dockerfile is not in this repository.
  const remote = /^(https?:\/\/|git@|git:\/\/|github\.com\/)/.test(context) || context.endsWith('.git');
  const out: ComposeBuild = { file, range, context, inline, remote };
  const target = isMap(node) ? scalarString(getNode(node, 'target', doc)) : undefined;
  if (target !== undefined) out.target = interpolate(target).value;
  if (inline || remote) return out;
  const dockerfileRaw = isMap(node) ? scalarString(getNode(node, 'dockerfile', doc)) : undefined;
  const contextDir = repoPath(posix.dirname(file.path), context);
  const dockerfile = interpolate(dockerfileRaw ?? 'Dockerfile').value;
  if (contextDir !== undefined) {
    const path = repoPath(contextDir, dockerfile);
    if (path !== undefined) out.dockerfile = path;
  }
  return out;
}

export function healthcheckOf(file: SourceFile, doc: Document, node: unknown): ComposeHealthcheck | undefined {
  if (node === undefined) return undefined;
  const out: ComposeHealthcheck = { file, range: rangeOf(file, node) };
  const disable = getNode(node, 'disable', doc);
  if (isTrue(disable)) out.disabled = { file, range: rangeOf(file, disable) };
  const test = getNode(node, 'test', doc);
  const first = isSeq(test) ? scalarString(items(test, doc)[0]) : scalarString(test);
  if (first?.toUpperCase() === 'NONE') out.disabled = { file, range: rangeOf(file, test) };
  return out;
}

export function limits(file: SourceFile, doc: Document, node: unknown): ComposeLimit[] {
  const out: ComposeLimit[] = [];
  const add = (kind: ComposeLimit['kind'], key: string, value: unknown) => {
    if (value !== undefined && scalarString(value) !== undefined)
      out.push({ file, range: rangeOf(file, value), kind, key });
  };
  const deployLimits = getNode(getNode(getNode(node, 'deploy', doc), 'resources', doc), 'limits', doc);
  add('memory', 'deploy.resources.limits.memory', getNode(deployLimits, 'memory', doc));
  add('cpus', 'deploy.resources.limits.cpus', getNode(deployLimits, 'cpus', doc));
  add('memory', 'mem_limit', getNode(node, 'mem_limit', doc));
  add('cpus', 'cpus', getNode(node, 'cpus', doc));
  add('cpus', 'cpu_quota', getNode(node, 'cpu_quota', doc));
  return out;
}
