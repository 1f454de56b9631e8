/**
 * `kustomize build` of self-contained kustomizations, on tracked trees: local resources and bases,
 * strategic-merge and JSON 6902 patches, namespace, namePrefix/nameSuffix (with the name references that
 * follow), labels and commonLabels, commonAnnotations, replicas and images, in kustomize's order. Anything
 * else that changes the output (remote bases, components, Helm charts, replacements, plugins) makes the
 * render *incomplete*: it is reported, never guessed.
 */
import type { Project } from '../core/project.js';
import { SourceFile } from '../core/source-file.js';
import { type Document, getNode, isMap, isSeq, nodeRange, parseYaml, scalarString } from '../parsers/yaml.js';
import type {
  Kustomization,
  KustomizeImage,
  KustomizeModel,
  KustomizePatch,
  Located,
  PatchTarget,
} from './kustomize.js';
import { jsonPatch, RenderError, strategicMerge } from './kustomize-patch.js';
import {
  ensureMap,
  fileLocator,
  fromYaml,
  get,
  getPath,
  innerLocator,
  type Locator,
  maps,
  type Origin,
  setScalar,
  str,
  type TMap,
  TreeTooLarge,
} from './kustomize-tree.js';

export interface RenderedObject {
  tree: TMap;
  /** The name before any namePrefix/nameSuffix: patches may target either. */
  originalName: string | undefined;
}

export type RenderResult =
  | { ok: true; objects: RenderedObject[] }
  | { ok: false; reason: string; file: SourceFile; at: Origin['range'] };

/** Fields whose effect the renderer does not reproduce. */
const UNRENDERED_FIELDS = [
  'components',
  'helmCharts',
  'helmChartInflationGenerator',
  'helmGlobals',
  'replacements',
  'vars',
  'generators',
  'transformers',
  'validators',
  'configurations',
  'crds',
  'openapi',
];

/** Why a kustomization (or one it includes) cannot be rendered here: the first unrendered feature found. */
export function unrenderedFeature(
  model: KustomizeModel,
  k: Kustomization,
): { reason: string; file: SourceFile; at: Origin['range'] } | undefined {
  const seen = new Set<string>();
  const visit = (x: Kustomization): ReturnType<typeof unrenderedFeature> => {
    if (seen.has(x.dir)) return undefined;
    seen.add(x.dir);
    for (const field of UNRENDERED_FIELDS) {
      const key = x.keys.get(field);
      if (key) return { reason: `it uses \`${field}\``, file: x.file, at: nodeRange(x.file, key) };
    }
    for (const ref of x.resources) {
      if (ref.remote) return { reason: `it includes remote \`${ref.value}\``, file: x.file, at: ref.range };
      const sub = model.byDir.get(ref.path);
      const found = sub ? visit(sub) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return visit(k);
}

export function renderKustomization(project: Project, model: KustomizeModel, root: Kustomization): RenderResult {
  const feature = unrenderedFeature(model, root);
  if (feature) return { ok: false, ...feature };
  try {
    return { ok: true, objects: build(project, model, root, []) };
  } catch (error) {
    if (error instanceof TreeTooLarge) {
      return { ok: false, reason: `a resource or patch has ${error.message}`, file: root.file, at: anchor(root) };
    }
    if (!(error instanceof RenderError)) throw error;
    const at = error.at ?? { file: root.file, range: anchor(root) };
    return { ok: false, reason: error.message, file: at.file, at: at.range };
  }
}

/** The first key of a kustomization (where findings about it as a whole go). */
function anchor(k: Kustomization): Origin['range'] {
  const first = k.keys.values().next().value;
  return first ? nodeRange(k.file, first) : k.file.range(0, 0);
}

function build(project: Project, model: KustomizeModel, k: Kustomization, stack: string[]): RenderedObject[] {
  if (stack.includes(k.dir)) throw new RenderError(`includes itself (${[...stack, k.dir].join(' → ')})`, undefined);
  const objects: RenderedObject[] = [];
  for (const ref of k.resources) {
    const sub = model.byDir.get(ref.path);
    if (sub) {
      objects.push(...build(project, model, sub, [...stack, k.dir]));
      continue;
    }
    const file = project.get(ref.path);
    const at = { file: k.file, range: ref.range };
    if (!file) {
      const isDir = [...project.allPaths].some((p) => p.startsWith(`${ref.path}/`));
      throw new RenderError(
        isDir
          ? `\`${ref.value}\` is a directory without a kustomization`
          : `\`${ref.value}\` is not in the reviewed files`,
        at,
      );
    }
    objects.push(...loadObjects(file, at));
  }
  const smp = k.patches.filter((p) => p.field !== 'patchesJson6902');
  for (const patch of smp) applyPatch(project, objects, patch, k);
  if (k.namespace) setNamespace(objects, k.namespace);
  if (k.namePrefix || k.nameSuffix) rename(objects, k.namePrefix, k.nameSuffix);
  for (const set of k.labels) addLabels(objects, set.pairs, set.includeSelectors, set.includeTemplates);
  if (k.commonAnnotations.size > 0) addAnnotations(objects, k.commonAnnotations);
  for (const patch of k.patches.filter((p) => p.field === 'patchesJson6902')) applyPatch(project, objects, patch, k);
  for (const r of k.replicas) setReplicas(objects, r.name, r.count);
  for (const image of k.images) setImage(objects, image, k);
  return objects;
}

function loadObjects(file: SourceFile, at: Origin): RenderedObject[] {
  const parsed = parseYaml(file);
  if (parsed.errors.length > 0) throw new RenderError(`\`${file.path}\` does not parse`, at);
  const locate = fileLocator(file);
  const out: RenderedObject[] = [];
  for (const d of parsed.documents) collect(d.contents, d.doc, locate, out);
  return out;
}

function collect(node: unknown, doc: Document, locate: Locator, out: RenderedObject[]): void {
  if (!isMap(node)) return;
  const kind = scalarString(getNode(node, 'kind', doc));
  if (kind === undefined || scalarString(getNode(node, 'apiVersion', doc)) === undefined) return;
  if (kind.endsWith('List') && isSeq(getNode(node, 'items', doc))) {
    for (const item of (getNode(node, 'items', doc) as { items: unknown[] }).items) collect(item, doc, locate, out);
    return;
  }
  const tree = fromYaml(node, doc, locate) as TMap;
  out.push({ tree, originalName: str(getPath(tree, ['metadata', 'name'])) });
}

// ---------------------------------------------------------------------------------------------------
// Patches

function applyPatch(project: Project, objects: RenderedObject[], patch: KustomizePatch, k: Kustomization): void {
  const at = { file: k.file, range: nodeRange(k.file, patch.node) };
  let source: SourceFile;
  let locate: Locator;
  if (patch.path) {
    const file = project.get(patch.path.value);
    if (!file) throw new RenderError(`patch \`${patch.path.value}\` is not in the reviewed files`, at);
    source = file;
    locate = fileLocator(file);
  } else if (patch.inline) {
    // The inline patch is parsed on its own; its offsets are mapped back into the kustomization.
    source = new SourceFile(`${k.file.path}#patch`, 'yaml', String(scalarString(patch.inline) ?? ''));
    locate = innerLocator(k.file, patch.inline);
  } else {
    throw new RenderError('patch has neither `path` nor `patch`', at);
  }
  const parsed = parseYaml(source);
  if (parsed.errors.length > 0) throw new RenderError('patch does not parse', at);
  for (const d of parsed.documents) {
    if (d.contents === null) continue;
    const content = fromYaml(d.contents, d.doc, locate);
    const json = patch.field === 'patchesJson6902' || content.t === 'seq';
    if (json) {
      if (!patch.target) throw new RenderError('a JSON 6902 patch needs a `target`', at);
      for (const obj of objects.filter((o) => matchesTarget(o, patch.target as PatchTarget)))
        jsonPatch(obj.tree, content);
      continue;
    }
    if (content.t !== 'map') throw new RenderError('patch is neither a map nor a list of operations', at);
    const targets = patch.target
      ? objects.filter((o) => matchesTarget(o, patch.target as PatchTarget))
      : objects.filter((o) => samePatchTarget(o, content));
    if (targets.length === 0 && !patch.target) {
      throw new RenderError(
        `patch matches no resource (${str(get(content, 'kind'))} ${str(getPath(content, ['metadata', 'name']))})`,
        at,
      );
    }
    for (const obj of targets) {
      // The patch's own identity must not rename a target selected by `target`.
      const body = patch.target ? withoutIdentity(content) : content;
      strategicMerge(obj.tree, body, isBuiltIn(str(get(obj.tree, 'apiVersion')) ?? ''));
    }
  }
}

function withoutIdentity(patch: TMap): TMap {
  const copy: TMap = { t: 'map', entries: new Map(patch.entries), origin: patch.origin };
  const metadata = get(copy, 'metadata');
  if (metadata?.t === 'map') {
    const m: TMap = { t: 'map', entries: new Map(metadata.entries), origin: metadata.origin };
    m.entries.delete('name');
    m.entries.delete('namespace');
    copy.entries.set('metadata', { keyOrigin: copy.entries.get('metadata')?.keyOrigin, value: m });
  }
  return copy;
}

/** Built-in API groups, whose lists merge by key; custom resources are patched like JSON merge patches. */
function isBuiltIn(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] as string) : '';
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

function samePatchTarget(obj: RenderedObject, patch: TMap): boolean {
  const kind = str(get(patch, 'kind'));
  const name = str(getPath(patch, ['metadata', 'name']));
  const namespace = str(getPath(patch, ['metadata', 'namespace']));
  const group = (str(get(patch, 'apiVersion')) ?? '').split('/');
  if (kind !== str(get(obj.tree, 'kind'))) return false;
  if (name !== undefined && name !== currentName(obj) && name !== obj.originalName) return false;
  if (namespace !== undefined && namespace !== str(getPath(obj.tree, ['metadata', 'namespace']))) return false;
  const objGroup = (str(get(obj.tree, 'apiVersion')) ?? '').split('/');
  return group.length < 2 || objGroup.length < 2 || group[0] === objGroup[0];
}

function currentName(obj: RenderedObject): string | undefined {
  return str(getPath(obj.tree, ['metadata', 'name']));
}

function matchesTarget(obj: RenderedObject, target: PatchTarget): boolean {
  const [group, version] = splitApiVersion(str(get(obj.tree, 'apiVersion')) ?? '');
  const name = currentName(obj);
  if (target.group !== undefined && target.group !== group) return false;
  if (target.version !== undefined && target.version !== version) return false;
  if (target.kind !== undefined && !regexMatch(target.kind, str(get(obj.tree, 'kind')))) return false;
  if (target.name !== undefined && !regexMatch(target.name, name) && !regexMatch(target.name, obj.originalName)) {
    return false;
  }
  if (
    target.namespace !== undefined &&
    !regexMatch(target.namespace, str(getPath(obj.tree, ['metadata', 'namespace'])))
  ) {
    return false;
  }
  if (
    target.labelSelector !== undefined &&
    !selectorMatches(target.labelSelector, stringsOf(getPath(obj.tree, ['metadata', 'labels'])))
  ) {
    return false;
  }
  if (
    target.annotationSelector !== undefined &&
    !selectorMatches(target.annotationSelector, stringsOf(getPath(obj.tree, ['metadata', 'annotations'])))
  ) {
    return false;
  }
  return true;
}

function splitApiVersion(apiVersion: string): [string, string] {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

/** kustomize matches `name`/`kind`/`namespace` targets as anchored regular expressions. */
function regexMatch(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

function stringsOf(node: ReturnType<typeof get>): Map<string, string> {
  const out = new Map<string, string>();
  if (node?.t === 'map')
    for (const [k, e] of node.entries) if (str(e.value) !== undefined) out.set(k, str(e.value) as string);
  return out;
}

/** Equality-based and set-based label selectors (`a=b,c!=d,e,!f,g in (x,y),h notin (z)`). */
export function selectorMatches(selector: string, labels: ReadonlyMap<string, string>): boolean {
  const terms = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return terms.every((raw) => {
    const term = raw.trim();
    if (term === '') return true;
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (set) {
      const values = (set[3] ?? '').split(',').map((v) => v.trim());
      const v = labels.get(set[1] as string);
      return set[2] === 'in' ? v !== undefined && values.includes(v) : v === undefined || !values.includes(v);
    }
    const eq = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (eq) return eq[2] === '!=' ? labels.get(eq[1] as string) !== eq[3] : labels.get(eq[1] as string) === eq[3];
    if (term.startsWith('!')) return !labels.has(term.slice(1).trim());
    return labels.has(term);
  });
}

// ---------------------------------------------------------------------------------------------------
// Transformers

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'PodSecurityPolicy',
  'CSIDriver',
  'VolumeSnapshotClass',
]);

function isNamespacedKind(kind: string | undefined): boolean {
  return kind !== undefined && !CLUSTER_SCOPED.has(kind) && !/^(Cluster|Global)[A-Z]/.test(kind);
}

function setNamespace(objects: RenderedObject[], ns: Located): void {
  for (const obj of objects) {
    if (!isNamespacedKind(str(get(obj.tree, 'kind')))) continue;
    const origin = originOf(ns);
    setScalar(ensureMap(obj.tree, 'metadata', origin), 'namespace', ns.value, origin);
  }
}

function originOf(l: Located): Origin {
  return { file: l.file, range: l.range };
}

const UNPREFIXED = new Set(['Namespace', 'CustomResourceDefinition', 'APIService']);

function rename(objects: RenderedObject[], prefix: Located | undefined, suffix: Located | undefined): void {
  const renames: { kind: string; from: string; to: string }[] = [];
  for (const obj of objects) {
    const kind = str(get(obj.tree, 'kind')) ?? '';
    const name = currentName(obj);
    if (UNPREFIXED.has(kind) || name === undefined) continue;
    const to = `${prefix?.value ?? ''}${name}${suffix?.value ?? ''}`;
    const metadata = ensureMap(obj.tree, 'metadata', undefined);
    const existing = metadata.entries.get('name');
    setScalar(metadata, 'name', to, existing?.value.origin);
    renames.push({ kind, from: name, to });
  }
  for (const r of renames) renameReferences(objects, r.kind, r.from, r.to);
}

/** Fields naming another object, by the kind they name (the references kustomize's name transformer updates). */
function renameReferences(objects: RenderedObject[], kind: string, from: string, to: string): void {
  const fix = (map: TMap, key: string) => {
    const entry = map.entries.get(key);
    if (entry && str(entry.value) === from) setScalar(map, key, to, entry.value.origin);
  };
  for (const obj of objects) {
    for (const m of maps(obj.tree)) {
      switch (kind) {
        case 'ServiceAccount':
          fix(m, 'serviceAccountName');
          if (str(get(m, 'kind')) === 'ServiceAccount' && get(m, 'apiGroup') === undefined) fix(m, 'name');
          break;
        case 'ConfigMap':
          for (const key of ['configMap', 'configMapRef', 'configMapKeyRef']) {
            const ref = get(m, key);
            if (ref?.t === 'map') fix(ref, 'name');
          }
          break;
        case 'Secret':
          for (const key of ['secretRef', 'secretKeyRef']) {
            const ref = get(m, key);
            if (ref?.t === 'map') fix(ref, 'name');
          }
          if (get(m, 'secret')?.t === 'map') fix(get(m, 'secret') as TMap, 'secretName');
          break;
        case 'PersistentVolumeClaim':
          if (get(m, 'persistentVolumeClaim')?.t === 'map') fix(get(m, 'persistentVolumeClaim') as TMap, 'claimName');
          break;
        case 'Role':
        case 'ClusterRole': {
          const roleRef = get(m, 'roleRef');
          if (roleRef?.t === 'map' && str(get(roleRef, 'kind')) === kind) fix(roleRef, 'name');
          break;
        }
        default:
          // Workloads and Services: HPA targets, StatefulSet serviceName, Ingress backends.
          if (str(get(m, 'kind')) === kind && get(m, 'apiVersion') !== undefined && get(m, 'metadata') === undefined) {
            fix(m, 'name');
          }
          if (kind === 'Service') {
            fix(m, 'serviceName');
            const service = get(m, 'service');
            if (service?.t === 'map') fix(service, 'name');
          }
      }
    }
  }
}

const SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

function addLabels(
  objects: RenderedObject[],
  pairs: ReadonlyMap<string, Located>,
  selectors: boolean,
  templates: boolean,
): void {
  for (const obj of objects) {
    const kind = str(get(obj.tree, 'kind'));
    const targets: TMap[] = [ensureMap(obj.tree, 'metadata', undefined)];
    const template = podTemplate(obj.tree);
    if ((selectors || templates) && template) targets.push(ensureMap(template, 'metadata', undefined));
    if (selectors && kind !== undefined && SELECTOR_KINDS.has(kind)) {
      const spec = get(obj.tree, 'spec');
      if (spec?.t === 'map') targets.push(ensureMap(spec, 'selector', undefined));
    }
    for (const target of targets) {
      const isSelector = target === get(get(obj.tree, 'spec'), 'selector');
      const labels = ensureMap(target, isSelector ? 'matchLabels' : 'labels', undefined);
      for (const [key, value] of pairs) setScalar(labels, key, value.value, originOf(value));
    }
    if (selectors && kind === 'Service') {
      const spec = get(obj.tree, 'spec');
      if (spec?.t === 'map') {
        const selector = ensureMap(spec, 'selector', undefined);
        for (const [key, value] of pairs) setScalar(selector, key, value.value, originOf(value));
      }
    }
  }
}

function addAnnotations(objects: RenderedObject[], pairs: ReadonlyMap<string, Located>): void {
  for (const obj of objects) {
    const targets = [ensureMap(obj.tree, 'metadata', undefined)];
    const template = podTemplate(obj.tree);
    if (template) targets.push(ensureMap(template, 'metadata', undefined));
    for (const t of targets) {
      const annotations = ensureMap(t, 'annotations', undefined);
      for (const [key, value] of pairs) setScalar(annotations, key, value.value, originOf(value));
    }
  }
}

function podTemplate(tree: TMap): TMap | undefined {
  const kind = str(get(tree, 'kind'));
  const t =
    kind === 'CronJob'
      ? getPath(tree, ['spec', 'jobTemplate', 'spec', 'template'])
      : getPath(tree, ['spec', 'template']);
  return t?.t === 'map' ? t : undefined;
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'Rollout']);

function setReplicas(objects: RenderedObject[], name: string, count: Located): void {
  const n = Number(count.value);
  for (const obj of objects) {
    if (!SCALABLE.has(str(get(obj.tree, 'kind')) ?? '')) continue;
    if (currentName(obj) !== name && obj.originalName !== name) continue;
    setScalar(
      ensureMap(obj.tree, 'spec', undefined),
      'replicas',
      Number.isFinite(n) ? n : count.value,
      originOf(count),
    );
  }
}

function setImage(objects: RenderedObject[], image: KustomizeImage, k: Kustomization): void {
  const name = image.name?.value;
  if (name === undefined) return;
  // A finding about the resulting tag (K8S003) belongs on `newTag`.
  const by = image.newTag ?? image.digest ?? image.newName ?? image.name;
  const origin = by ? originOf(by) : { file: k.file, range: nodeRange(k.file, image.node) };
  for (const obj of objects) {
    for (const m of maps(obj.tree)) {
      for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
        const list = get(m, key);
        if (list?.t !== 'seq') continue;
        for (const c of list.items) {
          if (c.t !== 'map') continue;
          const current = str(get(c, 'image'));
          if (current === undefined || !sameImage(current, name)) continue;
          setScalar(c, 'image', retag(current, name, image), origin);
        }
      }
    }
  }
}

/** kustomize's match: the exact name, or the name followed by a tag or digest. */
function sameImage(image: string, name: string): boolean {
  return image === name || image.startsWith(`${name}:`) || image.startsWith(`${name}@`);
}

function retag(current: string, name: string, image: KustomizeImage): string {
  const rest = current.slice(name.length);
  const newName = image.newName?.value ?? name;
  if (image.digest) return `${newName}${image.newTag ? `:${image.newTag.value}` : ''}@${image.digest.value}`;
  if (image.newTag) return `${newName}:${image.newTag.value}`;
  return `${newName}${rest}`;
}
