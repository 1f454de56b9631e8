import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM011-no-slo-before-alerting.js';

const alerts = (name: string, expr: string) =>
  `groups:\n  - name: api\n    rules:\n      - alert: ${name}\n        expr: ${expr}\n        for: 5m\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a burn-rate alert on SLO recording rules',
      files: {
        'slo.yml':
          'groups:\n  - name: slo\n    rules:\n      - record: slo:sli_error:ratio_rate5m\n        expr: sum(rate(errors_total[5m])) / (sum(rate(requests_total[5m])) > 0)\n      - alert: ErrorBudgetBurn\n        expr: slo:sli_error:ratio_rate5m > (14.4 * 0.001)\n',
      },
    },
    {
      name: 'a Sloth spec defines the SLO',
      files: {
        'alerts.yml': alerts('ApiDown', 'up{job="api"} == 0'),
        'slos/api.yaml':
          'version: "prometheus/v1"\nservice: api\nslos:\n  - name: requests-availability\n    objective: 99.9\n',
      },
    },
    {
      name: 'a Pyrra ServiceLevelObjective',
      files: {
        'alerts.yml': alerts('ApiDown', 'up{job="api"} == 0'),
        'k8s/slo.yaml':
          'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: api\nspec:\n  target: "99.9"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'threshold alerts only',
      files: {
        'alerts.yml': alerts('HighErrorRate', 'job:errors:ratio5m > 0.05'),
        'more.yml': alerts('ApiDown', 'up{job="api"} == 0'),
      },
      errors: [
        {
          file: 'alerts.yml',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 29,
          message: 'Alert rules exist but no SLO is defined and no alert watches an error-budget burn rate.',
        },
      ],
    },
  ],
});
