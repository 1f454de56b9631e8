import { posix } from 'node:path';
import type { Project } from '../../core/project.js';
import type { RuleSettings } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Range } from '../../core/types.js';
import { type Environment, environmentOf } from '../../models/environment.js';
import { argoEnvironment, gitopsModel, resolveRepoPath } from '../../models/gitops.js';
import { chartOf, helmCharts, walkValues } from '../../models/helm.js';
import { kustomizationEnvironment, kustomizeModel } from '../../models/kustomize.js';
import {
  type Document,
  getIn,
  getNode,
  isMap,
  type Node,
  nodeRange,
  parseYaml,
  scalarString,
} from '../../parsers/yaml.js';

/**
 * Every place that sets the image tag an environment runs (GOP006): kustomize `images:` entries, Helm
 * `values-<env>.yaml`, Argo CD `kustomize.images` / Helm parameters and values, Flux HelmRelease values and
 * Kustomization images, each with the environment it deploys to.
 */
export interface ImageSetting {
  /** The image name without tag or digest. */
  image: string;
  tag: string | undefined;
  digest: string | undefined;
  file: SourceFile;
  range: Range;
  env: Environment;
}

export function imageSettings(project: Project, settings: Pick<RuleSettings, 'isProd'>): ImageSetting[] {
  const out: ImageSetting[] = [];
  for (const k of kustomizeModel(project).kustomizations) {
    const env = kustomizationEnvironment(k, settings);
    for (const i of k.images) {
      const image = i.newName?.value ?? i.name?.value;
      const at = i.newTag ?? i.digest;
      if (image === undefined || !at) continue;
      out.push({ image, tag: i.newTag?.value, digest: i.digest?.value, file: k.file, range: at.range, env });
    }
  }
  for (const chart of helmCharts(project)) {
    const defaults = chart.values ? parseYaml(chart.values).documents[0] : undefined;
    for (const file of chart.environmentValues.values()) {
      const d = parseYaml(file).documents[0];
      if (!d) continue;
      const env = environmentOf(file.path, settings);
      out.push(...imageMaps(file, d.contents, d.doc, env, (path) => getIn(defaults?.contents, path, defaults?.doc)));
    }
  }
  const gitops = gitopsModel(project);
  for (const app of gitops.applications) {
    const env = argoEnvironment(app, settings);
    const file = app.obj.file;
    for (const source of app.sources) {
      for (const entry of source.kustomizeImages) {
        const parsed = parseKustomizeImage(entry.value);
        if (parsed) out.push({ ...parsed, file, range: entry.range, env });
      }
      const helm = source.helm;
      if (!helm) continue;
      const chartDir = source.path ? resolveRepoPath(project, file, source.path.value) : undefined;
      const chart = chartDir === undefined ? undefined : chartOf(project, `${chartDir}/Chart.yaml`);
      const chartValues = chart?.values ? parseYaml(chart.values).documents[0] : undefined;
      const fromChart = (path: readonly (string | number)[]) => getIn(chartValues?.contents, path, chartValues?.doc);
      for (const p of helm.parameters) {
        if (!p.name.endsWith('.tag') || !p.value) continue;
        const prefix = p.name.slice(0, -'.tag'.length);
        const repo =
          helm.parameters.find((q) => q.name === `${prefix}.repository`)?.value?.value ??
          scalarString(fromChart([...prefix.split('.'), 'repository']));
        if (repo) out.push({ image: repo, tag: p.value.value, digest: undefined, file, range: p.value.range, env });
      }
      if (helm.valuesObject) out.push(...imageMaps(file, helm.valuesObject, app.obj.doc, env, fromChart));
    }
  }
  for (const release of gitops.helmReleases) {
    if (!release.values) continue;
    const env = environmentOf(release.obj.file.path, settings, [
      release.targetNamespace,
      release.obj.namespace,
      release.obj.name,
    ]);
    out.push(...imageMaps(release.obj.file, release.values, release.obj.doc, env, () => undefined));
  }
  for (const k of gitops.fluxKustomizations) {
    const env = environmentOf(k.obj.file.path, settings, [
      k.obj.namespace,
      k.obj.name,
      k.path ? posix.basename(k.path) : undefined,
    ]);
    for (const i of k.images) {
      const image = scalarString(getNode(i, 'newName', k.obj.doc)) ?? scalarString(getNode(i, 'name', k.obj.doc));
      const tagNode = getNode(i, 'newTag', k.obj.doc) ?? getNode(i, 'digest', k.obj.doc);
      if (image === undefined || !tagNode) continue;
      out.push({
        image,
        tag: scalarString(getNode(i, 'newTag', k.obj.doc)),
        digest: scalarString(getNode(i, 'digest', k.obj.doc)),
        file: k.obj.file,
        range: nodeRange(k.obj.file, tagNode),
        env,
      });
    }
  }
  return out;
}

/** `image: { repository, tag }` maps in a values tree; the repository may come from the chart's defaults. */
function imageMaps(
  file: SourceFile,
  root: unknown,
  doc: Document,
  env: Environment,
  defaults: (path: readonly (string | number)[]) => Node | undefined,
): ImageSetting[] {
  const out: ImageSetting[] = [];
  for (const [path, , value] of walkValues(root, doc)) {
    if (!/image$/i.test(path[path.length - 1] ?? '') || !isMap(value)) continue;
    const tagNode = getNode(value, 'tag', doc);
    const tag = scalarString(tagNode);
    const digest = scalarString(getNode(value, 'digest', doc)) || undefined;
    if ((tag === undefined || tag === '') && !digest) continue;
    const own = scalarString(getNode(value, 'repository', doc));
    const registry = scalarString(getNode(value, 'registry', doc)) ?? scalarString(defaults([...path, 'registry']));
    const repository = own ?? scalarString(defaults([...path, 'repository']));
    if (repository === undefined) continue;
    out.push({
      image: registry ? `${registry}/${repository}` : repository,
      tag: tag === '' ? undefined : tag,
      digest,
      file,
      range: nodeRange(file, tagNode ?? getNode(value, 'digest', doc)),
      env,
    });
  }
  return out;
}

/** Argo CD's `kustomize.images` syntax: `name=new:tag`, `name:tag`, `name@sha256:…`. */
function parseKustomizeImage(
  entry: string,
): { image: string; tag: string | undefined; digest: string | undefined } | undefined {
  const target = entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : entry;
  const at = target.indexOf('@');
  const digest = at >= 0 ? target.slice(at + 1) : undefined;
  const named = at >= 0 ? target.slice(0, at) : target;
  const colon = named.lastIndexOf(':');
  const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined;
  const image = tag === undefined ? named : named.slice(0, colon);
  if (image === '' || (tag === undefined && digest === undefined)) return undefined;
  return { image, tag, digest };
}
