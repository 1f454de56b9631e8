import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S005-probe-endpoint.js';

const pod = (...probes: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      image: app:1\n${probes.map((p) => `      ${p}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'distinct health endpoints',
      files: {
        'pod.yaml': pod(
          'livenessProbe: {httpGet: {path: /livez, port: 8080}}',
          'readinessProbe: {httpGet: {path: /readyz, port: 8080}}',
          'startupProbe: {httpGet: {path: /health/startup, port: 8080}}',
        ),
      },
    },
    {
      name: 'framework health routes',
      files: {
        'pod.yaml': pod(
          'livenessProbe: {httpGet: {path: /actuator/health/liveness, port: 8080}}',
          'readinessProbe: {httpGet: {path: /-/ready, port: 9090}}',
        ),
      },
    },
    { name: 'non-HTTP probes', files: { 'pod.yaml': pod('livenessProbe: {tcpSocket: {port: 80}}') } },
  ],
  invalid: [
    {
      name: 'business route and default path',
      files: {
        'pod.yaml': pod(
          'livenessProbe: {httpGet: {path: /api/orders, port: 8080}}',
          'readinessProbe: {httpGet: {port: 8080}}',
        ),
      },
      errors: [
        {
          line: 8,
          column: 39,
          endLine: 8,
          endColumn: 50,
          message: 'The liveness probe of the container "app" of Pod "a" requests /api/orders, not a health endpoint.',
        },
        {
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 31,
          message: 'The readiness probe of the container "app" of Pod "a" requests /, not a health endpoint.',
        },
      ],
    },
    {
      name: 'liveness and readiness share one endpoint',
      files: {
        'pod.yaml': pod(
          'livenessProbe: {httpGet: {path: /healthz, port: http}}',
          'readinessProbe: {httpGet: {path: /healthz, port: http}}',
        ),
      },
      errors: [
        {
          line: 8,
          column: 39,
          endLine: 8,
          endColumn: 47,
          message:
            'The liveness and readiness probes of the container "app" of Pod "a" both request /healthz on port http.',
        },
      ],
    },
  ],
});
