import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM010-unbounded-cardinality-label.js';

const head = 'groups:\n  - name: api\n    rules:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'bounded labels; `without (user_id)` drops the label',
      files: {
        'rules.yml': `${head}      - record: route:requests:rate5m\n        expr: sum by (route, code) (rate(http_requests_total[5m]))\n      - record: job:requests:rate5m\n        expr: sum without (user_id, instance) (rate(http_requests_total[5m]))\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'grouping by user and trace IDs, matching on a session, and a rule label',
      files: {
        'rules.yml': `${head}      - record: user:requests:rate5m\n        expr: sum by (user_id, trace_id) (rate(http_requests_total[5m]))\n      - alert: SessionErrors\n        expr: errors * on (session_id) group_left sessions > 0\n        labels:\n          email: ops@example.com\n`,
      },
      errors: [
        {
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 30,
          message: 'Rule `user:requests:rate5m` keeps the unbounded label `user_id`: one series per value.',
        },
        { line: 5, column: 32, endLine: 5, endColumn: 40, message: /unbounded label `trace_id`/ },
        { line: 7, column: 28, endLine: 7, endColumn: 38, message: /unbounded label `session_id`/ },
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 16,
          message: 'Rule `SessionErrors` sets the unbounded label `email`.',
        },
      ],
    },
  ],
});
