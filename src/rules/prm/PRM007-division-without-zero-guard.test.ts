import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM007-division-without-zero-guard.js';

const alerts = (...exprs: string[]) =>
  `groups:\n  - name: api\n    rules:\n${exprs.map((e, i) => `      - alert: A${i}\n        expr: ${e}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'guarded denominators',
      files: {
        'alerts.yml': alerts(
          'sum(rate(errors_total[5m])) / (sum(rate(requests_total[5m])) > 0) > 0.05',
          'sum(rate(errors_total[5m])) / clamp_min(sum(rate(requests_total[5m])), 0.001) > 0.05',
          '(sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.05) and sum(rate(requests_total[5m])) > 1',
          'node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.1',
          'sum(rate(errors_total[5m])) / 60 > 1',
        ),
      },
    },
    {
      name: 'recording rules are not checked',
      files: {
        'rules.yml':
          'groups:\n  - name: api\n    rules:\n      - record: job:errors:ratio5m\n        expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a ratio of rates, a division by increase, and clamp_min with a zero floor',
      files: {
        'alerts.yml': alerts(
          'sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.05',
          'increase(failed_total[1h]) / increase(jobs_total[1h]) > 0.1',
          'sum(rate(errors_total[5m])) / clamp_min(sum(rate(requests_total[5m])), 0) > 0.05',
        ),
      },
      errors: [
        {
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 44,
          message:
            'Alert `A0` divides by `sum(rate(requests_total[5m]))` without a zero guard: with no traffic the ratio is NaN (never fires) or +Inf.',
        },
        {
          line: 7,
          column: 42,
          endLine: 7,
          endColumn: 43,
          message: /^Alert `A1` divides by `increase\(jobs_total\[1h\]\)`/,
        },
        { line: 9, column: 43, endLine: 9, endColumn: 44, message: /^Alert `A2` divides by `clamp_min/ },
      ],
    },
    {
      name: 'a division inside a block scalar',
      files: {
        'alerts.yml':
          'groups:\n  - name: api\n    rules:\n      - alert: ErrorRatio\n        expr: |\n          sum(rate(errors_total[5m]))\n            /\n          sum(rate(requests_total[5m])) > 0.05\n',
      },
      errors: [{ line: 7, column: 13, endLine: 7, endColumn: 14, message: /^Alert `ErrorRatio` divides by/ }],
    },
  ],
});
