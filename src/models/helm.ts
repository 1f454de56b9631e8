/**
 * Helm charts of a review: one per `Chart.yaml`, with its metadata and dependencies, its values files
 * (`values.yaml`, `values-<env>.yaml`), its templates (Go templates: never parsed as YAML), and the
 * `.Values.*` references the templates make, so that value checks know how a value is used.
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  getKeyNode,
  getNode,
  isMap,
  items,
  type Node,
  nodeRange,
  parseYaml,
  scalarString,
} from '../parsers/yaml.js';
import { environmentFromPath } from './environment.js';

export interface LocatedValue {
  value: string | undefined;
  /** The value node, else the key node, else undefined when the key is absent. */
  range: Range | undefined;
}

export interface HelmDependency {
  /** Chart.yaml, or requirements.yaml for `apiVersion: v1` charts. */
  file: SourceFile;
  name: string | undefined;
  nameRange: Range;
  version: LocatedValue;
  repository: LocatedValue;
}

export interface HelmChart {
  /** Repo-relative directory (`''` when the chart is the review root). */
  dir: string;
  chartFile: SourceFile;
  /** The Chart.yaml document (undefined when empty or unparseable). */
  doc: Document | undefined;
  root: Node | undefined;
  apiVersion: LocatedValue;
  name: LocatedValue;
  version: LocatedValue;
  appVersion: string | undefined;
  /** `application` (default) or `library`. */
  type: string;
  dependencies: HelmDependency[];
  /** `values*.yaml` at the chart root. */
  valuesFiles: SourceFile[];
  /** `values.yaml` (or `.yml`). */
  values: SourceFile | undefined;
  /** `values-<env>.yaml` files, by environment name. */
  environmentValues: Map<string, SourceFile>;
  /** Every path under `templates/` seen by discovery (read or not). */
  templatePaths: string[];
  /** Templates that were read (text files under `templates/`). */
  templates: SourceFile[];
}

/** A `.Values.a.b` reference in a template action, with how the action falls back when it is empty. */
export interface ValueReference {
  file: SourceFile;
  /** `image.tag` for `.Values.image.tag`. */
  path: string;
  /** `default X` in the same action: the literal (`latest`), `.Chart.AppVersion`, or `<expr>` for anything else. */
  fallback: string | undefined;
  /** `required "msg" .Values.x`: an empty value fails the render. */
  required: boolean;
}

export function helmCharts(project: Project): HelmChart[] {
  return project.cached('helm-charts', () =>
    project
      .ofKind('helm-chart')
      .map((f) => readChart(project, f))
      .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0)),
  );
}

/** The chart a file belongs to (the innermost chart directory containing it). */
export function chartOf(project: Project, path: string): HelmChart | undefined {
  let best: HelmChart | undefined;
  for (const chart of helmCharts(project)) {
    const inside = chart.dir === '' || path.startsWith(`${chart.dir}/`);
    if (inside && (!best || chart.dir.length > best.dir.length)) best = chart;
  }
  return best;
}

function readChart(project: Project, chartFile: SourceFile): HelmChart {
  const dir = posix.dirname(chartFile.path) === '.' ? '' : posix.dirname(chartFile.path);
  const prefix = dir === '' ? '' : `${dir}/`;
  const d = parseYaml(chartFile).documents[0];
  const doc = d?.doc;
  const root = isMap(d?.contents) ? (d?.contents as Node) : undefined;
  const located = (key: string): LocatedValue => locate(chartFile, root, key, doc);
  const valuesFiles = project
    .ofKind('helm-values')
    .filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('/'));
  const environmentValues = new Map<string, SourceFile>();
  for (const f of valuesFiles) {
    const env = environmentFromPath(f.path);
    if (env !== undefined && /^values[-_.]/i.test(posix.basename(f.path))) environmentValues.set(env, f);
  }
  const templatePrefix = `${prefix}templates/`;
  const templatePaths = [...project.allPaths].filter((p) => p.startsWith(templatePrefix)).sort();
  const dependencies = readDependencies(chartFile, root, doc);
  const requirements = project.get(`${prefix}requirements.yaml`) ?? project.get(`${prefix}requirements.yml`);
  if (requirements) {
    const r = parseYaml(requirements).documents[0];
    if (r) dependencies.push(...readDependencies(requirements, r.contents ?? undefined, r.doc));
  }
  return {
    dir,
    chartFile,
    doc,
    root,
    apiVersion: located('apiVersion'),
    name: located('name'),
    version: located('version'),
    appVersion: scalarString(getNode(root, 'appVersion', doc)),
    type: scalarString(getNode(root, 'type', doc)) ?? 'application',
    dependencies,
    valuesFiles,
    values: valuesFiles.find((f) => /^values\.ya?ml$/.test(f.path.slice(prefix.length))),
    environmentValues,
    templatePaths,
    templates: templatePaths.flatMap((p) => {
      const f = project.get(p);
      return f ? [f] : [];
    }),
  };
}

function readDependencies(file: SourceFile, root: Node | undefined, doc: Document | undefined): HelmDependency[] {
  if (!doc) return [];
  return items(getNode(root, 'dependencies', doc), doc).map((dep) => {
    const nameNode = getNode(dep, 'name', doc);
    return {
      file,
      name: scalarString(nameNode),
      nameRange: nodeRange(file, nameNode ?? dep),
      version: locate(file, dep, 'version', doc),
      repository: locate(file, dep, 'repository', doc),
    };
  });
}

function locate(file: SourceFile, map: unknown, key: string, doc: Document | undefined): LocatedValue {
  if (!doc) return { value: undefined, range: undefined };
  const value = getNode(map, key, doc);
  const keyNode = getKeyNode(map, key, doc);
  const target = value !== undefined && scalarString(value) !== undefined ? value : keyNode;
  return { value: scalarString(value), range: target ? nodeRange(file, target) : undefined };
}

/** True when a template creates a pod-running workload (the chart's "main workload" checks apply). */
export function hasWorkloadTemplate(chart: HelmChart): boolean {
  return chart.templates.some((t) =>
    /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod|ReplicaSet|Rollout)\b/m.test(t.text),
  );
}

const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;
const VALUES_REF = /\.Values((?:\.[A-Za-z_][\w-]*)+)/g;

const referenceCache = new WeakMap<HelmChart, ValueReference[]>();

/** Every `.Values.*` reference in the chart's templates (helpers included). */
export function valueReferences(chart: HelmChart): ValueReference[] {
  let cached = referenceCache.get(chart);
  if (!cached) {
    const out: ValueReference[] = [];
    for (const file of chart.templates) {
      for (const action of file.text.matchAll(ACTION)) {
        const body = action[1] ?? '';
        for (const ref of body.matchAll(VALUES_REF)) {
          const path = (ref[1] ?? '').slice(1);
          out.push({ file, path, fallback: fallbackOf(body, ref[0]), required: /\brequired\b/.test(body) });
        }
      }
    }
    cached = out;
    referenceCache.set(chart, cached);
  }
  return cached;
}

/** `default X .Values.p` or `.Values.p | default X` in one action. */
function fallbackOf(action: string, ref: string): string | undefined {
  const escaped = ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = String.raw`("[^"]*"|'[^']*'|\.[\w.]+|\$[\w.]*|\([^)]*\)|[\w.-]+)`;
  const before = new RegExp(String.raw`\bdefault\s+${token}\s+${escaped}(?![\w.])`).exec(action);
  const after = new RegExp(String.raw`${escaped}(?![\w.])\s*\|\s*default\s+${token}`).exec(action);
  const raw = before?.[1] ?? after?.[1];
  if (raw === undefined) return undefined;
  if (/^["']/.test(raw)) return raw.slice(1, -1);
  return raw === '.Chart.AppVersion' ? raw : `<${raw}>`;
}

/** Nodes a walk visits at most: aliases can make a small file expand exponentially ("billion laughs"). */
const MAX_WALKED_ENTRIES = 50_000;

/** `[path, keyNode, valueNode]` of every map entry of a values document, depth first (`image.tag`). */
export function* walkValues(node: unknown, doc: Document): Generator<[string[], Node | undefined, Node | undefined]> {
  let budget = MAX_WALKED_ENTRIES;
  function* walk(
    n: unknown,
    path: readonly string[],
    depth: number,
  ): Generator<[string[], Node | undefined, Node | undefined]> {
    if (depth > 20 || --budget < 0) return;
    if (isMap(n)) {
      for (const [key, keyNode, value] of entries(n, doc)) {
        const p = [...path, key];
        yield [p, keyNode, value];
        yield* walk(value, p, depth + 1);
      }
    } else {
      for (const item of items(n, doc)) yield* walk(item, path, depth + 1);
    }
  }
  yield* walk(node, [], 0);
}
