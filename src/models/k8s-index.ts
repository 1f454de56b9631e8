/**
 * Cross-file index of the Kubernetes objects of a review, built once per project: a summary of every
 * object, the NetworkPolicies / PDBs / Services / HPAs / LimitRanges that refer to workloads by namespace
 * and selector, and the kustomizations that include each manifest (namespace, image overrides, overlays).
 *
 * The index holds plain data and precomputed ranges, never YAML nodes: it is read from the first k8s rule
 * to the last, and a reference to a node would keep that file's whole parse tree alive for as long (the
 * trees of a large repository's manifests are tens of megabytes; see `buildIndex` for how they are read).
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { getIn, getNode, isFalse, items, type Node, nodeRange, parseYaml, scalarString } from '../parsers/yaml.js';
import {
  field,
  joinPath,
  type K8sObject,
  k8sObjects,
  type LabelSelector,
  type Labels,
  readSelector,
  SELECT_ALL,
  selectorMatches,
  stringMap,
} from './k8s.js';

/** What cross-file checks read of an object (a `K8sObject` without its nodes). */
export interface ObjectSummary {
  path: string;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  /** `metadata.name` when present, else `kind`: where object-level findings go. */
  nameRange: Range;
  /** `metadata.namespace` as written; `K8sIndex.namespaceOf` gives the effective one. */
  namespace: string | undefined;
  /** Workloads only: the labels and containers (then init containers) of the pods they create. */
  pod: { labels: Labels; containers: { name: string; image: string | undefined; init: boolean }[] } | undefined;
}

/** An object that selects pods of one namespace (`*`: cluster-wide policies). */
export interface SelectorRef {
  obj: ObjectSummary;
  namespace: string;
  /** Undefined when the object has no selector (a PDB without one selects nothing). */
  selector: LabelSelector | undefined;
}

export interface ServicePort {
  port: number | undefined;
  targetPort: number | undefined;
}

export interface ServiceRef {
  obj: ObjectSummary;
  namespace: string;
  type: string;
  /** Range of the `type` value; undefined when the Service does not write one (ClusterIP by default). */
  typeRange: Range | undefined;
  /** Undefined for selector-less Services (external endpoints). */
  selector: Labels | undefined;
  ports: ServicePort[];
}

export interface HpaRef {
  obj: ObjectSummary;
  namespace: string;
  targetKind: string | undefined;
  targetName: string | undefined;
  minReplicas: number;
}

export interface KustomizeImage {
  name: string;
  newTag: string | undefined;
  digest: string | undefined;
}

export interface Kustomization {
  path: string;
  dir: string;
  namespace: string | undefined;
  images: KustomizeImage[];
}

/** An object or its summary: where it is declared and the namespace it declares. */
export type Located = Pick<ObjectSummary, 'path' | 'namespace'>;

export interface K8sIndex {
  objects: ObjectSummary[];
  /** Objects with a pod spec. */
  workloads: ObjectSummary[];
  networkPolicies: SelectorRef[];
  pdbs: SelectorRef[];
  services: ServiceRef[];
  hpas: HpaRef[];
  /** LimitRanges: which container defaults (`limits.cpu`, `requests.memory` …) each namespace provides. */
  limitRangeDefaults: ReadonlyMap<string, ReadonlySet<string>>;
  /** Namespaces whose `default` ServiceAccount sets `automountServiceAccountToken: false`. */
  tokenlessDefaultAccounts: ReadonlySet<string>;
  /** Kustomizations that include the file, directly or through overlays. */
  kustomizationsOf(file: Pick<SourceFile, 'path'>): Kustomization[];
  /** Effective namespace: `metadata.namespace`, else a kustomization's `namespace`, else `default`. */
  namespaceOf(obj: Located): string;
  /** Names the production pattern is matched against: path, namespace, and every including overlay. */
  prodNames(obj: Located): string[];
  /** Workloads of `namespace` whose pods a selector matches. */
  workloadsSelectedBy(namespace: string, selector: LabelSelector): ObjectSummary[];
}

export const CLUSTER_WIDE = '*';

/**
 * Manifest source (characters) whose parse trees the index keeps for the rules, so that those files are
 * parsed once, not twice; past it, the rest are parsed again. On the 10,000-file benchmark (2.1 MB of
 * manifests, all kept) review time fell 1.5 s with no change in peak RSS: the engine evicts each file's
 * trees after its rules, so the kept ones are released as the k8s group is reviewed.
 */
const RETAINED_SOURCE = 3_000_000;

/** The project's index, built on first use; `retainedSource` is for tests (the first call's value stands). */
export function k8sIndex(project: Project, retainedSource = RETAINED_SOURCE): K8sIndex {
  return project.cached('k8s-index', () => buildIndex(project, retainedSource));
}

function buildIndex(project: Project, retainedSource: number): K8sIndex {
  const kustomizations = indexKustomizations(project);
  const kustomizationsOf = (file: Pick<SourceFile, 'path'>) => kustomizations.get(file.path) ?? [];
  const namespaceOf = (obj: Located) =>
    obj.namespace ?? kustomizationsOf(obj).find((k) => k.namespace !== undefined)?.namespace ?? 'default';
  const index: IndexData = {
    objects: [],
    workloads: [],
    networkPolicies: [],
    pdbs: [],
    services: [],
    hpas: [],
    limitRangeDefaults: new Map(),
    tokenlessDefaultAccounts: new Set(),
  };
  // Every manifest is read here, before the first k8s rule runs on any of them. Kept, all their trees would
  // be alive at once; so only the first `retainedSource` characters' worth stay cached (the rules read those
  // first, and the engine evicts each after its rules), and the rest are parsed again, alone, for their rules.
  let retained = 0;
  for (const file of project.ofKind('k8s')) {
    const read = () => {
      for (const obj of k8sObjects(file)) indexObject(obj, namespaceOf(obj), index);
    };
    if (retained + file.text.length <= retainedSource) {
      retained += file.text.length;
      read();
    } else file.uncached(read);
  }
  const { workloads } = index;
  return {
    ...index,
    kustomizationsOf,
    namespaceOf,
    prodNames: (obj) => [
      obj.path,
      namespaceOf(obj),
      ...kustomizationsOf(obj).flatMap((k) => [k.dir, k.namespace ?? '']),
    ],
    workloadsSelectedBy: (namespace, selector) =>
      workloads.filter((w) => namespaceOf(w) === namespace && w.pod && selectorMatches(selector, w.pod.labels)),
  };
}

/** The data part of the index, while it is filled. */
interface IndexData {
  objects: ObjectSummary[];
  workloads: ObjectSummary[];
  networkPolicies: SelectorRef[];
  pdbs: SelectorRef[];
  services: ServiceRef[];
  hpas: HpaRef[];
  limitRangeDefaults: Map<string, Set<string>>;
  tokenlessDefaultAccounts: Set<string>;
}

/** Adds one object (its summary and, by kind, its selector, Service, HPA or LimitRange facts) to the index. */
function indexObject(obj: K8sObject, namespace: string, index: IndexData): void {
  const summary = summarize(obj);
  index.objects.push(summary);
  if (summary.pod) index.workloads.push(summary);
  const spec = getNode(obj.node, 'spec', obj.doc);
  const group = obj.apiVersion.split('/')[0] ?? '';
  if (obj.kind === 'NetworkPolicy' && group === 'networking.k8s.io') {
    // A missing podSelector defaults to the empty selector: every pod of the namespace.
    index.networkPolicies.push({
      obj: summary,
      namespace,
      selector: readSelector(getNode(spec, 'podSelector', obj.doc), obj.doc) ?? SELECT_ALL,
    });
  } else if (obj.kind === 'CiliumNetworkPolicy' || obj.kind === 'CiliumClusterwideNetworkPolicy') {
    const selector = readSelector(getNode(spec, 'endpointSelector', obj.doc), obj.doc, /^(k8s|any):/) ?? SELECT_ALL;
    const ns = obj.kind === 'CiliumNetworkPolicy' ? namespace : CLUSTER_WIDE;
    index.networkPolicies.push({ obj: summary, namespace: ns, selector });
  } else if (group === 'crd.projectcalico.org' || group === 'projectcalico.org') {
    // Calico selectors are an expression language; treat them as selecting everything rather than guess.
    if (obj.kind === 'NetworkPolicy') index.networkPolicies.push({ obj: summary, namespace, selector: SELECT_ALL });
    if (obj.kind === 'GlobalNetworkPolicy')
      index.networkPolicies.push({ obj: summary, namespace: CLUSTER_WIDE, selector: SELECT_ALL });
  } else if (obj.kind === 'PodDisruptionBudget') {
    index.pdbs.push({ obj: summary, namespace, selector: readSelector(getNode(spec, 'selector', obj.doc), obj.doc) });
  } else if (obj.kind === 'Service' && obj.apiVersion === 'v1') {
    index.services.push(readService(obj, summary, namespace, spec));
  } else if (obj.kind === 'HorizontalPodAutoscaler') {
    const min = Number(scalarString(getNode(spec, 'minReplicas', obj.doc)) ?? 1);
    index.hpas.push({
      obj: summary,
      namespace,
      targetKind: scalarString(field(obj, spec, 'scaleTargetRef', 'kind')),
      targetName: scalarString(field(obj, spec, 'scaleTargetRef', 'name')),
      minReplicas: Number.isFinite(min) ? min : 1,
    });
  } else if (obj.kind === 'LimitRange') {
    const defaults = index.limitRangeDefaults.get(namespace) ?? new Set<string>();
    for (const limit of items(getNode(spec, 'limits', obj.doc), obj.doc)) {
      if ((scalarString(getNode(limit, 'type', obj.doc)) ?? 'Container') !== 'Container') continue;
      for (const [key, as] of [
        ['default', 'limits'],
        ['defaultRequest', 'requests'],
      ] as const) {
        for (const resource of Object.keys(stringMap(getNode(limit, key, obj.doc), obj.doc))) {
          defaults.add(`${as}.${resource}`);
        }
      }
    }
    index.limitRangeDefaults.set(namespace, defaults);
  }
  if (obj.kind === 'ServiceAccount' && obj.name === 'default') {
    if (isFalse(field(obj, obj.node, 'automountServiceAccountToken'))) index.tokenlessDefaultAccounts.add(namespace);
  }
}

function summarize(obj: K8sObject): ObjectSummary {
  return {
    path: obj.path,
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.name,
    nameRange: obj.nameRange,
    namespace: obj.namespace,
    pod: obj.pod && {
      labels: obj.pod.labels,
      containers: obj.pod.containers.map((c) => ({ name: c.name, image: c.image, init: c.init })),
    },
  };
}

function readService(obj: K8sObject, summary: ObjectSummary, namespace: string, spec: Node | undefined): ServiceRef {
  const typeNode = getNode(spec, 'type', obj.doc);
  const selector = stringMap(getNode(spec, 'selector', obj.doc), obj.doc);
  const asPort = (n: Node | undefined) => {
    const v = Number(scalarString(n));
    return Number.isInteger(v) ? v : undefined;
  };
  return {
    obj: summary,
    namespace,
    type: scalarString(typeNode) ?? 'ClusterIP',
    typeRange: typeNode ? nodeRange(obj.file, typeNode) : undefined,
    selector: Object.keys(selector).length > 0 ? selector : undefined,
    ports: items(getNode(spec, 'ports', obj.doc), obj.doc).map((p) => ({
      port: asPort(getNode(p, 'port', obj.doc)),
      targetPort: asPort(getNode(p, 'targetPort', obj.doc)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Kustomize: which kustomizations (with their namespace and image overrides) include each manifest.

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

interface KustomizationNode extends Kustomization {
  /** Resolved local resources: files and directories. */
  resources: string[];
}

/** Manifest path → kustomizations including it, innermost first. */
function indexKustomizations(project: Project): Map<string, Kustomization[]> {
  const byDir = new Map<string, KustomizationNode>();
  for (const file of project.ofKind('kustomization')) {
    const k = file.uncached(() => readKustomization(file));
    if (k) byDir.set(k.dir, k);
  }
  const included = new Map<string, Kustomization[]>();
  const visit = (k: KustomizationNode, owner: KustomizationNode, seen: Set<string>) => {
    if (seen.has(k.dir)) return; // a cycle is a kustomize error; do not loop on it
    seen.add(k.dir);
    for (const resource of k.resources) {
      const base = byDir.get(resource);
      if (base) visit(base, owner, seen);
      else if (project.get(resource)?.kind === 'k8s') {
        const list = included.get(resource) ?? [];
        if (!list.includes(owner)) list.push(owner);
        included.set(resource, list);
      }
    }
  };
  for (const k of [...byDir.values()].sort((a, b) => b.dir.length - a.dir.length || (a.dir < b.dir ? -1 : 1))) {
    visit(k, k, new Set());
  }
  return included;
}

function readKustomization(file: SourceFile): KustomizationNode | undefined {
  if (!KUSTOMIZATION_NAMES.includes(posix.basename(file.path))) return undefined;
  const d = parseYaml(file).documents[0];
  if (!d) return undefined;
  const dir = posix.dirname(file.path);
  const list = (key: string) => items(getNode(d.contents, key, d.doc), d.doc).flatMap((n) => scalarString(n) ?? []);
  const resources = [...list('resources'), ...list('bases'), ...list('components')]
    .filter((r) => !/^[a-z]+:\/\/|^github\.com\/|^git@|\?ref=/.test(r))
    .map((r) => joinPath(dir, r));
  return {
    path: file.path,
    dir,
    namespace: scalarString(getNode(d.contents, 'namespace', d.doc)),
    images: items(getNode(d.contents, 'images', d.doc), d.doc).flatMap((i) => {
      const name = scalarString(getNode(i, 'name', d.doc));
      if (name === undefined) return [];
      return [
        { name, newTag: scalarString(getNode(i, 'newTag', d.doc)), digest: scalarString(getIn(i, ['digest'], d.doc)) },
      ];
    }),
    resources,
  };
}
