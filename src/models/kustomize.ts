/**
 * Kustomizations of a review: what each `kustomization.yaml` declares (resources, bases, components, images,
 * patches, generators, transformer fields) with source ranges, and how they include one another (which
 * kustomizations are bases, which overlays consume them, and the environment each overlay deploys to).
 * Rendering is in kustomize-render.ts.
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { RuleSettings } from '../core/rule.js';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  getNode,
  isMap,
  isScalar,
  items,
  type Node,
  nodeRange,
  parseYaml,
  scalarString,
} from '../parsers/yaml.js';
import { type Environment, environmentOf } from './environment.js';

export interface Located {
  value: string;
  /** The kustomization (or patch) file the value is written in. */
  file: SourceFile;
  range: Range;
  node: Node;
}

export interface KustomizeRef extends Located {
  field: 'resources' | 'bases' | 'components';
  /** A URL, a git reference, or anything kustomize fetches: not in the review. */
  remote: boolean;
  /** Repo-relative path the entry points at (for local entries). */
  path: string;
}

export interface KustomizeImage {
  node: Node;
  name: Located | undefined;
  newName: Located | undefined;
  newTag: Located | undefined;
  digest: Located | undefined;
}

export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface KustomizePatch {
  field: 'patches' | 'patchesStrategicMerge' | 'patchesJson6902';
  node: Node;
  /** A patch file (resolved repo-relative path). */
  path: Located | undefined;
  /** An inline patch: the scalar holding it. */
  inline: Node | undefined;
  target: PatchTarget | undefined;
}

export interface Generator {
  node: Node;
  name: string | undefined;
  literals: Located[];
  /** `files:` entries (`key=path` or `path`), with the resolved path of each. */
  files: (Located & { path: string })[];
  envs: (Located & { path: string })[];
}

export interface LabelSet {
  node: Node;
  pairs: Map<string, Located>;
  includeSelectors: boolean;
  includeTemplates: boolean;
}

export interface Kustomization {
  file: SourceFile;
  dir: string;
  doc: Document;
  root: Node;
  /** `Kustomization` or `Component`. */
  kind: string;
  /** Top-level keys with their key nodes (for deprecated or unrendered fields). */
  keys: Map<string, Node>;
  resources: KustomizeRef[];
  components: KustomizeRef[];
  namespace: Located | undefined;
  namePrefix: Located | undefined;
  nameSuffix: Located | undefined;
  /** `labels:` entries, and `commonLabels` as one set with selectors and templates included. */
  labels: LabelSet[];
  commonAnnotations: Map<string, Located>;
  images: KustomizeImage[];
  replicas: { name: string; count: Located }[];
  patches: KustomizePatch[];
  configMapGenerators: Generator[];
  secretGenerators: Generator[];
}

export interface KustomizeModel {
  kustomizations: Kustomization[];
  byDir: ReadonlyMap<string, Kustomization>;
  /** Kustomizations listing `dir` among their resources, bases or components. */
  consumersOf(k: Kustomization): Kustomization[];
  /** Kustomizations nobody includes: what `kustomize build` is run on. */
  roots: Kustomization[];
  /** Roots that include `k`, directly or through other kustomizations (`k` itself when it is a root). */
  rootsIncluding(k: Kustomization): Kustomization[];
}

export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^github\.com\/|^gitlab\.com\/|^bitbucket\.org\/|^git@|[?&]ref=|^ssh:/i;

export function kustomizeModel(project: Project): KustomizeModel {
  return project.cached('kustomize', () => buildModel(project));
}

function buildModel(project: Project): KustomizeModel {
  const kustomizations = project
    .ofKind('kustomization')
    .flatMap((f) => readKustomization(f) ?? [])
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  const byDir = new Map(kustomizations.map((k) => [k.dir, k]));
  const consumers = new Map<string, Kustomization[]>();
  for (const k of kustomizations) {
    for (const ref of [...k.resources, ...k.components]) {
      const target = ref.remote ? undefined : byDir.get(ref.path);
      if (target && target !== k) consumers.set(target.dir, [...(consumers.get(target.dir) ?? []), k]);
    }
  }
  const consumersOf = (k: Kustomization) => consumers.get(k.dir) ?? [];
  const roots = kustomizations.filter((k) => consumersOf(k).length === 0 && k.kind !== 'Component');
  const rootsIncluding = (k: Kustomization): Kustomization[] => {
    const out = new Set<Kustomization>();
    const seen = new Set<string>();
    const visit = (x: Kustomization) => {
      if (seen.has(x.dir)) return;
      seen.add(x.dir);
      const up = consumersOf(x);
      if (up.length === 0 && x.kind !== 'Component') out.add(x);
      for (const c of up) visit(c);
    };
    visit(k);
    return [...out];
  };
  return { kustomizations, byDir, consumersOf, roots, rootsIncluding };
}

/** The environment an overlay deploys to: its path (`overlays/prod`), else its `namespace`. */
export function kustomizationEnvironment(k: Kustomization, settings: Pick<RuleSettings, 'isProd'>): Environment {
  return environmentOf(k.file.path, settings, [k.namespace?.value]);
}

export function readKustomization(file: SourceFile): Kustomization | undefined {
  if (!KUSTOMIZATION_FILE_NAMES.includes(posix.basename(file.path))) return undefined;
  const d = parseYaml(file).documents[0];
  if (!d || !isMap(d.contents)) return undefined;
  const { doc } = d;
  const root = d.contents as Node;
  const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  const at = (rel: string) =>
    (dir === '' ? posix.normalize(rel) : posix.normalize(posix.join(dir, rel))).replace(/\/+$/, '');
  const located = (n: Node | undefined): Located | undefined => {
    const value = scalarString(n);
    return value === undefined || !n ? undefined : { value, file, range: nodeRange(file, n), node: n };
  };
  const keys = new Map<string, Node>();
  for (const [key, keyNode] of entries(root, doc)) if (keyNode) keys.set(key, keyNode);
  const get = (key: string) => getNode(root, key, doc);
  const refs = (field: KustomizeRef['field']): KustomizeRef[] =>
    items(get(field), doc).flatMap((n) => {
      const l = located(n);
      if (!l) return [];
      const remote = REMOTE.test(l.value);
      return [{ ...l, field, remote, path: remote ? l.value : at(l.value) }];
    });
  const pairsOf = (n: Node | undefined) => {
    const out = new Map<string, Located>();
    for (const [key, , value] of entries(n, doc)) {
      const l = located(value);
      if (l) out.set(key, l);
    }
    return out;
  };
  const labels: LabelSet[] = items(get('labels'), doc).map((n) => ({
    node: n,
    pairs: pairsOf(getNode(n, 'pairs', doc)),
    includeSelectors: scalarString(getNode(n, 'includeSelectors', doc)) === 'true',
    includeTemplates: scalarString(getNode(n, 'includeTemplates', doc)) === 'true',
  }));
  const common = get('commonLabels');
  if (common) labels.push({ node: common, pairs: pairsOf(common), includeSelectors: true, includeTemplates: true });
  const generator = (n: Node): Generator => {
    const list = (key: string) =>
      items(getNode(n, key, doc), doc).flatMap((x) => {
        const l = located(x);
        if (!l) return [];
        const rel = l.value.includes('=') ? l.value.slice(l.value.indexOf('=') + 1) : l.value;
        return [{ ...l, path: at(rel) }];
      });
    // `env:` (one file) is the deprecated form of `envs:`.
    const env = located(getNode(n, 'env', doc));
    return {
      node: n,
      name: scalarString(getNode(n, 'name', doc)),
      literals: items(getNode(n, 'literals', doc), doc).flatMap((x) => located(x) ?? []),
      files: list('files'),
      envs: [...list('envs'), ...(env ? [{ ...env, path: at(env.value) }] : [])],
    };
  };
  return {
    file,
    dir,
    doc,
    root,
    kind: scalarString(get('kind')) ?? 'Kustomization',
    keys,
    resources: [...refs('resources'), ...refs('bases')],
    components: refs('components'),
    namespace: located(get('namespace')),
    namePrefix: located(get('namePrefix')),
    nameSuffix: located(get('nameSuffix')),
    labels,
    commonAnnotations: pairsOf(get('commonAnnotations')),
    images: items(get('images'), doc).map((n) => ({
      node: n,
      name: located(getNode(n, 'name', doc)),
      newName: located(getNode(n, 'newName', doc)),
      newTag: located(getNode(n, 'newTag', doc)),
      digest: located(getNode(n, 'digest', doc)),
    })),
    replicas: items(get('replicas'), doc).flatMap((n) => {
      const name = scalarString(getNode(n, 'name', doc));
      const count = located(getNode(n, 'count', doc));
      return name !== undefined && count ? [{ name, count }] : [];
    }),
    patches: [
      ...items(get('patchesStrategicMerge'), doc).map((n) => patchEntry('patchesStrategicMerge', n, undefined)),
      ...items(get('patches'), doc).map((n) => patchEntry('patches', n, getNode(n, 'target', doc))),
      ...items(get('patchesJson6902'), doc).map((n) => patchEntry('patchesJson6902', n, getNode(n, 'target', doc))),
    ],
    configMapGenerators: items(get('configMapGenerator'), doc).map(generator),
    secretGenerators: items(get('secretGenerator'), doc).map(generator),
  };

  function patchEntry(field: KustomizePatch['field'], n: Node, target: Node | undefined): KustomizePatch {
    // patchesStrategicMerge entries are a path or an inline patch; the others are maps with `path` or `patch`.
    if (field === 'patchesStrategicMerge' && isScalar(n)) {
      const text = scalarString(n) ?? '';
      const inline = /\n/.test(text) || /^\s*(apiVersion|kind)\s*:/.test(text);
      const l = located(n);
      return {
        field,
        node: n,
        path: inline || !l ? undefined : { ...l, value: at(l.value) },
        inline: inline ? n : undefined,
        target: undefined,
      };
    }
    const pathLocated = located(getNode(n, 'path', doc));
    const patch = getNode(n, 'patch', doc);
    return {
      field,
      node: n,
      path: pathLocated ? { ...pathLocated, value: at(pathLocated.value) } : undefined,
      inline: isScalar(patch) ? patch : undefined,
      target: target && isMap(target) ? readTarget(target) : undefined,
    };
  }

  function readTarget(n: Node): PatchTarget {
    const t: PatchTarget = {};
    for (const key of [
      'group',
      'version',
      'kind',
      'name',
      'namespace',
      'labelSelector',
      'annotationSelector',
    ] as const) {
      const v = scalarString(getNode(n, key, doc));
      if (v !== undefined) t[key] = v;
    }
    return t;
  }
}
