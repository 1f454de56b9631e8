/**
 * Cross-file index of the Kubernetes objects of a review, built once per project: workloads, the
 * NetworkPolicies / PDBs / Services / HPAs / LimitRanges that refer to them by namespace and selector,
 * and the kustomizations that include each manifest (namespace, image overrides, overlay names).
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { SourceFile } from '../core/source-file.js';
import { getIn, getNode, items, type Node, parseYaml, scalarString } from '../parsers/yaml.js';
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

/** An object that selects pods of one namespace (`*`: cluster-wide policies). */
export interface SelectorRef {
  obj: K8sObject;
  namespace: string;
  /** Undefined when the object has no selector (a PDB without one selects nothing). */
  selector: LabelSelector | undefined;
}

export interface ServiceRef {
  obj: K8sObject;
  namespace: string;
  type: string;
  typeNode: Node | undefined;
  /** Undefined for selector-less Services (external endpoints). */
  selector: Labels | undefined;
  ports: { port: number | undefined; targetPort: number | undefined; node: Node }[];
}

export interface HpaRef {
  obj: K8sObject;
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

export interface K8sIndex {
  objects: K8sObject[];
  /** Objects with a pod spec. */
  workloads: K8sObject[];
  networkPolicies: SelectorRef[];
  pdbs: SelectorRef[];
  services: ServiceRef[];
  hpas: HpaRef[];
  /** LimitRanges: which container defaults (`limits.cpu`, `requests.memory` …) each namespace provides. */
  limitRangeDefaults: ReadonlyMap<string, ReadonlySet<string>>;
  /** Kustomizations that include the file, directly or through overlays. */
  kustomizationsOf(file: SourceFile): Kustomization[];
  /** Effective namespace: `metadata.namespace`, else a kustomization's `namespace`, else `default`. */
  namespaceOf(obj: K8sObject): string;
  /** Names the production pattern is matched against: path, namespace, and every including overlay. */
  prodNames(obj: K8sObject): string[];
  /** Workloads of `namespace` whose pods a selector matches. */
  workloadsSelectedBy(namespace: string, selector: LabelSelector): K8sObject[];
}

export const CLUSTER_WIDE = '*';

export function k8sIndex(project: Project): K8sIndex {
  return project.cached('k8s-index', () => buildIndex(project));
}

function buildIndex(project: Project): K8sIndex {
  const objects = project.ofKind('k8s').flatMap((f) => k8sObjects(f));
  const kustomizations = indexKustomizations(project);
  const kustomizationsOf = (file: SourceFile) => kustomizations.get(file.path) ?? [];
  const namespaceOf = (obj: K8sObject) =>
    obj.namespace ?? kustomizationsOf(obj.file).find((k) => k.namespace !== undefined)?.namespace ?? 'default';
  const workloads = objects.filter((o) => o.pod !== undefined);

  const networkPolicies: SelectorRef[] = [];
  const pdbs: SelectorRef[] = [];
  const services: ServiceRef[] = [];
  const hpas: HpaRef[] = [];
  const limitRangeDefaults = new Map<string, Set<string>>();
  for (const obj of objects) {
    const spec = getNode(obj.node, 'spec', obj.doc);
    const namespace = namespaceOf(obj);
    const group = obj.apiVersion.split('/')[0] ?? '';
    if (obj.kind === 'NetworkPolicy' && group === 'networking.k8s.io') {
      // A missing podSelector defaults to the empty selector: every pod of the namespace.
      networkPolicies.push({
        obj,
        namespace,
        selector: readSelector(getNode(spec, 'podSelector', obj.doc), obj.doc) ?? SELECT_ALL,
      });
    } else if (obj.kind === 'CiliumNetworkPolicy' || obj.kind === 'CiliumClusterwideNetworkPolicy') {
      const selector = readSelector(getNode(spec, 'endpointSelector', obj.doc), obj.doc, /^(k8s|any):/) ?? SELECT_ALL;
      const ns = obj.kind === 'CiliumNetworkPolicy' ? namespace : CLUSTER_WIDE;
      networkPolicies.push({ obj, namespace: ns, selector });
    } else if (group === 'crd.projectcalico.org' || group === 'projectcalico.org') {
      // Calico selectors are an expression language; treat them as selecting everything rather than guess.
      if (obj.kind === 'NetworkPolicy') networkPolicies.push({ obj, namespace, selector: SELECT_ALL });
      if (obj.kind === 'GlobalNetworkPolicy')
        networkPolicies.push({ obj, namespace: CLUSTER_WIDE, selector: SELECT_ALL });
    } else if (obj.kind === 'PodDisruptionBudget') {
      pdbs.push({ obj, namespace, selector: readSelector(getNode(spec, 'selector', obj.doc), obj.doc) });
    } else if (obj.kind === 'Service' && obj.apiVersion === 'v1') {
      services.push(readService(obj, namespace, spec));
    } else if (obj.kind === 'HorizontalPodAutoscaler') {
      const min = Number(scalarString(getNode(spec, 'minReplicas', obj.doc)) ?? 1);
      hpas.push({
        obj,
        namespace,
        targetKind: scalarString(field(obj, spec, 'scaleTargetRef', 'kind')),
        targetName: scalarString(field(obj, spec, 'scaleTargetRef', 'name')),
        minReplicas: Number.isFinite(min) ? min : 1,
      });
    } else if (obj.kind === 'LimitRange') {
      const defaults = limitRangeDefaults.get(namespace) ?? new Set<string>();
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
      limitRangeDefaults.set(namespace, defaults);
    }
  }

  return {
    objects,
    workloads,
    networkPolicies,
    pdbs,
    services,
    hpas,
    limitRangeDefaults,
    kustomizationsOf,
    namespaceOf,
    prodNames: (obj) => [
      obj.file.path,
      namespaceOf(obj),
      ...kustomizationsOf(obj.file).flatMap((k) => [k.dir, k.namespace ?? '']),
    ],
    workloadsSelectedBy: (namespace, selector) =>
      workloads.filter((w) => namespaceOf(w) === namespace && w.pod && selectorMatches(selector, w.pod.labels)),
  };
}

function readService(obj: K8sObject, namespace: string, spec: Node | undefined): ServiceRef {
  const typeNode = getNode(spec, 'type', obj.doc);
  const selector = stringMap(getNode(spec, 'selector', obj.doc), obj.doc);
  const asPort = (n: Node | undefined) => {
    const v = Number(scalarString(n));
    return Number.isInteger(v) ? v : undefined;
  };
  return {
    obj,
    namespace,
    type: scalarString(typeNode) ?? 'ClusterIP',
    typeNode,
    selector: Object.keys(selector).length > 0 ? selector : undefined,
    ports: items(getNode(spec, 'ports', obj.doc), obj.doc).map((p) => ({
      port: asPort(getNode(p, 'port', obj.doc)),
      targetPort: asPort(getNode(p, 'targetPort', obj.doc)),
      node: p,
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
    const k = readKustomization(file);
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
