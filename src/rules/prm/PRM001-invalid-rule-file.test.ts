import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM001-invalid-rule-file.js';

const head = 'groups:\n  - name: api\n    rules:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'alert and recording rules in plain, quoted and block scalars',
      files: {
        'alerts.yml': `${head}      - record: job:http_requests:rate5m\n        expr: sum by (job) (rate(http_requests_total[5m]))\n      - alert: HighErrors\n        expr: |\n          sum(rate(http_requests_total{code=~"5.."}[5m]))\n            / (sum(rate(http_requests_total[5m])) > 0) > 0.05\n        for: 10m\n      - alert: Down\n        expr: "up{job=\\"api\\"} == 0"\n        keep_firing_for: 5m\n`,
      },
    },
    {
      name: 'a PrometheusRule resource (spec.groups)',
      files: {
        'k8s/rules.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: api\nspec:\n  groups:\n    - name: api\n      rules:\n        - alert: Down\n          expr: up == 0\n',
      },
    },
  ],
  invalid: [
    {
      name: 'syntax error in a one-line expression: the parenthesis left open',
      files: { 'alerts.yml': `${head}      - alert: HighErrorRate\n        expr: rate(http_requests_total[5m] > 1\n` },
      errors: [
        {
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 20,
          message: 'Invalid PromQL in alert `HighErrorRate`: unclosed left parenthesis.',
        },
      ],
    },
    {
      name: 'errors inside double-quoted, literal, folded and multi-line plain scalars',
      files: {
        'alerts.yml': `${head}      - alert: Quoted\n        expr: "sum(rate(x{code=~\\"5..\\"}[5m])) by (job) > bool"\n      - record: job:x:ratio\n        expr: |\n          sum by (job) (\n            rate(x[5m])\n          ) / on(job) group_left(job) y\n      - alert: Folded\n        expr: >-\n          sum(rate(x[5m]))\n          > 1 and on() foo_bar(y)\n      - alert: Plain\n        expr: sum(rate(x[5m]))\n          / rate(y)\n`,
      },
      errors: [
        { line: 5, column: 62, endLine: 5, endColumn: 63, message: /alert `Quoted`: unexpected end of expression/ },
        {
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 37,
          message: 'Invalid PromQL in record `job:x:ratio`: label "job" must not occur in ON and GROUP clause at once.',
        },
        {
          line: 14,
          column: 24,
          endLine: 14,
          endColumn: 31,
          message: 'Invalid PromQL in alert `Folded`: unknown function "foo_bar".',
        },
        {
          line: 17,
          column: 18,
          endLine: 17,
          endColumn: 19,
          message:
            'Invalid PromQL in alert `Plain`: expected type range vector in call to function "rate", got instant vector.',
        },
      ],
    },
    {
      name: 'structure: duplicate group, missing expr, both alert and record, bad duration, unknown field',
      files: {
        'rules.yml':
          'groups:\n  - name: api\n    rules:\n      - alert: NoExpr\n        for: 5m\n      - alert: Both\n        record: both:x\n        expr: up\n      - alert: BadFor\n        expr: up == 0\n        for: 5x\n        severity: critical\n  - name: api\n    rules: []\n',
      },
      errors: [
        { line: 4, column: 16, endLine: 4, endColumn: 22, message: "Field 'expr' must be set in rule." },
        { line: 7, column: 17, endLine: 7, endColumn: 23, message: "Only one of 'record' and 'alert' must be set." },
        {
          line: 11,
          column: 14,
          endLine: 11,
          endColumn: 16,
          message: '`for` is not a valid duration: "5x" (use e.g. 5m, 1h30m).',
        },
        { line: 12, column: 9, endLine: 12, endColumn: 17, message: /^Unknown field "severity"/ },
        {
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 14,
          message: 'Group name "api" is repeated in the same file (first at line 2).',
        },
      ],
    },
    {
      name: 'not groups[].rules[]',
      files: { 'alerts.yml': 'groups:\n  name: api\n  rules:\n    - alert: A\n      expr: up\n' },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 7, message: '`groups` must be a list of groups.' }],
    },
    {
      name: 'an invalid expression inside a PrometheusRule resource',
      files: {
        'k8s/rules.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: api\nspec:\n  groups:\n    - name: api\n      rules:\n        - alert: Down\n          expr: |-\n            absent(up{job="api"}, 1)\n',
      },
      errors: [
        {
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 37,
          message: 'Invalid PromQL in alert `Down`: expected 1 argument(s) in call to "absent", got 2.',
        },
      ],
    },
  ],
});
