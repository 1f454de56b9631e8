import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './HLM003-values-hardening.js';

const chart = 'apiVersion: v2\nname: api\nversion: 0.1.0\n';
const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      securityContext: {{- toYaml .Values.podSecurityContext | nindent 8 }}\n';

ruleTester(rule, {
  valid: [
    {
      name: 'non-root security context and resources in values.yaml',
      files: {
        'api/Chart.yaml': chart,
        'api/values.yaml':
          'podSecurityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n',
        'api/templates/deployment.yaml': deployment,
      },
    },
    {
      name: 'hardening written in the template itself; a chart without workloads',
      files: {
        'api/Chart.yaml': chart,
        'api/values.yaml': 'replicaCount: 1\n',
        'api/templates/deployment.yaml':
          'kind: Deployment\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: api\n          resources:\n            limits:\n              memory: 256Mi\n',
        'config/Chart.yaml': 'apiVersion: v2\nname: config\nversion: 0.1.0\n',
        'config/values.yaml': 'data: {}\n',
        'config/templates/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
      },
    },
  ],
  invalid: [
    {
      name: 'helm create defaults: empty securityContext and resources',
      files: {
        'api/Chart.yaml': chart,
        'api/values.yaml':
          'replicaCount: 1\npodSecurityContext: {}\nsecurityContext: {}\n  # runAsNonRoot: true\nresources: {}\n',
        'api/templates/deployment.yaml': deployment,
      },
      errors: [
        {
          file: 'api/values.yaml',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 19,
          message: 'values.yaml defines no non-root security context (`runAsNonRoot: true`).',
        },
        {
          file: 'api/values.yaml',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 10,
          message: 'values.yaml defines no `resources` requests or limits for the workload.',
        },
      ],
    },
    {
      name: 'runAsNonRoot false, nothing about resources at all',
      files: {
        'api/Chart.yaml': chart,
        'api/values.yaml': 'image:\n  repository: api\nsecurityContext:\n  runAsNonRoot: false\n',
        'api/templates/deployment.yaml': deployment,
      },
      errors: [
        {
          file: 'api/values.yaml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          message: 'values.yaml defines no `resources` requests or limits for the workload.',
        },
        {
          file: 'api/values.yaml',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 22,
          message: 'values.yaml sets `runAsNonRoot: false`: the workload may run as root.',
        },
      ],
    },
  ],
});
