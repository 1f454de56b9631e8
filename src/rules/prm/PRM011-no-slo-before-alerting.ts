import { defineRule } from '../../core/rule.js';
import { allRules } from '../../models/prometheus.js';
import { isBurnRateAlert, isSloRecordingRule } from '../../models/prometheus-alerts.js';

/** SLO specs of Sloth, Pyrra and OpenSLO, recognised by their `apiVersion`/`kind` or Sloth's `version`. */
const SLO_SPEC =
  /^apiVersion:\s*["']?(sloth\.slok\.dev\/|pyrra\.dev\/|openslo\/)|^kind:\s*["']?(PrometheusServiceLevel|ServiceLevelObjective)\b|^version:\s*["']?prometheus\/v1["']?\s*$/m;

export const rule = defineRule({
  id: 'PRM011',
  title: 'Define SLOs before alerting',
  severity: 'info',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  scope: 'project',
  rationale:
    'Alerts on raw thresholds (error rate > 5%) page for blips and miss slow burns. An SLO says how much ' +
    'failure users tolerate; multi-window burn-rate alerts page only when the error budget is really at risk.',
  fix:
    'Write an SLO (Sloth or Pyrra spec, OpenSLO, or `slo:*` recording rules) and alert on its burn rate: ' +
    '14.4× over 1h and 5m pages, 6× over 6h and 30m pages, 1× over 3d opens a ticket.',
  notes:
    'Repository-level: reported once, on the first alert of the first rule file, when there are alert rules but ' +
    'no SLO definition — a Sloth (`sloth.slok.dev`, or `version: prometheus/v1` specs), Pyrra (`pyrra.dev`) or ' +
    'OpenSLO document anywhere in the repository, or a recording rule named `slo:*` or `*burnrate*` — and no ' +
    'burn-rate alert (an alert named `*burn*`/`*error_budget*` or reading such series). SLO specs are found by ' +
    'a line-anchored text probe; they are not parsed.',
  check(project, ctx) {
    const rules = allRules(project.ofKind('prometheus-rules'));
    const firstAlert = rules.find((d) => d.rule.kind === 'alert');
    if (!firstAlert) return;
    if (rules.some((d) => isSloRecordingRule(d.rule) || isBurnRateAlert(d.rule))) return;
    // SLO specs are other YAML kinds: a text probe, so their parse trees need not be kept.
    if (project.ofKind('k8s', 'yaml', 'prometheus-rules').some((f) => SLO_SPEC.test(f.text))) return;
    ctx.report({
      file: firstAlert.file,
      range: firstAlert.rule.nameRange,
      message: 'Alert rules exist but no SLO is defined and no alert watches an error-budget burn rate.',
    });
  },
});
