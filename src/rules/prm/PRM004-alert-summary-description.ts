import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';

export const rule = defineRule({
  id: 'PRM004',
  title: 'Alerts have `summary` and `description` annotations',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'The notification is all the on-call engineer sees at 3 a.m.: without a summary (what is wrong) and a ' +
    'description (how bad, where, with `{{ $labels }}` and `{{ $value }}`) they start by reverse-engineering the PromQL.',
  fix: 'Add `annotations: { summary: "…", description: "… {{ $labels.instance }} … {{ $value }}" }`.',
  peers: ['pint:alerts/annotation'],
  check(file, ctx) {
    for (const group of ruleFileModel(file).groups) {
      for (const r of group.rules) {
        if (r.kind !== 'alert') continue;
        const has = (name: string) => r.annotations.some((a) => a.name === name && (a.value ?? '').trim() !== '');
        const missing = ['summary', 'description'].filter((n) => !has(n));
        if (missing.length === 0) continue;
        ctx.report({
          range: r.nameRange,
          message: `Alert \`${r.name}\` has no ${missing.map((m) => `\`${m}\``).join(' or ')} annotation.`,
        });
      }
    }
  },
});
