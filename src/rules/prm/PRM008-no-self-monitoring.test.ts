import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM008-no-self-monitoring.js';

const alert = (name: string, expr: string) =>
  `groups:\n  - name: g\n    rules:\n      - alert: ${name}\n        expr: ${expr}\n        for: 5m\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a TargetDown alert in another file',
      files: {
        'api.yml': alert('HighErrors', 'job:errors:ratio5m > 0.05'),
        'self.yml': alert('TargetDown', 'up == 0'),
      },
    },
    {
      name: 'an aggregation of up compared to zero counts',
      files: { 'alerts.yml': alert('ApiGone', 'sum by (job) (up{job="api"}) == 0') },
    },
    {
      name: 'absent(up{…}) counts',
      files: { 'alerts.yml': alert('ApiMetricsGone', 'absent(up{job="api"})') },
    },
    {
      name: 'only recording rules: nothing to alert on yet',
      files: {
        'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n',
      },
    },
  ],
  invalid: [
    {
      name: 'alerts, none on targets going down: reported on the first alert',
      files: {
        'monitoring/api.yml': alert('HighErrors', 'job:errors:ratio5m > 0.05'),
        'monitoring/db.yml': alert('ReplicationLag', 'pg_replication_lag_seconds > 30'),
      },
      errors: [
        {
          file: 'monitoring/api.yml',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          message:
            'No alert watches scrape targets going down (`up == 0` or `absent(up{…})`) in the 2 alert(s) of this repository.',
        },
      ],
    },
  ],
});
