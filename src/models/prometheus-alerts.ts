/**
 * What an alert is about, read from its parsed PromQL: self-monitoring (`up == 0`, `absent(up)`), the
 * monitoring pipeline itself (dead-man's switch, Prometheus/Alertmanager down), SLO burn rates. Shared by
 * PRM002, PRM008 and PRM011 so they agree.
 */
import {
  type BinaryNode,
  functionsOf,
  nodesOf,
  type PromNode,
  type SelectorNode,
  selectorsOf,
  unwrapParens,
} from '../parsers/promql-ast.js';
import type { PromRule } from './prometheus.js';

const PIPELINE_JOBS =
  /prometheus|alertmanager|pushgateway|thanos|mimir|cortex|victoriametrics|vmagent|grafana-agent|alloy|otel/i;
const PIPELINE_NAMES =
  /watchdog|dead.?man|heartbeat|(prometheus|alertmanager|pushgateway|scrape|monitoring)\w*(down|absent|missing|failed|notconnected)/i;

function ast(rule: PromRule): PromNode | undefined {
  return rule.expr?.parse.ast;
}

function isNumber(node: PromNode, test: (n: number) => boolean): boolean {
  const n = unwrapParens(node);
  return n.type === 'number' && test(n.value);
}

const UP_AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg']);

/** The `up` selector of `up{…}`, or of an aggregation of it (`sum by (job) (up{…})`). */
function upSelectorIn(node: PromNode): SelectorNode | undefined {
  const n = unwrapParens(node);
  if (n.type === 'selector') return n.name === 'up' ? n : undefined;
  if (n.type === 'aggregate' && UP_AGGREGATIONS.has(n.op)) {
    const inner = n.args[n.args.length - 1];
    return inner ? upSelectorIn(inner) : undefined;
  }
  return undefined;
}

/** `up == 0`, `up < 1`, `sum by (job) (up{job="x"}) == 0`, also written as `0 == up`. */
function upIsDown(node: BinaryNode): SelectorNode | undefined {
  const lhs = upSelectorIn(node.lhs);
  const rhs = upSelectorIn(node.rhs);
  const selector = lhs ?? rhs;
  if (!selector) return undefined;
  const other = lhs ? node.rhs : node.lhs;
  if (node.op === '==' && isNumber(other, (n) => n === 0)) return selector;
  if ((node.op === '<' && lhs) || (node.op === '>' && rhs))
    return isNumber(other, (n) => n <= 1) ? selector : undefined;
  return undefined;
}

function absentOfUp(node: PromNode): SelectorNode | undefined {
  if (node.type !== 'call' || (node.func !== 'absent' && node.func !== 'absent_over_time')) return undefined;
  const arg = node.args[0] && unwrapParens(node.args[0]);
  const selector = arg?.type === 'matrix' ? arg.expr : arg;
  return selector ? upSelectorIn(selector) : undefined;
}

/** The `up` selectors an alert watches for targets going away (empty when it watches none). */
export function watchedUpSelectors(rule: PromRule): SelectorNode[] {
  const root = ast(rule);
  if (!root) return [];
  const out: SelectorNode[] = [];
  for (const n of nodesOf(root)) {
    const selector = n.type === 'binary' ? upIsDown(n) : absentOfUp(n);
    if (selector) out.push(selector);
  }
  return out;
}

/** True when the alert fires on scrape targets (Prometheus, Alertmanager, exporters) being down or gone. */
export function isSelfMonitoringAlert(rule: PromRule): boolean {
  return rule.kind === 'alert' && watchedUpSelectors(rule).length > 0;
}

/**
 * True when the alert is about the monitoring pipeline itself: a dead-man's switch, `absent(…)`, or `up == 0`
 * on Prometheus/Alertmanager. Such alerts legitimately fire without `for:` (PRM002 lowers them to info).
 */
export function isPipelineAlert(rule: PromRule): boolean {
  if (PIPELINE_NAMES.test(rule.name)) return true;
  const root = ast(rule);
  if (!root) return false;
  const fns = functionsOf(root);
  if (fns.has('absent') || fns.has('absent_over_time')) return true;
  return watchedUpSelectors(rule).some((s) =>
    s.matchers.some((m) => m.label.name === 'job' && m.op !== '!=' && m.op !== '!~' && PIPELINE_JOBS.test(m.value)),
  );
}

const BURN_RATE = /burn_?rate|error_?budget/i;

/** A multi-window burn-rate alert, or an alert on an SLO recording rule (`slo:*`, `*:burnrate*`). */
export function isBurnRateAlert(rule: PromRule): boolean {
  if (rule.kind !== 'alert') return false;
  if (/burn|error_?budget/i.test(rule.name)) return true;
  const root = ast(rule);
  if (!root) return false;
  return selectorsOf(root).some((s) => s.name !== undefined && (BURN_RATE.test(s.name) || s.name.startsWith('slo:')));
}

/** A recording rule that defines an SLI/SLO series (`slo:*`, `*:burnrate*`, Sloth's `slo:sli_error:*`). */
export function isSloRecordingRule(rule: PromRule): boolean {
  return rule.kind === 'record' && (rule.name.startsWith('slo:') || BURN_RATE.test(rule.name));
}

/** The value of a label of the rule, when written. */
export function labelValue(rule: PromRule, name: string): string | undefined {
  return rule.labels.find((l) => l.name === name)?.value;
}
