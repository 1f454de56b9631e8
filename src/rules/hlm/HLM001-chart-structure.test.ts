import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './HLM001-chart-structure.js';

const chart = 'apiVersion: v2\nname: shop-web\nversion: 1.2.0\nappVersion: "2.4.1"\n';
const template = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a complete chart',
      files: {
        'charts/web/Chart.yaml': chart,
        'charts/web/values.yaml': 'replicaCount: 2\n',
        'charts/web/templates/service.yaml': template,
      },
    },
    {
      name: 'a library chart without values and an umbrella chart without templates; lenient versions',
      files: {
        'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\ntype: library\nversion: v1.2\n',
        'charts/lib/templates/_helpers.tpl': '{{- define "lib.name" -}}lib{{- end }}\n',
        'charts/stack/Chart.yaml':
          'apiVersion: v2\nname: stack\nversion: 0.1.0-rc.1\ndependencies:\n  - name: web\n    version: 1.2.0\n    repository: file://../web\n',
        'charts/stack/values.yaml': 'web: {}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'Helm 2 apiVersion, no name, a version that is not semver, no values.yaml, no templates',
      files: { 'chart/Chart.yaml': 'apiVersion: v1\nversion: latest\n' },
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 11, message: 'Chart in `chart`: Chart.yaml has no `name`.' },
        { line: 1, column: 1, endLine: 1, endColumn: 11, message: 'Chart in `chart`: has no templates/ directory.' },
        { line: 1, column: 1, endLine: 1, endColumn: 11, message: 'Chart in `chart`: has no values.yaml.' },
        {
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 15,
          message: 'Chart in `chart`: `apiVersion: v1` is not v2 (Helm 3 charts).',
        },
        {
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 16,
          message: 'Chart in `chart`: version `latest` is not a SemVer version (e.g. 0.1.0).',
        },
      ],
    },
    {
      name: 'no apiVersion and no version, reported on the name',
      files: { 'web/Chart.yaml': 'name: web\n', 'web/values.yaml': '{}\n', 'web/templates/svc.yaml': template },
      errors: [
        {
          file: 'web/Chart.yaml',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 10,
          message: 'Chart `web`: Chart.yaml has no `apiVersion: v2`.',
        },
        {
          file: 'web/Chart.yaml',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 10,
          message: 'Chart `web`: Chart.yaml has no `version`.',
        },
      ],
    },
  ],
});
