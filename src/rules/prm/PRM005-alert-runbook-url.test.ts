import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM005-alert-runbook-url.js';

const head = 'groups:\n  - name: api\n    rules:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'runbook_url present',
      files: {
        'alerts.yml': `${head}      - alert: ApiDown\n        expr: up{job="api"} == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/api-down\n      - record: job:up:sum\n        expr: sum by (job) (up)\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'no runbook_url, and a runbook under another name',
      files: {
        'alerts.yml': `${head}      - alert: ApiDown\n        expr: up{job="api"} == 0\n      - alert: ApiSlow\n        expr: up{job="api"} == 0\n        annotations:\n          runbook: https://wiki.example.com/api\n`,
      },
      errors: [
        { line: 4, column: 16, endLine: 4, endColumn: 23, message: 'Alert `ApiDown` has no `runbook_url` annotation.' },
        { line: 6, column: 16, endLine: 6, endColumn: 23, message: 'Alert `ApiSlow` has no `runbook_url` annotation.' },
      ],
    },
  ],
});
