import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM003-alert-severity-label.js';

const head = 'groups:\n  - name: api\n    rules:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'allowed severities, templated severity, recording rule without labels',
      files: {
        'alerts.yml': `${head}      - alert: A\n        expr: up == 0\n        labels:\n          severity: critical\n      - alert: B\n        expr: up == 0\n        labels:\n          severity: "{{ $labels.tier }}"\n      - record: job:up:sum\n        expr: sum by (job) (up)\n`,
      },
    },
    {
      name: 'a configured set of severities',
      config: { alerts: { severities: ['page', 'ticket'] } },
      files: {
        'alerts.yml': `${head}      - alert: A\n        expr: up == 0\n        labels:\n          severity: page\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'missing, empty and unknown severity',
      files: {
        'alerts.yml': `${head}      - alert: NoLabels\n        expr: up == 0\n      - alert: Empty\n        expr: up == 0\n        labels:\n          severity: ""\n      - alert: Paging\n        expr: up == 0\n        labels:\n          team: sre\n          severity: page\n`,
      },
      errors: [
        {
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 24,
          message: 'Alert `NoLabels` has no `severity` label (allowed: critical, warning, info).',
        },
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 19,
          message: 'Alert `Empty` has no `severity` label (allowed: critical, warning, info).',
        },
        {
          line: 14,
          column: 21,
          endLine: 14,
          endColumn: 25,
          message: 'Alert `Paging` has severity `page`, which is not one of critical, warning, info.',
        },
      ],
    },
    {
      name: 'a value outside the configured set',
      config: { alerts: { severities: ['page', 'ticket'] } },
      files: {
        'alerts.yml': `${head}      - alert: A\n        expr: up == 0\n        labels:\n          severity: critical\n`,
      },
      errors: [{ line: 7, column: 21, endLine: 7, endColumn: 29, message: /not one of page, ticket/ }],
    },
  ],
});
