import { defineRule } from '../../core/rule.js';
import { type GrafanaTarget, grafanaDashboard } from '../../models/grafana.js';
import { type Matcher, nodesOf, type PromNode, type SelectorNode, selectorsOf } from '../../parsers/promql-ast.js';
import { compileMatcherRegex } from '../../parsers/promql-lex.js';

type Signal = 'rate' | 'errors' | 'duration';

const REQUEST_METRIC = /request|http_server|grpc_server|rpc_server/i;
const ERROR_METRIC = /error|fail/i;
const STATUS_LABELS = new Set([
  'code',
  'status',
  'status_code',
  'response_code',
  'http_status',
  'http_status_code',
  'grpc_code',
]);
const OUTCOME_LABELS = new Set(['error', 'outcome', 'result', 'success']);
const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

export const rule = defineRule({
  id: 'GRF001',
  title: 'Service dashboards show RED: rate, errors, duration',
  severity: 'warning',
  domain: 'observability',
  kinds: ['grafana-dashboard'],
  rationale:
    'Rate, errors and duration are the three questions of every incident about a request-serving service. ' +
    'A dashboard that graphs requests but not their error ratio or latency makes on-call guess which one moved.',
  fix:
    'Add panels for `sum(rate(http_requests_total[$__rate_interval]))`, the 5xx ratio ' +
    '`sum(rate(http_requests_total{code=~"5.."}[…])) / sum(rate(http_requests_total[…]))`, and ' +
    '`histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[…])))`.',
  notes:
    'A dashboard is a service dashboard when a PromQL target reads a request metric (name containing ' +
    '`request`, `http_server`, `grpc_server` or `rpc_server`). Rate: `rate`/`irate`/`increase` of such a counter ' +
    "(not of a histogram's `_bucket`/`_sum` series). " +
    'Errors: a matcher selecting 5xx on `code`/`status`/`status_code`/`response_code`/`grpc_code`, a matcher on ' +
    '`error`/`outcome`/`result`/`success`, or a metric named `*error*`/`*fail*`. Duration: `histogram_quantile`, ' +
    'or a summary `quantile` matcher. Grafana variables (`$__rate_interval`, `${job}`) are replaced before parsing; ' +
    'a query that still does not parse is read with the same signals lexically.',
  check(file, ctx) {
    const dashboard = grafanaDashboard(file);
    if (!dashboard) return;
    const targets = dashboard.panels.flatMap((p) => p.targets);
    if (!targets.some(readsRequests)) return;
    const found = new Set<Signal>(targets.flatMap(signalsOf));
    const missing = (
      [
        ['rate', 'request rate'],
        ['errors', 'error ratio'],
        ['duration', 'latency quantile'],
      ] as const
    ).filter(([s]) => !found.has(s));
    if (missing.length === 0) return;
    ctx.report({
      range: dashboard.range,
      message: `Dashboard \`${dashboard.title ?? file.path}\` graphs request metrics but has no panel for ${missing.map(([, d]) => d).join(', ')} (RED).`,
    });
  },
});

function readsRequests(t: GrafanaTarget): boolean {
  const ast = t.parse.ast;
  if (!ast) return REQUEST_METRIC.test(t.expr);
  return selectorsOf(ast).some((s) => s.name !== undefined && REQUEST_METRIC.test(s.name));
}

function signalsOf(t: GrafanaTarget): Signal[] {
  const ast = t.parse.ast;
  return ast ? astSignals(ast) : lexicalSignals(t.expr);
}

function astSignals(root: PromNode): Signal[] {
  const out: Signal[] = [];
  const nodes = nodesOf(root);
  for (const n of nodes) {
    if (n.type === 'call' && RATE_FUNCTIONS.has(n.func) && n.args.some((a) => selectorsOf(a).some(isRequestCounter))) {
      out.push('rate');
    }
    if (n.type === 'call' && n.func === 'histogram_quantile') out.push('duration');
  }
  for (const s of selectorsOf(root)) {
    if (s.name !== undefined && ERROR_METRIC.test(s.name)) out.push('errors');
    if (s.matchers.some(selectsServerErrors)) out.push('errors');
    if (s.matchers.some((m) => m.label.name === 'quantile')) out.push('duration');
  }
  return out;
}

/** A request counter (`*_total`, a histogram's `*_count`), not the `_bucket`/`_sum` series of a latency histogram. */
function isRequestCounter(s: SelectorNode): boolean {
  return s.name !== undefined && REQUEST_METRIC.test(s.name) && !/_(bucket|sum)$/.test(s.name);
}

function selectsServerErrors(m: Matcher): boolean {
  const label = m.label.name.toLowerCase();
  if (OUTCOME_LABELS.has(label)) return true;
  if (!STATUS_LABELS.has(label)) return false;
  if (m.op === '=') return m.value.startsWith('5');
  if (m.op === '!=') return false;
  const regex = compileMatcherRegex(m.value).regex;
  if (!regex) return false;
  const matches5xx = regex.test('500') || regex.test('503') || regex.test('5xx');
  return m.op === '=~' ? matches5xx : !matches5xx && regex.test('200');
}

function lexicalSignals(expr: string): Signal[] {
  const out: Signal[] = [];
  if (/\b(rate|irate|increase)\s*\(/.test(expr) && REQUEST_METRIC.test(expr)) out.push('rate');
  if (/\b(code|status\w*|response_code)\s*=~?\s*["'`]5|error|fail|outcome|success/i.test(expr)) out.push('errors');
  if (/histogram_quantile\s*\(|quantile\s*=/.test(expr)) out.push('duration');
  return out;
}
