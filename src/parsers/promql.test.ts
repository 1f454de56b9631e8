import { describe, expect, it } from 'vitest';
import { durationMs, parsePromQL } from './promql.js';
import { type PromNode, selectorsOf, walkPromQL } from './promql-ast.js';
import { compileMatcherRegex, decodeString } from './promql-lex.js';

/** The first error as `from-to message`, or 'ok'. */
function firstError(expr: string): string {
  const e = parsePromQL(expr).errors[0];
  return e ? `${e.from}-${e.to} ${e.message}` : 'ok';
}

describe('parsePromQL: valid expressions', () => {
  it.each([
    'up',
    'sum',
    'sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
    'a / on (instance) group_left (node) b',
    'rate(x[5m] offset -1h @ 1700000000)',
    'max_over_time(rate(x[5m])[30m:1m])',
    'x @ start()',
    '1 > bool 2',
    '(up == 0) and on (job) (up offset 1h == 1) unless maintenance',
    'x{a=\'single\', b=`raw\\d`, c="esc\\"aped"}',
    'day_of_week()',
    'label_join(up, "id", "-", "job", "instance", "pod")',
    'x > 0x1F or x < 1e-3 or x != -Inf',
    'sum by (a,) (x)',
    '{__name__=~"http_.+"}',
    'x # trailing comment',
  ])('%s', (expr) => {
    expect(parsePromQL(expr).errors).toEqual([]);
  });
});

describe('parsePromQL: errors at exact offsets, with Prometheus wording', () => {
  it.each([
    ['sum(rate(x[5m])', '3-4 unclosed left parenthesis'],
    ['x{a="b"', '1-2 unclosed left brace'],
    ['x + ', '2-3 unexpected end of expression'],
    ['on', '0-2 unexpected "on"'],
    ['rate_per_second(x[5m])', '0-15 unknown function "rate_per_second"'],
    [
      'holt_winters(x[5m], 0.5, 0.5)',
      '0-12 unknown function "holt_winters" (renamed double_exponential_smoothing in Prometheus 3)',
    ],
    ['x{a="b}', '4-5 unterminated quoted string'],
    ['x{a="\\d"}', '5-7 unknown escape sequence "\\d"'],
    ["x{a='\\\"'}", '5-7 unknown escape sequence "\\""'],
    ['rate(x)', '5-6 expected type range vector in call to function "rate", got instant vector'],
    ['sum(x[5m])', '4-9 expected type instant vector in aggregation expression, got range vector'],
    ['topk(x)', '0-7 wrong number of arguments for aggregate expression provided, expected 2, got 1'],
    ['count_values(1, x)', '13-14 expected type string in aggregation parameter, got scalar'],
    ['absent(a, b)', '0-12 expected 1 argument(s) in call to "absent", got 2'],
    ['round()', '0-7 expected at least 1 argument(s) in call to "round", got 0'],
    ['round(x, 1, 2)', '0-14 expected at most 2 argument(s) in call to "round", got 3'],
    ['1 > 2', '2-3 comparisons between scalars must use BOOL modifier'],
    ['x + bool y', '2-3 bool modifier can only be used on comparison operators'],
    ['x and 1', '2-5 set operator "and" not allowed in binary scalar expression'],
    ['x and on (a) group_left y', '2-5 no grouping allowed for "and" operation'],
    ['x + on (a) 1', '2-3 vector matching only allowed between instant vectors'],
    ['x * on (a) group_left (a) y', '23-24 label "a" must not occur in ON and GROUP clause at once'],
    ['x[5m] + 1', '0-5 binary expression must contain only scalar and instant vector types'],
    ['rate((x)[5m])', '5-8 ranges only allowed for vector selectors'],
    ['x[5m][30m:1m]', '0-5 subquery is only allowed on instant vector, got range vector'],
    [
      'sum(x) offset 5m',
      '0-6 offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
    ],
    ['x offset 5m offset 1m', '0-11 offset may not be set multiple times'],
    ['rate(x[0s])', '7-9 duration must be greater than 0'],
    ['x[5m5m]', '4-6 unexpected "5m"'],
    ['{job=~".*"}', '0-11 vector selector must contain at least one non-empty matcher'],
    ['{job=""}', '0-8 vector selector must contain at least one non-empty matcher'],
    ['x{__name__="y"}', '0-15 metric name must not be set twice: "x" or "y"'],
    ['x{a=~"(v1"}', '5-10 error parsing regexp: Unterminated group'],
    ['x{a=~"(?=v1)"}', '5-13 error parsing regexp: lookaround assertions are not supported by RE2'],
    ['', '0-0 empty expression'],
  ])('%s → %s', (expr, expected) => {
    expect(firstError(expr)).toBe(expected);
  });

  it('does not parse megabyte expressions', () => {
    expect(firstError(`x${' + x'.repeat(30_000)}`)).toBe('0-1 expression is too long to parse');
  });
});

describe('the AST', () => {
  it('keeps operators, grouping labels and matchers with their offsets', () => {
    const expr = 'sum by (user_id) (rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(x[1h]))';
    const ast = parsePromQL(expr).ast as PromNode;
    expect(ast.type).toBe('binary');
    if (ast.type !== 'binary') return;
    expect(ast.op).toBe('/');
    expect(expr.slice(ast.opSpan.from, ast.opSpan.to)).toBe('/');
    const lhs = ast.lhs;
    expect(lhs.type === 'aggregate' && lhs.grouping).toEqual({
      without: false,
      labels: [{ name: 'user_id', from: 8, to: 15 }],
    });
    const [selector] = selectorsOf(ast);
    expect(selector?.name).toBe('http_requests_total');
    expect(selector?.matchers.map((m) => [m.label.name, m.op, m.value])).toEqual([['code', '=~', '5..']]);
    const ranges: (number | undefined)[] = [];
    walkPromQL(ast, (n) => {
      if (n.type === 'matrix') ranges.push(n.range.ms);
    });
    expect(ranges).toEqual([300_000, 3_600_000]);
  });

  it('reads numbers in every notation', () => {
    const values = ['0x10', '1e3', '-Inf', '.5'].map((t) => {
      const ast = parsePromQL(t).ast;
      return ast?.type === 'number' ? ast.value : undefined;
    });
    expect(values).toEqual([16, 1000, Number.NEGATIVE_INFINITY, 0.5]);
  });
});

describe('lexical helpers', () => {
  it('decodes strings like Go', () => {
    expect(decodeString('"a\\tb\\x41\\u00e9\\101"')).toEqual({ value: 'a\tbAéA' });
    expect(decodeString("'it\\'s'")).toEqual({ value: "it's" });
    expect(decodeString('`raw\\d`')).toEqual({ value: 'raw\\d' });
  });

  it('compiles RE2 matchers anchored, translating RE2-only syntax', () => {
    expect(compileMatcherRegex('(?i)api').regex?.test('API')).toBe(true);
    expect(compileMatcherRegex('[[:digit:]]+').regex?.test('123')).toBe(true);
    expect(compileMatcherRegex('5..').regex?.test('1500')).toBe(false);
    expect(compileMatcherRegex('a\\1').error).toBe('backreferences are not supported by RE2');
  });

  it('reads Prometheus durations', () => {
    expect(['1h30m', '90s', '1w', '500ms', '5m5m', '', '5x'].map(durationMs)).toEqual([
      5_400_000,
      90_000,
      604_800_000,
      500,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
