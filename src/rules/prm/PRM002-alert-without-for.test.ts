import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM002-alert-without-for.js';

const head = 'groups:\n  - name: api\n    rules:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'alerts with a for: duration, and recording rules',
      files: {
        'alerts.yml': `${head}      - alert: HighLatency\n        expr: histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 1\n        for: 10m\n      - record: job:x:rate5m\n        expr: sum by (job) (rate(x_total[5m]))\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'no for:, and for: 0s',
      files: {
        'alerts.yml': `${head}      - alert: HighLatency\n        expr: histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 1\n      - alert: ApiDown\n        expr: up{job="api"} == 0\n        for: 0s\n`,
      },
      errors: [
        {
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 27,
          severity: 'warning',
          message:
            'Alert `HighLatency` has no `for:`: it fires on the first matching evaluation, so a single blip pages.',
        },
        {
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 16,
          severity: 'warning',
          message: 'Alert `ApiDown` has `for: 0s`: it fires on the first matching evaluation, so a single blip pages.',
        },
      ],
    },
    {
      // Pipeline-down alerts are never warnings: the catalog lowers them to info.
      name: 'dead-man switch, absent() and Prometheus down are info only',
      files: {
        'alerts.yml': `${head}      - alert: Watchdog\n        expr: vector(1)\n      - alert: ApiMetricsMissing\n        expr: absent(up{job="api"})\n      - alert: PrometheusTargetDown\n        expr: up{job="prometheus"} == 0\n`,
      },
      errors: [
        {
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 24,
          severity: 'info',
          message: /^Alert `Watchdog` watches the monitoring pipeline/,
        },
        {
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 33,
          severity: 'info',
          message: /^Alert `ApiMetricsMissing` watches/,
        },
        {
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 36,
          severity: 'info',
          message: /^Alert `PrometheusTargetDown` watches/,
        },
      ],
    },
  ],
});
