import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';
import { nodesOf } from '../../parsers/promql-ast.js';

/** Labels whose values grow with users or requests: one series each. */
export const UNBOUNDED_LABELS: ReadonlySet<string> = new Set([
  'user_id',
  'userid',
  'session_id',
  'sessionid',
  'request_id',
  'requestid',
  'trace_id',
  'traceid',
  'span_id',
  'email',
  'ip',
  'client_ip',
  'remote_ip',
  'ip_address',
]);

export const rule = defineRule({
  id: 'PRM010',
  title: 'Keep unbounded labels out of aggregations and rule labels',
  severity: 'info',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'Grouping by a user, session, request or trace ID creates one series per value: the recording rule or ' +
    'alert grows without bound, slows every evaluation and can take Prometheus down with it.',
  fix: 'Aggregate by a bounded label (service, route, status class); keep per-request detail in logs and traces.',
  notes: `Labels recognised: ${[...UNBOUNDED_LABELS].map((l) => `\`${l}\``).join(', ')} — in \`by (…)\` of an aggregation, in \`on (…)\`/\`group_left (…)\` of a vector match, and as keys of a rule's \`labels:\`.`,
  check(file, ctx) {
    for (const group of ruleFileModel(file).groups) {
      for (const r of group.rules) {
        for (const l of r.labels) {
          if (UNBOUNDED_LABELS.has(l.name.toLowerCase())) {
            ctx.report({ range: l.keyRange, message: `Rule \`${r.name}\` sets the unbounded label \`${l.name}\`.` });
          }
        }
        const root = r.expr?.parse.ast;
        if (!r.expr || !root) continue;
        for (const n of nodesOf(root)) {
          const labels =
            n.type === 'aggregate' && n.grouping && !n.grouping.without
              ? n.grouping.labels
              : n.type === 'binary' && n.matching
                ? [...(n.matching.on ? n.matching.labels : []), ...n.matching.include]
                : [];
          for (const label of labels) {
            if (!UNBOUNDED_LABELS.has(label.name.toLowerCase())) continue;
            ctx.report({
              range: r.expr.rangeOf(label),
              message: `Rule \`${r.name}\` keeps the unbounded label \`${label.name}\`: one series per value.`,
            });
          }
        }
      }
    }
  },
});
