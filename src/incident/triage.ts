/**
 * An alert's PromQL, broken into what a responder looks at: when it fires (in words), the series it reads
 * (recording rules expanded to the raw series they are computed from), and a query per series to run.
 * Works on the parsed AST (parsers/promql.ts), never on the expression text with regexes.
 */
import type { PromRule } from '../models/prometheus.js';
import { type PromNode, type SelectorNode, selectorsOf, unwrapParens } from '../parsers/promql-ast.js';

export interface SeriesToCheck {
  /** The selector as written (`http_requests_total{job="shop-api",code=~"5.."}`). */
  selector: string;
  name: string | undefined;
  /** A query that shows the series usefully (rate of a counter, quantile of a histogram). */
  query: string;
  /** What the query shows. */
  note: string;
  /** When the series is a recording rule of the rule set: where it is defined and what it reads. */
  recordedBy?: { file: string; line: number; expr: string; series: SeriesToCheck[] };
}

export interface RecordingRule {
  file: string;
  rule: PromRule;
}

const COMPARISONS: Readonly<Record<string, string>> = {
  '>': 'is above',
  '>=': 'is at or above',
  '<': 'is below',
  '<=': 'is at or below',
  '==': 'equals',
  '!=': 'differs from',
};

/** When the alert fires, in words (`slo:sli_error:ratio_rate1h` is above 0.0144 and …). */
export function explainAlert(rule: PromRule): string {
  const ast = rule.expr?.parse.ast;
  const text = rule.expr?.text ?? '';
  if (!ast) return 'The expression does not parse; see PRM001 in `proagent-devops review`.';
  const when = explain(ast, text);
  const hold =
    rule.for?.text && rule.for.ms !== 0 ? `, for at least ${rule.for.text}` : ', as soon as it is true (no `for:`)';
  return `Fires when ${when}${hold}.`;
}

function explain(node: PromNode, text: string): string {
  const n = unwrapParens(node);
  if (n.type === 'binary') {
    if (n.op === 'and') return `${explain(n.lhs, text)} **and** ${explain(n.rhs, text)}`;
    if (n.op === 'or') return `${explain(n.lhs, text)} **or** ${explain(n.rhs, text)}`;
    if (n.op === 'unless') return `${explain(n.lhs, text)} **unless** ${explain(n.rhs, text)}`;
    const words = COMPARISONS[n.op];
    if (words !== undefined && !n.bool) {
      const rhs = constant(n.rhs);
      const lhs = constant(n.lhs);
      if (rhs !== undefined) return `${code(n.lhs, text)} ${words} ${number(rhs, n.lhs, text)}`;
      if (lhs !== undefined) return `${code(n.rhs, text)} ${mirror(n.op)} ${number(lhs, n.rhs, text)}`;
      return `${code(n.lhs, text)} ${words} ${code(n.rhs, text)}`;
    }
  }
  if (n.type === 'call' && (n.func === 'absent' || n.func === 'absent_over_time')) {
    const arg = n.args[0];
    return arg ? `no series matches ${code(arg, text)} (the target or the metric is gone)` : 'a series is absent';
  }
  return `${code(n, text)} returns any series`;
}

function mirror(op: string): string {
  const flipped: Readonly<Record<string, string>> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
  return COMPARISONS[flipped[op] ?? op] ?? op;
}

/** The value of a constant sub-expression (`14.4 * 0.001`), when it is one. */
export function constant(node: PromNode): number | undefined {
  const n = unwrapParens(node);
  if (n.type === 'number') return n.value;
  if (n.type === 'unary' && n.op === '-') {
    const v = constant(n.expr);
    return v === undefined ? undefined : -v;
  }
  if (n.type === 'binary') {
    const a = constant(n.lhs);
    const b = constant(n.rhs);
    if (a === undefined || b === undefined) return undefined;
    switch (n.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? undefined : a / b;
      default:
        return undefined;
    }
  }
  return undefined;
}

function number(value: number, against: PromNode, text: string): string {
  const shown = Number(value.toPrecision(6)).toString();
  const source = text.slice(against.from, against.to);
  const ratio = value > 0 && value < 1 && /ratio|error|availability|success|percent/i.test(source);
  return ratio ? `${shown} (${Number((value * 100).toPrecision(4))}%)` : shown;
}

function code(node: PromNode, text: string): string {
  const s = text.slice(node.from, node.to).replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim();
  return `\`${s.length > 140 ? `${s.slice(0, 139)}…` : s}\``;
}

/** The series an alert reads, recording rules expanded (once each, to any depth). */
export function seriesToCheck(rule: PromRule, recordings: readonly RecordingRule[]): SeriesToCheck[] {
  const ast = rule.expr?.parse.ast;
  if (!ast || !rule.expr) return [];
  return seriesOf(ast, rule.expr.text, recordings, new Set([rule.name]));
}

function seriesOf(
  root: PromNode,
  text: string,
  recordings: readonly RecordingRule[],
  seen: Set<string>,
): SeriesToCheck[] {
  const out: SeriesToCheck[] = [];
  const written = new Set<string>();
  for (const s of selectorsOf(root)) {
    const selector = text.slice(s.from, s.to).replace(/\s+/g, ' ').trim();
    if (written.has(selector)) continue;
    written.add(selector);
    const recording = s.name ? recordings.find((r) => r.rule.name === s.name) : undefined;
    const series: SeriesToCheck = { selector, name: s.name, ...suggest(s, selector) };
    if (recording?.rule.expr?.parse.ast && s.name && !seen.has(s.name)) {
      seen.add(s.name);
      series.recordedBy = {
        file: recording.file,
        line: recording.rule.nameRange.line,
        expr: recording.rule.expr.text.replace(/\s+/g, ' ').trim(),
        series: seriesOf(recording.rule.expr.parse.ast, recording.rule.expr.text, recordings, seen),
      };
    }
    out.push(series);
  }
  return out;
}

function suggest(s: SelectorNode, selector: string): { query: string; note: string } {
  const name = s.name ?? '';
  if (name === 'up')
    return { query: `${selector} == 0`, note: 'the targets that are down now (1 = scraped, 0 = down)' };
  if (name.includes(':')) return { query: selector, note: 'recorded series: its current value per label set' };
  if (name.endsWith('_bucket')) {
    return {
      query: `histogram_quantile(0.99, sum by (le) (rate(${selector}[5m])))`,
      note: 'p99 over the last 5 minutes (change 0.99 for other quantiles)',
    };
  }
  if (/_(total|count|sum)$/.test(name)) {
    return {
      query: `sum by (instance) (rate(${selector}[5m]))`,
      note: 'per-second rate by instance (one instance, or all of them?)',
    };
  }
  return { query: selector, note: 'current value per label set' };
}

/** Exact-match label values of the alert's selectors and labels that may name a workload (`job`, `service`, …). */
export function workloadNames(rule: PromRule, series: readonly SeriesToCheck[]): string[] {
  const names = new Set<string>();
  const labels = new Set(['job', 'service', 'app', 'deployment', 'container', 'pod', 'statefulset', 'daemonset']);
  for (const l of rule.labels) if (labels.has(l.name) && l.value) names.add(l.value);
  const ast = rule.expr?.parse.ast;
  const visit = (root: PromNode | undefined) => {
    if (!root) return;
    for (const s of selectorsOf(root)) {
      for (const m of s.matchers) if (m.op === '=' && labels.has(m.label.name) && m.value) names.add(m.value);
    }
  };
  visit(ast);
  const walk = (list: readonly SeriesToCheck[]) => {
    for (const s of list) {
      for (const m of s.selector.matchAll(/\b(job|service|app|deployment|container)="([^"]+)"/g))
        names.add(m[2] as string);
      if (s.recordedBy) walk(s.recordedBy.series);
    }
  };
  walk(series);
  return [...names].filter((n) => !/[|*+?()[\]\\]/.test(n));
}
