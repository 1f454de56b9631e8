import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';

export const rule = defineRule({
  id: 'PRM001',
  title: 'Prometheus rule files must load',
  severity: 'error',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'Prometheus refuses a rule file with one bad rule: on reload it keeps the old rules (and logs an error ' +
    'nobody reads), on restart it loads none of the file. Every alert in it is silently gone.',
  fix:
    'Fix the reported position: a PromQL syntax or type error inside `expr`, a missing `alert`/`record` or ' +
    '`expr`, a duplicate group name, an unknown field or an invalid duration. Check with `promtool check rules`.',
  rollback: 'Revert the rule file to the last version `promtool check rules` accepted, then reload Prometheus.',
  peers: ['promtool:check rules', 'pint:promql/syntax'],
  notes:
    'Structure is checked as Prometheus loads it (rulefmt): `groups[].rules[]`, exactly one of `alert`/`record`, ' +
    'a non-empty `expr`, unique non-empty group names, known fields only, keys not repeated, valid durations ' +
    '(`for`, `keep_firing_for`, `interval`), valid recording-rule, label and annotation names, no `for` or ' +
    'annotations on recording rules, and closed `{{ }}` template actions in alert labels and annotations. ' +
    '`PrometheusRule` resources are checked under `spec.groups`. PromQL is parsed with the official grammar ' +
    '(`@prometheus-io/lezer-promql`) and type-checked like Prometheus (function arities and argument types, ' +
    'aggregations, binary operators and vector matching, `offset`/`@` placement, selectors that match ' +
    'everything, RE2 regexes, string escapes, zero durations); the finding points at the offending token inside ' +
    'the expression, for plain, quoted and block (`|`, `>`) scalars alike. The grammar follows Prometheus 3: ' +
    '`holt_winters` is reported (renamed `double_exponential_smoothing`), group `query_offset` and `labels` are ' +
    'accepted. A YAML syntax error is reported by PDO000 instead.',
  check(file, ctx) {
    const model = ruleFileModel(file);
    for (const problem of model.problems) ctx.report({ range: problem.range, message: problem.message });
    for (const group of model.groups) {
      for (const r of group.rules) {
        const error = r.expr?.parse.errors[0];
        if (!r.expr || !error) continue;
        ctx.report({
          range: r.expr.rangeOf(error),
          message: `Invalid PromQL in ${r.kind} \`${r.name}\`: ${error.message}.`,
        });
      }
    }
  },
});
