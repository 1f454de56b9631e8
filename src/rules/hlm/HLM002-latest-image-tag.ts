import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Range } from '../../core/types.js';
import { type HelmChart, helmCharts, type ValueReference, valueReferences, walkValues } from '../../models/helm.js';
import { parseImageRef } from '../../models/service-tiers.js';
import {
  getKeyNode,
  getNode,
  isMap,
  type Node,
  nodeRange,
  parseYaml,
  scalarString,
  scalarValue,
} from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'HLM002',
  title: 'Do not deploy chart images as latest',
  severity: 'warning',
  domain: 'iac',
  kinds: ['helm-values'],
  scope: 'project',
  rationale:
    '`latest` (or no tag, which means latest) moves: two pods of one release can run different code, and ' +
    '`helm rollback` re-deploys whatever `latest` points to now, not the previous version.',
  fix:
    'Set `image.tag` to a version (or default it in the template to `.Chart.AppVersion` and set `appVersion` ' +
    'in Chart.yaml); pin production with `image.digest`.',
  rollback:
    'Roll back by setting the tag of the last known-good version and upgrading, not with a rollback to `latest`.',
  peers: ['kube-linter:latest-tag (rendered)'],
  notes:
    'Reports `tag: latest` and `image: repo:latest` / untagged `image: repo` strings in any values file. An empty ' +
    'or missing `tag` in values.yaml is reported when the templates use it with no fallback or a `default ' +
    '"latest"`; `default .Chart.AppVersion` (with an `appVersion`), another fallback, `required`, or a digest make ' +
    'it fine.',
  check(project, ctx) {
    for (const chart of helmCharts(project)) {
      const refs = valueReferences(chart);
      for (const file of chart.valuesFiles) {
        for (const site of latestImages(chart, file, refs))
          ctx.report({ file, range: site.range, message: site.message });
      }
    }
  },
});

interface Site {
  range: Range;
  message: string;
}

function latestImages(chart: HelmChart, file: SourceFile, refs: ValueReference[]): Site[] {
  const out: Site[] = [];
  const defaults = chart.values === file;
  for (const d of parseYaml(file).documents) {
    for (const [path, keyNode, value] of walkValues(d.contents, d.doc)) {
      const key = path[path.length - 1] ?? '';
      if (!/image$/i.test(key) || !keyNode) continue;
      const where = path.join('.');
      if (isMap(value)) {
        const tagNode = getNode(value, 'tag', d.doc);
        const tag = scalarString(tagNode);
        const digest = scalarString(getNode(value, 'digest', d.doc));
        if (digest) continue;
        if (tag === 'latest') {
          out.push({ range: nodeRange(file, tagNode), message: `\`${where}.tag\` is latest in ${base(file)}.` });
        } else if ((tag === undefined || tag === '') && (defaults || tagNode !== undefined)) {
          if (getNode(value, 'repository', d.doc) === undefined) continue;
          const fallback = emptyTagRendersLatest(chart, refs, `${where}.tag`);
          if (fallback === undefined) continue;
          const at =
            tagNode && scalarString(tagNode) !== undefined ? tagNode : (getKeyNode(value, 'tag', d.doc) ?? keyNode);
          out.push({
            range: nodeRange(file, at as Node),
            message: `\`${where}.tag\` is empty in ${base(file)} and ${fallback}.`,
          });
        }
      } else {
        const raw = scalarValue(value);
        const image = typeof raw === 'string' ? raw : undefined;
        if (image === undefined || image === '' || image.includes('{{') || !/^[\w./:@-]+$/.test(image)) continue;
        const ref = parseImageRef(image);
        if (ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest')) continue;
        out.push({
          range: nodeRange(file, value),
          message: `\`${where}\` is ${image}${ref.tag === undefined ? ' (no tag: latest)' : ''} in ${base(file)}.`,
        });
      }
    }
  }
  return out;
}

/** Why an empty tag renders as latest, or undefined when the templates fall back to a version (or fail). */
function emptyTagRendersLatest(chart: HelmChart, refs: ValueReference[], path: string): string | undefined {
  const uses = refs.filter((r) => r.path === path);
  if (uses.length === 0) return undefined; // not used as a tag by the templates we can see
  if (uses.some((u) => u.required)) return undefined;
  const safe = uses.every(
    (u) =>
      u.fallback !== undefined &&
      u.fallback !== 'latest' &&
      u.fallback !== '' &&
      (u.fallback !== '.Chart.AppVersion' || (chart.appVersion !== undefined && chart.appVersion !== '')),
  );
  if (safe) return undefined;
  const latest = uses.find((u) => u.fallback === 'latest');
  return latest
    ? `${latest.file.path.split('/').pop()} defaults it to latest`
    : 'the templates render the image without a tag (latest)';
}

function base(file: SourceFile): string {
  return file.path.split('/').pop() ?? file.path;
}
