import { defineRule } from '../../core/rule.js';
import { allRules } from '../../models/prometheus.js';
import { isSelfMonitoringAlert } from '../../models/prometheus-alerts.js';

export const rule = defineRule({
  id: 'PRM008',
  title: 'Alert when monitoring targets go down',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  scope: 'project',
  rationale:
    'Every other alert depends on scrapes succeeding. When an exporter, Alertmanager or Prometheus itself stops ' +
    'being scraped, its alerts stop evaluating — silence that looks exactly like health.',
  fix:
    'Add `alert: TargetDown` with `expr: up == 0` (for: 5m) and `absent(up{job="<critical job>"})` for jobs that ' +
    "must exist; pair it with an external dead-man's switch for Prometheus itself.",
  notes:
    'Repository-level: reported once, on the first alert of the first rule file, when no alert in any rule file ' +
    'watches `up == 0` / `up < 1` or `absent(up…)` / `absent_over_time(up…[…])`.',
  check(project, ctx) {
    const alerts = allRules(project.ofKind('prometheus-rules')).filter((d) => d.rule.kind === 'alert');
    const first = alerts[0];
    if (!first || alerts.some((d) => isSelfMonitoringAlert(d.rule))) return;
    ctx.report({
      file: first.file,
      range: first.rule.nameRange,
      message: `No alert watches scrape targets going down (\`up == 0\` or \`absent(up{…})\`) in the ${alerts.length} alert(s) of this repository.`,
    });
  },
});
