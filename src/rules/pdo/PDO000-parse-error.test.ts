import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PDO000-parse-error.js';

ruleTester(rule, {
  valid: [
    { name: 'well-formed compose file', files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'JSON with comments that is not a DevOps artifact', files: { 'tsconfig.json': '{ // c\n "a": 1 }\n' } },
    {
      name: 'helm template is not YAML and is not parsed',
      files: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
        'chart/templates/d.yaml': '{{- if .Values.x }}\nkind: [\n{{- end }}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'unclosed flow sequence in a k8s manifest',
      files: { 'deploy.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a, b\n' },
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 1, message: /Flow sequence/ }],
    },
    {
      name: 'bad indentation in a workflow',
      files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n   steps: []\n' },
      errors: [
        { line: 5, column: 1, endLine: 5, endColumn: 2, message: 'All mapping items must start at the same column' },
      ],
    },
    {
      name: 'trailing comma in a Grafana dashboard',
      files: { 'dash.json': '{\n  "title": "x",\n  "panels": [],\n}\n' },
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 2, message: 'JSON parse error: PropertyNameExpected' }],
    },
  ],
});
