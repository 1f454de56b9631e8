import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import { allRules, type PromRule } from '../../models/prometheus.js';
import { labelValue } from '../../models/prometheus-alerts.js';

interface Definition {
  file: SourceFile;
  rule: PromRule;
}

export const rule = defineRule({
  id: 'PRM006',
  title: 'One alert name, one definition',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  scope: 'project',
  rationale:
    'Two alerts with the same name and different expressions look like one alert everywhere downstream: ' +
    'silences, inhibitions, routing and dashboards match both, and the runbook describes only one of them.',
  fix: 'Rename one of them after what it detects, or delete the stale copy.',
  peers: ['promtool:check rules --lint=duplicate-rules'],
  notes:
    'Expressions are compared with whitespace normalised. The same name with different `severity` labels ' +
    '(a warning and a critical threshold of one alert) is the usual tiering pattern and is not reported. ' +
    'Every definition after the first (files in path order) is reported, with the location of the first.',
  check(project, ctx) {
    const byName = new Map<string, Definition[]>();
    for (const d of allRules(project.ofKind('prometheus-rules'))) {
      if (d.rule.kind !== 'alert' || !d.rule.expr) continue;
      const list = byName.get(d.rule.name) ?? [];
      list.push(d);
      byName.set(d.rule.name, list);
    }
    for (const [name, defs] of byName) {
      defs.forEach((d, index) => {
        // The earliest definition of the same tier that says something else.
        const other = defs
          .slice(0, index)
          .find(
            (e) =>
              labelValue(e.rule, 'severity') === labelValue(d.rule, 'severity') &&
              normalise(e.rule) !== normalise(d.rule),
          );
        if (!other) return;
        const where =
          other.file === d.file
            ? `line ${other.rule.nameRange.line}`
            : `${other.file.path}:${other.rule.nameRange.line}`;
        ctx.report({
          file: d.file,
          range: d.rule.nameRange,
          message: `Alert \`${name}\` is also defined at ${where} with a different expression.`,
        });
      });
    }
  },
});

function normalise(r: PromRule): string {
  return (r.expr?.text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(){}[\],])\s*/g, '$1')
    .trim();
}
