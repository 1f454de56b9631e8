import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';

export const rule = defineRule({
  id: 'PRM003',
  title: 'Alerts carry an allowed `severity` label',
  severity: 'error',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'Alertmanager routes on `severity`: an alert without it (or with a value no route expects) falls through ' +
    'to the default receiver, so a page-worthy alert ends up in a channel nobody watches.',
  fix: 'Add `labels: { severity: critical | warning | info }` (the allowed set is configurable).',
  peers: ['pint:rule/label'],
  notes:
    'The allowed values come from `alerts.severities` in `.proagent-devops.yaml` (default `critical`, `warning`, ' +
    '`info`). A templated value (`{{ … }}`) is not judged. Recording rules are not checked.',
  check(file, ctx) {
    const allowed = ctx.settings.allowedAlertSeverities;
    const list = allowed.join(', ');
    for (const group of ruleFileModel(file).groups) {
      for (const r of group.rules) {
        if (r.kind !== 'alert') continue;
        const label = r.labels.find((l) => l.name === 'severity');
        if (!label || label.value === undefined || label.value.trim() === '') {
          ctx.report({
            range: label?.keyRange ?? r.nameRange,
            message: `Alert \`${r.name}\` has no \`severity\` label (allowed: ${list}).`,
          });
        } else if (!label.value.includes('{{') && !allowed.includes(label.value)) {
          ctx.report({
            range: label.valueRange,
            message: `Alert \`${r.name}\` has severity \`${label.value}\`, which is not one of ${list}.`,
          });
        }
      }
    }
  },
});
