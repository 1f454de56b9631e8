// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Grafana `${var}` variables, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GRF001-dashboard-missing-red.js';

/** A dashboard whose panels each hold one PromQL target. */
function dashboard(title: string, exprs: string[], wrapped = false): string {
  const panels = exprs
    .map(
      (e, i) =>
        `    {\n      "type": "timeseries",\n      "title": "P${i}",\n      "targets": [{ "expr": ${JSON.stringify(e)} }]\n    }`,
    )
    .join(',\n');
  const body = `{\n  "title": "${title}",\n  "uid": "x",\n  "schemaVersion": 39,\n  "panels": [\n${panels}\n  ]\n}`;
  return wrapped ? `{"dashboard": ${body}}` : body;
}

ruleTester(rule, {
  valid: [
    {
      name: 'rate, 5xx ratio and p99 latency, with Grafana variables',
      files: {
        'dashboards/api.json': dashboard('Shop API', [
          'sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))',
          'sum(rate(http_requests_total{job=~"$job", code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))',
          'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=~"${job}"}[$__rate_interval])))',
        ]),
      },
    },
    {
      name: 'not a service dashboard (no request metrics)',
      files: {
        'dashboards/node.json': dashboard('Nodes', ['1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m]))']),
      },
    },
    {
      name: 'errors from an outcome label and latency from a summary quantile',
      files: {
        'dashboards/jvm.json': dashboard('Orders', [
          'sum(rate(http_server_requests_seconds_count[5m]))',
          'sum(rate(http_server_requests_seconds_count{outcome="SERVER_ERROR"}[5m]))',
          'http_server_requests_seconds{quantile="0.99"}',
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'requests only: no error ratio, no latency',
      files: {
        'dashboards/api.json': dashboard('Shop API', ['sum(rate(http_requests_total{job="api"}[$__rate_interval]))']),
      },
      errors: [
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 22,
          message:
            'Dashboard `Shop API` graphs request metrics but has no panel for error ratio, latency quantile (RED).',
        },
      ],
    },
    {
      name: 'a wrapped provisioning export with requests and latency but no errors',
      files: {
        'dashboards/api.json': dashboard(
          'Shop API',
          [
            'sum by (route) (rate(http_requests_total[5m]))',
            'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
          ],
          true,
        ),
      },
      errors: [{ line: 2, column: 12, endLine: 2, endColumn: 22, message: /has no panel for error ratio \(RED\)/ }],
    },
    {
      name: 'a latency-only dashboard: the rate of histogram buckets is not a request rate',
      files: {
        'dashboards/latency.json': dashboard('Latency', [
          'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
        ]),
      },
      errors: [
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 21,
          message: /has no panel for request rate, error ratio \(RED\)/,
        },
      ],
    },
  ],
});
