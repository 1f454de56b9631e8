import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM004-alert-summary-description.js';

const head = 'groups:\n  - name: api\n    rules:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'summary and description present; recording rules have no annotations',
      files: {
        'alerts.yml': `${head}      - alert: ApiDown\n        expr: up{job="api"} == 0\n        annotations:\n          summary: API target {{ $labels.instance }} is down\n          description: Prometheus cannot scrape it for 5m.\n      - record: job:up:sum\n        expr: sum by (job) (up)\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'no annotations at all, and an empty description',
      files: {
        'alerts.yml': `${head}      - alert: ApiDown\n        expr: up{job="api"} == 0\n      - alert: ApiSlow\n        expr: up{job="api"} == 0\n        annotations:\n          summary: API is slow\n          description: ""\n`,
      },
      errors: [
        {
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 23,
          message: 'Alert `ApiDown` has no `summary` or `description` annotation.',
        },
        { line: 6, column: 16, endLine: 6, endColumn: 23, message: 'Alert `ApiSlow` has no `description` annotation.' },
      ],
    },
  ],
});
