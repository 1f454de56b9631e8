import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S006-missing-resources.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'requests and limits; a limit alone implies the request',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: app:1',
          '      resources:',
          '        requests: {cpu: 100m, memory: 128Mi}',
          '        limits: {cpu: "1", memory: 256Mi}',
          '    - name: side',
          '      image: side:1',
          '      resources: {limits: {cpu: 50m, memory: 64Mi}}',
        ),
      },
    },
    {
      name: 'LimitRange defaults of the namespace count',
      files: {
        'limits.yaml': lines(
          'apiVersion: v1',
          'kind: LimitRange',
          'metadata: {name: defaults, namespace: shop}',
          'spec:',
          '  limits:',
          '    - type: Container',
          '      default: {cpu: 500m, memory: 256Mi}',
          '      defaultRequest: {cpu: 100m, memory: 128Mi}',
        ),
        'pod.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: shop}\nspec: {containers: [{name: app, image: app:1}]}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'one finding per container listing what is missing',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: app:1',
          '      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}',
          '  initContainers:',
          '    - name: init',
          '      image: app:1',
        ),
      },
      errors: [
        {
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 16,
          message: 'The container "app" of Pod "a" sets no limits.cpu.',
        },
        {
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 17,
          message:
            'The init container "init" of Pod "a" sets no requests.cpu, requests.memory, limits.cpu, limits.memory.',
        },
      ],
    },
    {
      name: 'a LimitRange in another namespace does not count',
      files: {
        'limits.yaml':
          'apiVersion: v1\nkind: LimitRange\nmetadata: {name: d, namespace: other}\nspec: {limits: [{default: {cpu: 1, memory: 1Gi}}]}\n',
        'pod.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: shop}\nspec: {containers: [{name: app, image: app:1}]}\n',
      },
      errors: [
        {
          file: 'pod.yaml',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 31,
          message: 'The container "app" of Pod "a" sets no requests.cpu, requests.memory, limits.cpu, limits.memory.',
        },
      ],
    },
  ],
});
