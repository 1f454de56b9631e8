/**
 * GitOps objects of a review: Argo CD `Application` / `ApplicationSet` (its template) / `AppProject`, and Flux
 * `Kustomization` / `HelmRelease` / `GitRepository`, read from the Kubernetes objects of `k8s` files, with the
 * environment each one deploys to and the repository paths their sources point at.
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { RuleSettings } from '../core/rule.js';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  getIn,
  getKeyNode,
  getNode,
  items,
  type Node,
  nodeRange,
  scalarString,
} from '../parsers/yaml.js';
import { type Environment, environmentFromPath, environmentOf } from './environment.js';
import { type K8sObject, k8sObjects } from './k8s.js';

export interface Located {
  value: string;
  range: Range;
}

export interface ArgoHelmSource {
  valueFiles: Located[];
  /** `parameters: [{name, value}]`. */
  parameters: { name: string; value: Located | undefined }[];
  /** `valuesObject`, or the `values` string parsed as YAML by Argo CD (a node of this file only for valuesObject). */
  valuesObject: Node | undefined;
  /** Any inline values (`values`, `valuesObject`, `parameters`): the Application carries its own configuration. */
  inline: boolean;
}

export interface ArgoSource {
  node: Node;
  /** Where findings about the source go: its `repoURL` value, else the source itself. */
  anchor: Range;
  repoURL: string | undefined;
  /** The value, or `undefined` when the key is absent (Argo CD then tracks HEAD). */
  targetRevision: Located | undefined;
  path: Located | undefined;
  /** A Helm repository chart name (`chart:`), rather than a path in Git. */
  chart: string | undefined;
  helm: ArgoHelmSource | undefined;
  /** `kustomize.images` entries (`name=new:tag`, `name:tag`). */
  kustomizeImages: Located[];
}

export interface ArgoApplication {
  obj: K8sObject;
  kind: 'Application' | 'ApplicationSet';
  /** The Application spec (an ApplicationSet's `template.spec`). */
  spec: Node | undefined;
  /** Name as written (an ApplicationSet template's name may hold `{{…}}`). */
  name: string | undefined;
  /** Where findings about the whole application go: its (template) name, else the kind. */
  anchor: Range;
  project: { value: string | undefined; range: Range | undefined };
  sources: ArgoSource[];
  destinationNamespace: string | undefined;
  destinationName: string | undefined;
  syncPolicy: { key: Node | undefined; node: Node | undefined };
  automated: { key: Node | undefined; node: Node | undefined };
}

export interface FluxKustomization {
  obj: K8sObject;
  spec: Node | undefined;
  path: string | undefined;
  images: Node[];
}

export interface FluxHelmRelease {
  obj: K8sObject;
  spec: Node | undefined;
  chart: string | undefined;
  version: { value: string | undefined; range: Range | undefined };
  values: Node | undefined;
  targetNamespace: string | undefined;
}

export interface GitOpsModel {
  applications: ArgoApplication[];
  appProjects: K8sObject[];
  fluxKustomizations: FluxKustomization[];
  helmReleases: FluxHelmRelease[];
  gitRepositories: K8sObject[];
}

const ARGO = /^argoproj\.io\//;
const FLUX_KUSTOMIZE = /^kustomize\.toolkit\.fluxcd\.io\//;
const FLUX_HELM = /^helm\.toolkit\.fluxcd\.io\//;
const FLUX_SOURCE = /^source\.toolkit\.fluxcd\.io\//;

export function gitopsModel(project: Project): GitOpsModel {
  return project.cached('gitops', () => {
    const model: GitOpsModel = {
      applications: [],
      appProjects: [],
      fluxKustomizations: [],
      helmReleases: [],
      gitRepositories: [],
    };
    for (const file of project.ofKind('k8s')) {
      // Cheap probe first: most manifests are not GitOps objects.
      if (!/(argoproj\.io|toolkit\.fluxcd\.io)\//.test(file.text)) continue;
      for (const obj of k8sObjects(file)) addObject(model, obj);
    }
    return model;
  });
}

/** The GitOps objects of one file (for file-scoped rules). */
export function gitopsObjectsOf(file: SourceFile): GitOpsModel {
  const model: GitOpsModel = {
    applications: [],
    appProjects: [],
    fluxKustomizations: [],
    helmReleases: [],
    gitRepositories: [],
  };
  if (/(argoproj\.io|toolkit\.fluxcd\.io)\//.test(file.text)) for (const obj of k8sObjects(file)) addObject(model, obj);
  return model;
}

function addObject(model: GitOpsModel, obj: K8sObject): void {
  const spec = getNode(obj.node, 'spec', obj.doc);
  if (ARGO.test(obj.apiVersion)) {
    if (obj.kind === 'Application') model.applications.push(readApplication(obj, 'Application', obj.node, spec));
    else if (obj.kind === 'ApplicationSet') {
      const template = getNode(spec, 'template', obj.doc);
      if (template)
        model.applications.push(readApplication(obj, 'ApplicationSet', template, getNode(template, 'spec', obj.doc)));
    } else if (obj.kind === 'AppProject') model.appProjects.push(obj);
  } else if (FLUX_KUSTOMIZE.test(obj.apiVersion) && obj.kind === 'Kustomization') {
    model.fluxKustomizations.push({
      obj,
      spec,
      path: scalarString(getNode(spec, 'path', obj.doc)),
      images: items(getNode(spec, 'images', obj.doc), obj.doc),
    });
  } else if (FLUX_HELM.test(obj.apiVersion) && obj.kind === 'HelmRelease') {
    const chartSpec = getIn(spec, ['chart', 'spec'], obj.doc);
    const versionNode = getNode(chartSpec, 'version', obj.doc);
    model.helmReleases.push({
      obj,
      spec,
      chart: scalarString(getNode(chartSpec, 'chart', obj.doc)),
      version: {
        value: scalarString(versionNode),
        range: versionNode ? nodeRange(obj.file, versionNode) : undefined,
      },
      values: getNode(spec, 'values', obj.doc),
      targetNamespace: scalarString(getNode(spec, 'targetNamespace', obj.doc)),
    });
  } else if (FLUX_SOURCE.test(obj.apiVersion) && obj.kind === 'GitRepository') {
    model.gitRepositories.push(obj);
  }
}

function readApplication(
  obj: K8sObject,
  kind: ArgoApplication['kind'],
  root: Node,
  spec: Node | undefined,
): ArgoApplication {
  const { doc, file } = obj;
  const nameNode = getIn(root, ['metadata', 'name'], doc);
  const projectNode = getNode(spec, 'project', doc);
  const syncPolicy = getNode(spec, 'syncPolicy', doc);
  const sourceNodes = [getNode(spec, 'source', doc), ...items(getNode(spec, 'sources', doc), doc)].filter(
    (n): n is Node => n !== undefined,
  );
  return {
    obj,
    kind,
    spec,
    name: scalarString(nameNode),
    anchor: nameNode && scalarString(nameNode) !== undefined ? nodeRange(file, nameNode) : obj.kindRange,
    project: {
      value: scalarString(projectNode),
      range: projectNode ? nodeRange(file, projectNode) : undefined,
    },
    sources: sourceNodes.map((n) => readSource(file, doc, n)),
    destinationNamespace: scalarString(getIn(spec, ['destination', 'namespace'], doc)),
    destinationName: scalarString(getIn(spec, ['destination', 'name'], doc)),
    syncPolicy: { key: getKeyNode(spec, 'syncPolicy', doc), node: syncPolicy },
    automated: { key: getKeyNode(syncPolicy, 'automated', doc), node: getNode(syncPolicy, 'automated', doc) },
  };
}

function readSource(file: SourceFile, doc: Document, node: Node): ArgoSource {
  const located = (n: Node | undefined): Located | undefined => {
    const value = scalarString(n);
    return value === undefined || !n ? undefined : { value, range: nodeRange(file, n) };
  };
  const helmNode = getNode(node, 'helm', doc);
  const revisionNode = getNode(node, 'targetRevision', doc);
  const revision = located(revisionNode);
  const repoNode = getNode(node, 'repoURL', doc);
  return {
    node,
    anchor: nodeRange(file, scalarString(repoNode) !== undefined ? repoNode : node),
    repoURL: scalarString(repoNode),
    // `targetRevision: ""` is the empty string, not a missing key: keep its range.
    targetRevision: revision ?? (revisionNode ? { value: '', range: nodeRange(file, revisionNode) } : undefined),
    path: located(getNode(node, 'path', doc)),
    chart: scalarString(getNode(node, 'chart', doc)),
    helm: helmNode
      ? {
          valueFiles: items(getNode(helmNode, 'valueFiles', doc), doc).flatMap((n) => located(n) ?? []),
          parameters: items(getNode(helmNode, 'parameters', doc), doc).flatMap((p) => {
            const name = scalarString(getNode(p, 'name', doc));
            return name === undefined ? [] : [{ name, value: located(getNode(p, 'value', doc)) }];
          }),
          valuesObject: getNode(helmNode, 'valuesObject', doc),
          inline: ['values', 'valuesObject', 'parameters'].some((k) => getNode(helmNode, k, doc) !== undefined),
        }
      : undefined,
    kustomizeImages: items(getIn(node, ['kustomize', 'images'], doc), doc).flatMap((n) => located(n) ?? []),
  };
}

/**
 * The environment an Application deploys to: its destination namespace and cluster name, its own name, the
 * paths and value files of its sources (`overlays/prod`, `values-prod.yaml`), then its file's path.
 */
export function argoEnvironment(app: ArgoApplication, settings: Pick<RuleSettings, 'isProd'>): Environment {
  const fromSources = app.sources.flatMap((s) => [
    s.path ? environmentFromPath(`${s.path.value.replace(/\/+$/, '')}/x`) : undefined,
    ...(s.helm?.valueFiles.map((f) => environmentFromPath(f.value)) ?? []),
  ]);
  const names = [app.destinationNamespace, app.destinationName, app.name, ...fromSources].filter(
    (n): n is string => n !== undefined && !n.includes('{{'),
  );
  return environmentOf(app.obj.file.path, settings, names);
}

/**
 * A path of the repository (an Application's `source.path`, a Flux `spec.path`) as a directory of the review.
 * The review root need not be the repository root, so the path is tried under each directory above the file
 * that refers to it, nearest first; undefined when no reviewed file lives there.
 */
export function resolveRepoPath(project: Project, from: SourceFile, repoPath: string): string | undefined {
  const clean = posix.normalize(repoPath.replace(/^\.?\//, '')).replace(/\/+$/, '');
  if (clean === '' || clean === '.' || clean.startsWith('..')) return undefined;
  let dir = posix.dirname(from.path);
  for (;;) {
    const candidate = dir === '.' ? clean : `${dir}/${clean}`;
    if (hasDirectory(project, candidate)) return candidate;
    if (dir === '.' || dir === '/' || dir === '') return undefined;
    dir = posix.dirname(dir);
  }
}

function hasDirectory(project: Project, dir: string): boolean {
  const cache = project.cached('gitops-dirs', () => {
    const dirs = new Set<string>();
    for (const p of project.allPaths) {
      for (let d = posix.dirname(p); d !== '.' && d !== '/' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d);
    }
    return dirs;
  });
  return cache.has(dir);
}
