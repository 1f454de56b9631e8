import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Range } from '../../core/types.js';
import { type HelmChart, hasWorkloadTemplate, helmCharts, walkValues } from '../../models/helm.js';
import { type Document, entries, isFalse, isMap, isTrue, type Node, nodeRange, parseYaml } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'HLM003',
  title: 'Default chart values run as non-root with resources',
  severity: 'warning',
  domain: 'iac',
  kinds: ['helm-values'],
  scope: 'project',
  rationale:
    '`values.yaml` is what every install gets unless someone overrides it: a chart whose defaults run as ' +
    'root and without requests/limits ships those defaults to every environment (`helm create` leaves both ' +
    'empty).',
  fix:
    'In values.yaml set `podSecurityContext: { runAsNonRoot: true, runAsUser: 10001 }` (or the container ' +
    '`securityContext`) and `resources: { requests: {cpu, memory}, limits: {memory} }`, and use them in the templates.',
  notes:
    'Only charts whose templates create a workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, ' +
    'Rollout). `runAsNonRoot: true` anywhere in values.yaml (or written in a template) counts; so does a ' +
    '`resources` map with `requests` or `limits` (or requests/limits written in a template). Reported on the ' +
    'empty `securityContext` / `resources` key when there is one, else on the first key of values.yaml.',
  check(project, ctx) {
    for (const chart of helmCharts(project)) {
      if (chart.type === 'library' || !chart.values || !hasWorkloadTemplate(chart)) continue;
      for (const problem of problems(chart, chart.values)) {
        ctx.report({ file: chart.values, range: problem.range, message: problem.message });
      }
    }
  },
});

interface Problem {
  range: Range;
  message: string;
}

function problems(chart: HelmChart, values: SourceFile): Problem[] {
  const d = parseYaml(values).documents[0];
  if (!d) return [];
  let nonRoot = chart.templates.some((t) => /^\s*runAsNonRoot:\s*true\s*$/m.test(t.text));
  // A literal quantity in a template (`memory: 256Mi`) means the chart sets resources itself.
  let resources = chart.templates.some((t) => /^\s*(cpu|memory):\s*["']?\d/m.test(t.text));
  let rootAt: Node | undefined;
  let contextKey: Node | undefined;
  let emptyResources: Node | undefined;
  for (const [path, keyNode, value] of walkValues(d.contents, d.doc)) {
    const key = path[path.length - 1] ?? '';
    if (key === 'runAsNonRoot') {
      if (isTrue(value)) nonRoot = true;
      else if (isFalse(value)) rootAt ??= value;
    } else if (/securityContext$/i.test(key)) {
      contextKey ??= keyNode;
    } else if (key === 'resources') {
      if (hasRequestsOrLimits(value, d.doc)) resources = true;
      else emptyResources ??= keyNode;
    }
  }
  const first = firstKey(d.contents, d.doc);
  const anchor = (n: Node | undefined) => nodeRange(values, n ?? first ?? d.contents);
  const out: Problem[] = [];
  if (!nonRoot) {
    out.push({
      range: anchor(rootAt ?? contextKey),
      message: rootAt
        ? 'values.yaml sets `runAsNonRoot: false`: the workload may run as root.'
        : 'values.yaml defines no non-root security context (`runAsNonRoot: true`).',
    });
  }
  if (!resources) {
    out.push({
      range: anchor(emptyResources),
      message: 'values.yaml defines no `resources` requests or limits for the workload.',
    });
  }
  return out;
}

function hasRequestsOrLimits(value: Node | undefined, doc: Document): boolean {
  if (!isMap(value)) return false;
  for (const [key, , v] of entries(value, doc)) {
    if ((key === 'requests' || key === 'limits') && isMap(v) && [...entries(v, doc)].length > 0) return true;
  }
  return false;
}

function firstKey(node: unknown, doc: Document): Node | undefined {
  for (const [, keyNode] of entries(node, doc)) return keyNode;
  return undefined;
}
