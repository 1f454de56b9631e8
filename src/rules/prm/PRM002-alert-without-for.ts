import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';
import { isPipelineAlert } from '../../models/prometheus-alerts.js';

export const rule = defineRule({
  id: 'PRM002',
  title: 'Alerts need a `for:` duration',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'Without `for:` an alert fires on the first evaluation that matches: one slow scrape, one restart or one ' +
    'spike pages someone at night, and alerts that flap teach people to ignore them.',
  fix: 'Add `for:` with the time the condition must hold before it matters (typically 5m–15m; 1m–2m for hard-down).',
  peers: ['pint:alerts/for'],
  notes:
    "Alerts about the monitoring pipeline itself (a dead-man's switch such as `Watchdog`, `absent(…)`, " +
    '`absent_over_time(…)`, or `up == 0` on Prometheus, Alertmanager, Pushgateway or an agent job) are reported ' +
    'at info only: they often fire immediately by design. `for: 0s` counts as no `for:`; an invalid duration is ' +
    "PRM001's.",
  check(file, ctx) {
    for (const group of ruleFileModel(file).groups) {
      for (const r of group.rules) {
        if (r.kind !== 'alert') continue;
        if (r.for && r.for.ms !== 0) continue;
        const pipeline = isPipelineAlert(r);
        const written = r.for ? `\`for: ${r.for.text}\`` : 'no `for:`';
        ctx.report({
          range: r.for?.range ?? r.nameRange,
          message: pipeline
            ? `Alert \`${r.name}\` watches the monitoring pipeline and has ${written}: fine for a dead-man's switch, otherwise give it a short \`for:\` to ride out restarts.`
            : `Alert \`${r.name}\` has ${written}: it fires on the first matching evaluation, so a single blip pages.`,
          ...(pipeline ? { severity: 'info' as const } : {}),
        });
      }
    }
  },
});
