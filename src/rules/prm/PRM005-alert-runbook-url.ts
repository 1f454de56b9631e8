import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';

export const rule = defineRule({
  id: 'PRM005',
  title: 'Alerts link a runbook',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'An alert says something is wrong; the runbook says what to check and how to mitigate. Without it every ' +
    'page starts from zero, and the fix depends on who happens to be on call.',
  fix: 'Add `annotations: { runbook_url: https://… }` pointing at the steps for this alert (`incident runbook` drafts one).',
  check(file, ctx) {
    for (const group of ruleFileModel(file).groups) {
      for (const r of group.rules) {
        if (r.kind !== 'alert') continue;
        if (r.annotations.some((a) => a.name === 'runbook_url' && (a.value ?? '').trim() !== '')) continue;
        ctx.report({ range: r.nameRange, message: `Alert \`${r.name}\` has no \`runbook_url\` annotation.` });
      }
    }
  },
});
