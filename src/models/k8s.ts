/**
 * Kubernetes objects read from `k8s` files: every YAML document with `apiVersion` + `kind` (and the items
 * of `List` documents), their pod specs, and the helpers the K8S rules share (security-context
 * inheritance, label selectors) so that they agree. The cross-file index is in k8s-index.ts.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  getIn,
  getNode,
  isMap,
  items,
  type Node,
  nodeRange,
  parseYaml,
  scalarString,
} from '../parsers/yaml.js';
import { parseImageRef } from './service-tiers.js';

export type Labels = Readonly<Record<string, string>>;

export interface K8sObject {
  file: SourceFile;
  /** `file.path`, also on the index's summaries, so that index helpers take either. */
  path: string;
  doc: Document;
  /** The object's map node. */
  node: Node;
  apiVersion: string;
  apiVersionRange: Range;
  kind: string;
  kindRange: Range;
  name: string | undefined;
  /** `metadata.name` when present, else `kind`: where object-level findings go. */
  nameRange: Range;
  namespace: string | undefined;
  namespaceRange: Range | undefined;
  labels: Labels;
  annotations: Labels;
  /** Present on Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and Argo Rollout. */
  pod: PodSpec | undefined;
}

export interface PodSpec {
  /** The pod spec map (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`). */
  node: Node;
  /** Labels the created pods carry (the template's, or a Pod's own). */
  labels: Labels;
  securityContext: Node | undefined;
  /** `serviceAccountName`, or the deprecated `serviceAccount`. */
  serviceAccountName: string | undefined;
  serviceAccountNode: Node | undefined;
  automountServiceAccountToken: Node | undefined;
  hostNetwork: Node | undefined;
  hostPID: Node | undefined;
  hostIPC: Node | undefined;
  volumes: Volume[];
  /** `containers` then `initContainers`. */
  containers: Container[];
}

export interface Volume {
  name: string | undefined;
  node: Node;
  /** The `hostPath` key and its `path`. */
  hostPath: { keyNode: Node; path: string | undefined } | undefined;
}

export interface Container {
  name: string;
  /** The `name` value, else the container's first key. */
  nameRange: Range;
  init: boolean;
  node: Node;
  image: string | undefined;
  imageRange: Range | undefined;
  securityContext: Node | undefined;
  livenessProbe: Node | undefined;
  readinessProbe: Node | undefined;
  startupProbe: Node | undefined;
  resources: Node | undefined;
  env: EnvVar[];
  ports: ContainerPort[];
}

export interface EnvVar {
  name: string;
  nameRange: Range;
  /** The `value` scalar node (absent for `valueFrom`). */
  value: Node | undefined;
  valueFrom: Node | undefined;
}

export interface ContainerPort {
  containerPort: number | undefined;
  name: string | undefined;
  node: Node;
}

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Rollout',
]);

/** Workloads whose pods are expected to run until replaced (probes matter; Jobs finish). */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Rollout',
]);

/** Every object of a k8s file, parsed once (cached on the file). */
export function k8sObjects(file: SourceFile): K8sObject[] {
  return file.cached('k8s-objects', () => {
    const out: K8sObject[] = [];
    for (const d of parseYaml(file).documents) collectObjects(file, d.doc, d.contents, out, 0);
    return out;
  });
}

function collectObjects(file: SourceFile, doc: Document, node: unknown, out: K8sObject[], depth: number): void {
  if (!isMap(node) || depth > 4) return;
  const apiVersionNode = getNode(node, 'apiVersion', doc);
  const kindNode = getNode(node, 'kind', doc);
  const apiVersion = scalarString(apiVersionNode);
  const kind = scalarString(kindNode);
  if (apiVersion === undefined || kind === undefined) return;
  if (kind === 'List' || (kind.endsWith('List') && getNode(node, 'items', doc) !== undefined)) {
    for (const item of items(getNode(node, 'items', doc), doc)) collectObjects(file, doc, item, out, depth + 1);
    return;
  }
  const metadata = getNode(node, 'metadata', doc);
  const nameNode = getNode(metadata, 'name', doc);
  const namespaceNode = getNode(metadata, 'namespace', doc);
  const obj: K8sObject = {
    file,
    path: file.path,
    doc,
    node: node as Node,
    apiVersion,
    apiVersionRange: nodeRange(file, apiVersionNode),
    kind,
    kindRange: nodeRange(file, kindNode),
    name: scalarString(nameNode),
    nameRange: nodeRange(file, scalarString(nameNode) === undefined ? kindNode : nameNode),
    namespace: scalarString(namespaceNode),
    namespaceRange: namespaceNode ? nodeRange(file, namespaceNode) : undefined,
    labels: stringMap(getNode(metadata, 'labels', doc), doc),
    annotations: stringMap(getNode(metadata, 'annotations', doc), doc),
    pod: undefined,
  };
  obj.pod = readPodSpec(obj);
  out.push(obj);
}

/** Path of the pod template (`[…, 'template']`) per workload kind; Rollouts only from Argo. */
function templatePath(obj: K8sObject): string[] | undefined {
  switch (obj.kind) {
    case 'Pod':
      return [];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    case 'Rollout':
      return obj.apiVersion.startsWith('argoproj.io/') ? ['spec', 'template'] : undefined;
    default:
      return WORKLOAD_KINDS.has(obj.kind) ? ['spec', 'template'] : undefined;
  }
}

function readPodSpec(obj: K8sObject): PodSpec | undefined {
  const path = templatePath(obj);
  if (!path) return undefined;
  const { doc } = obj;
  const template = path.length === 0 ? obj.node : getIn(obj.node, path, doc);
  const spec = getNode(template, 'spec', doc);
  if (!isMap(spec)) return undefined;
  const saNode = getNode(spec, 'serviceAccountName', doc) ?? getNode(spec, 'serviceAccount', doc);
  return {
    node: spec,
    labels: stringMap(getIn(template, ['metadata', 'labels'], doc), doc),
    securityContext: getNode(spec, 'securityContext', doc),
    serviceAccountName: scalarString(saNode),
    serviceAccountNode: saNode,
    automountServiceAccountToken: getNode(spec, 'automountServiceAccountToken', doc),
    hostNetwork: getNode(spec, 'hostNetwork', doc),
    hostPID: getNode(spec, 'hostPID', doc),
    hostIPC: getNode(spec, 'hostIPC', doc),
    volumes: items(getNode(spec, 'volumes', doc), doc).map((v) => readVolume(obj, v)),
    containers: [
      ...items(getNode(spec, 'containers', doc), doc).map((c) => readContainer(obj, c, false)),
      ...items(getNode(spec, 'initContainers', doc), doc).map((c) => readContainer(obj, c, true)),
    ],
  };
}

function readVolume(obj: K8sObject, node: Node): Volume {
  let hostPath: Volume['hostPath'];
  for (const [key, keyNode, value] of entries(node, obj.doc)) {
    if (key === 'hostPath' && keyNode) {
      hostPath = { keyNode, path: scalarString(getNode(value, 'path', obj.doc)) };
    }
  }
  return { name: scalarString(getNode(node, 'name', obj.doc)), node, hostPath };
}

function readContainer(obj: K8sObject, node: Node, init: boolean): Container {
  const { doc, file } = obj;
  const get = (key: string) => getNode(node, key, doc);
  const nameNode = get('name');
  const imageNode = get('image');
  const image = scalarString(imageNode);
  return {
    name: scalarString(nameNode) ?? '',
    nameRange: nodeRange(file, scalarString(nameNode) !== undefined ? nameNode : firstKey(node, doc)),
    init,
    node,
    image,
    imageRange: image !== undefined ? nodeRange(file, imageNode) : undefined,
    securityContext: get('securityContext'),
    livenessProbe: get('livenessProbe'),
    readinessProbe: get('readinessProbe'),
    startupProbe: get('startupProbe'),
    resources: get('resources'),
    env: items(get('env'), doc).flatMap((e): EnvVar[] => {
      const n = getNode(e, 'name', doc);
      const name = scalarString(n);
      if (name === undefined) return [];
      return [
        {
          name,
          nameRange: nodeRange(file, n),
          value: getNode(e, 'value', doc),
          valueFrom: getNode(e, 'valueFrom', doc),
        },
      ];
    }),
    ports: items(get('ports'), doc).map((p) => {
      const port = Number(scalarString(getNode(p, 'containerPort', doc)));
      return {
        containerPort: Number.isInteger(port) ? port : undefined,
        name: scalarString(getNode(p, 'name', doc)),
        node: p,
      };
    }),
  };
}

function firstKey(node: unknown, doc: Document): Node | undefined {
  for (const [, keyNode] of entries(node, doc)) return keyNode;
  return node as Node | undefined;
}

export interface ContainerSite {
  obj: K8sObject;
  pod: PodSpec;
  container: Container;
}

/** Every container and init container of every workload in a file. */
export function* containersOf(file: SourceFile): Generator<ContainerSite> {
  for (const obj of k8sObjects(file)) {
    if (!obj.pod) continue;
    for (const container of obj.pod.containers) yield { obj, pod: obj.pod, container };
  }
}

/** `container "api" of Deployment "web"` for messages. */
export function describeContainer(site: ContainerSite): string {
  const what = site.container.init ? 'init container' : 'container';
  const name = site.container.name === '' ? what : `${what} "${site.container.name}"`;
  return `${name} of ${describeObject(site.obj)}`;
}

/** A map of scalars as strings (labels, annotations, selectors); non-scalar values are skipped. */
export function stringMap(node: unknown, doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, , value] of entries(node, doc)) {
    const v = scalarString(value);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Range of a node of `obj` (1-based, end exclusive). */
export function rangeOf(obj: K8sObject, node: unknown): Range {
  return nodeRange(obj.file, node);
}

/** Walks a path under `node` within `obj`'s document (aliases and merge keys honoured). */
export function field(obj: K8sObject, node: unknown, ...path: (string | number)[]): Node | undefined {
  return getIn(node, path, obj.doc);
}

/**
 * A securityContext field as the kubelet applies it: the container's value overrides the pod's.
 * Container-only fields (`privileged`, `capabilities`, `readOnlyRootFilesystem` …) simply never hit the pod.
 */
export function effectiveSecurity(
  obj: K8sObject,
  pod: PodSpec,
  container: Container,
  ...path: string[]
): { node: Node; level: 'container' | 'pod' } | undefined {
  const own = field(obj, container.securityContext, ...path);
  if (own !== undefined) return { node: own, level: 'container' };
  const inherited = field(obj, pod.securityContext, ...path);
  return inherited !== undefined ? { node: inherited, level: 'pod' } : undefined;
}

const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'ComponentStatus',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'VolumeSnapshotClass',
  'ConstraintTemplate',
]);

/** API groups of client-side configuration (kustomize, KRM functions, kind clusters), never applied. */
const LOCAL_CONFIG_GROUP = /^(kustomize\.config\.k8s\.io|config\.kubernetes\.io|kind\.x-k8s\.io|skaffold\/|k3d\.io)/;

/**
 * True for objects that live in a namespace. Kinds named `Cluster*` / `Global*` (ClusterRole, ClusterIssuer,
 * ClusterSecretStore, GlobalNetworkPolicy …) are cluster-scoped by convention; a kubeconfig (`kind: Config`)
 * and client-side configuration are not cluster objects at all.
 */
export function isNamespaced(obj: K8sObject): boolean {
  if (CLUSTER_SCOPED_KINDS.has(obj.kind) || /^(Cluster|Global)[A-Z]/.test(obj.kind)) return false;
  if (obj.kind === 'Config' && obj.apiVersion === 'v1') return false;
  return !LOCAL_CONFIG_GROUP.test(obj.apiVersion);
}

/** `kind "name"` for messages (of an object or of its summary in the index). */
export function describeObject(obj: Pick<K8sObject, 'kind' | 'name'>): string {
  return obj.name === undefined ? obj.kind : `${obj.kind} "${obj.name}"`;
}

// ---------------------------------------------------------------------------------------------------
// Label selectors

export interface SelectorRequirement {
  key: string;
  operator: string;
  values: string[];
}

export interface LabelSelector {
  matchLabels: Labels;
  matchExpressions: SelectorRequirement[];
}

/** Selects every pod of its namespace (`podSelector: {}`, a default-deny policy). */
export const SELECT_ALL: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** A `LabelSelector` (matchLabels + matchExpressions); undefined when the node is absent. */
export function readSelector(node: unknown, doc: Document, keyPrefix?: RegExp): LabelSelector | undefined {
  if (node === undefined || node === null) return undefined;
  const strip = (k: string) => (keyPrefix ? k.replace(keyPrefix, '') : k);
  const matchLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(stringMap(getNode(node, 'matchLabels', doc), doc))) matchLabels[strip(k)] = v;
  const matchExpressions = items(getNode(node, 'matchExpressions', doc), doc).map((e) => ({
    key: strip(scalarString(getNode(e, 'key', doc)) ?? ''),
    operator: scalarString(getNode(e, 'operator', doc)) ?? '',
    values: items(getNode(e, 'values', doc), doc).flatMap((v) => scalarString(v) ?? []),
  }));
  return { matchLabels, matchExpressions };
}

/** Label-selector semantics of the API server: every matchLabels pair and every expression must hold. */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions) {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (value === undefined || !e.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && e.values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      default:
        return false; // an unknown operator is rejected by the API server: it selects nothing
    }
  }
  return true;
}

/** The image name kustomize's `images:` entries match on (no tag, no digest). */
export function imageName(image: string): string {
  const ref = parseImageRef(image);
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

/** Normalised repo-relative path of `rel` resolved against directory `dir`. */
export function joinPath(dir: string, rel: string): string {
  return posix.normalize(posix.join(dir, rel)).replace(/\/+$/, '');
}
