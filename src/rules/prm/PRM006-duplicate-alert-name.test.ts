import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM006-duplicate-alert-name.js';

const rules = (...body: string[]) => `groups:\n  - name: api\n    rules:\n${body.join('')}`;
const alert = (name: string, expr: string, severity: string) =>
  `      - alert: ${name}\n        expr: ${expr}\n        labels:\n          severity: ${severity}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'same name, tiered by severity with different thresholds',
      files: {
        'alerts.yml': rules(
          alert('HighErrorRate', 'job:errors:ratio5m > 0.01', 'warning'),
          alert('HighErrorRate', 'job:errors:ratio5m > 0.05', 'critical'),
        ),
      },
    },
    {
      name: 'the same alert in two files, written with different whitespace',
      files: {
        'a.yml': rules(alert('ApiDown', 'up{job="api"} == 0', 'critical')),
        'b.yml': rules(alert('ApiDown', 'up{ job="api" }  ==  0', 'critical')),
      },
    },
  ],
  invalid: [
    {
      name: 'same name and severity, different expressions, within and across files',
      files: {
        'a.yml': rules(
          alert('ApiDown', 'up{job="api"} == 0', 'critical'),
          alert('ApiDown', 'absent(up{job="api"})', 'critical'),
        ),
        'b.yml': rules(alert('ApiDown', 'up{job="api-v2"} == 0', 'critical')),
      },
      errors: [
        {
          file: 'a.yml',
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 23,
          message: 'Alert `ApiDown` is also defined at line 4 with a different expression.',
        },
        {
          file: 'b.yml',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 23,
          message: 'Alert `ApiDown` is also defined at a.yml:4 with a different expression.',
        },
      ],
    },
  ],
});
