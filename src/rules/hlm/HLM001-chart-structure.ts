import { defineRule } from '../../core/rule.js';
import type { Range } from '../../core/types.js';
import { type HelmChart, helmCharts } from '../../models/helm.js';
import { entries, nodeRange } from '../../parsers/yaml.js';

/** What Helm itself accepts as a chart version (Masterminds semver: `1.2.3`, `v1.2`, `1.2.3-rc.1+build`). */
const SEMVER = /^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export const rule = defineRule({
  id: 'HLM001',
  title: 'Charts need a valid Chart.yaml, values.yaml and templates',
  severity: 'error',
  domain: 'iac',
  kinds: ['helm-chart'],
  scope: 'project',
  rationale:
    'Helm refuses to package or install a chart without `name` and a SemVer `version`; `apiVersion: v1` ' +
    'charts are Helm 2 format; and a chart without `values.yaml` or `templates/` has no documented defaults ' +
    'or nothing to render, which usually means files were left out of the commit.',
  fix:
    'Start Chart.yaml with `apiVersion: v2`, `name: <chart>`, `version: <semver>` (and `appVersion`), keep the ' +
    'defaults in `values.yaml` and the manifests in `templates/` (`helm create` shows the layout).',
  notes:
    'Library charts (`type: library`) need no `values.yaml`; umbrella charts that only declare `dependencies` ' +
    'need no `templates/`. Versions are checked as Helm checks them (`1.2.3`, `1.2`, `v1.2.3-rc.1`).',
  check(project, ctx) {
    for (const chart of helmCharts(project)) {
      for (const problem of problems(chart)) {
        ctx.report({ file: chart.chartFile, range: problem.range, message: `Chart ${label(chart)}: ${problem.text}.` });
      }
    }
  },
});

interface Problem {
  range: Range;
  text: string;
}

function problems(chart: HelmChart): Problem[] {
  const anchor = chart.name.range ?? firstKeyRange(chart) ?? chart.chartFile.range(0, 0);
  const out: Problem[] = [];
  const { apiVersion, name, version } = chart;
  if (apiVersion.value === undefined) out.push({ range: anchor, text: 'Chart.yaml has no `apiVersion: v2`' });
  else if (apiVersion.value !== 'v2' && apiVersion.range) {
    out.push({ range: apiVersion.range, text: `\`apiVersion: ${apiVersion.value}\` is not v2 (Helm 3 charts)` });
  }
  if (name.value === undefined || name.value === '') out.push({ range: anchor, text: 'Chart.yaml has no `name`' });
  if (version.value === undefined || version.value === '') {
    out.push({ range: version.range ?? anchor, text: 'Chart.yaml has no `version`' });
  } else if (!SEMVER.test(version.value) && version.range) {
    out.push({ range: version.range, text: `version \`${version.value}\` is not a SemVer version (e.g. 0.1.0)` });
  }
  if (!chart.values && chart.type !== 'library') out.push({ range: anchor, text: 'has no values.yaml' });
  if (chart.templatePaths.length === 0 && chart.dependencies.length === 0) {
    out.push({ range: anchor, text: 'has no templates/ directory' });
  }
  return out;
}

function label(chart: HelmChart): string {
  return chart.name.value ? `\`${chart.name.value}\`` : `in \`${chart.dir === '' ? '.' : chart.dir}\``;
}

function firstKeyRange(chart: HelmChart): Range | undefined {
  for (const [, keyNode] of entries(chart.root, chart.doc)) if (keyNode) return nodeRange(chart.chartFile, keyNode);
  return undefined;
}
