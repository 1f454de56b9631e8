import { defineRule } from '../../core/rule.js';
import { ruleFileModel } from '../../models/prometheus.js';
import { type BinaryNode, nodesOf, type PromNode, unwrapParens, walkPromQL } from '../../parsers/promql-ast.js';

/** Range functions and aggregations whose result is 0 when nothing happened (no traffic, no events). */
const ZERO_WHEN_IDLE_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'delta', 'idelta', 'sum_over_time']);
const FILTERS = new Set(['>', '>=', '!=']);

export const rule = defineRule({
  id: 'PRM007',
  title: 'Guard divisions against a zero denominator',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-rules'],
  rationale:
    'A ratio over a rate or a sum divides by zero when traffic stops (night, a canary, a dead service): ' +
    '0/0 is NaN and the alert silently never fires, x/0 is +Inf and it fires on nothing.',
  fix:
    'Filter the denominator: `… / (sum(rate(requests_total[5m])) > 0)`, or add `and sum(rate(requests_total[5m])) > 0`, ' +
    'or use `clamp_min(…, <small positive>)` when a floor makes sense.',
  notes:
    'Only alert expressions are checked (recording rules feed dashboards, where a gap is visible). A ' +
    'denominator can be zero when it contains `rate`, `irate`, `increase`, `delta`, `idelta`, `sum_over_time` or ' +
    'a `sum` aggregation. Guards recognised: a denominator filtered with `> x`, `>= x` or `!= 0`, ' +
    '`clamp_min(…, x)`/`clamp(…)` with a positive floor, and an enclosing `and …` whose other side filters with a comparison.',
  check(file, ctx) {
    for (const group of ruleFileModel(file).groups) {
      for (const r of group.rules) {
        const root = r.expr?.parse.ast;
        if (r.kind !== 'alert' || !r.expr || !root) continue;
        const expr = r.expr;
        walkPromQL(root, (node, parents) => {
          if (node.type !== 'binary' || node.op !== '/') return;
          const denominator = unwrapParens(node.rhs);
          if (!canBeZero(denominator) || isGuarded(denominator)) return;
          if (parents.some((p) => guardsFromOutside(p, node))) return;
          const text = expr.text.slice(node.rhs.from, node.rhs.to).replace(/\s+/g, ' ');
          ctx.report({
            range: expr.rangeOf(node.opSpan),
            message: `Alert \`${r.name}\` divides by \`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\` without a zero guard: with no traffic the ratio is NaN (never fires) or +Inf.`,
          });
        });
      }
    }
  },
});

function canBeZero(node: PromNode): boolean {
  return nodesOf(node).some(
    (n) => (n.type === 'call' && ZERO_WHEN_IDLE_FUNCTIONS.has(n.func)) || (n.type === 'aggregate' && n.op === 'sum'),
  );
}

function isFilter(node: PromNode): boolean {
  const n = unwrapParens(node);
  return n.type === 'binary' && !n.bool && FILTERS.has(n.op);
}

function isGuarded(denominator: PromNode): boolean {
  if (isFilter(denominator)) return true;
  if (denominator.type === 'call' && (denominator.func === 'clamp_min' || denominator.func === 'clamp')) {
    const floor = denominator.args[1] && unwrapParens(denominator.args[1]);
    return floor?.type !== 'number' || floor.value > 0;
  }
  if (denominator.type === 'binary' && denominator.op === 'and') return containsFilter(denominator.rhs);
  return false;
}

function containsFilter(node: PromNode): boolean {
  return nodesOf(node).some((n) => n.type === 'binary' && !n.bool && FILTERS.has(n.op));
}

/** `(a / b) and b > 0`: the other operand of an enclosing `and` filters on a comparison. */
function guardsFromOutside(parent: PromNode, division: BinaryNode): boolean {
  if (parent.type !== 'binary' || parent.op !== 'and') return false;
  const inLhs = division.from >= parent.lhs.from && division.to <= parent.lhs.to;
  return containsFilter(inLhs ? parent.rhs : parent.lhs);
}
