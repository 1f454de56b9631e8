import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S001-run-as-root.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'pod-level runAsNonRoot applies to every container',
      files: {
        'deploy.yaml': lines(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: web}',
          'spec:',
          '  template:',
          '    spec:',
          '      securityContext: {runAsNonRoot: true}',
          '      containers: [{name: app, image: app:1}]',
          '      initContainers: [{name: init, image: app:1}]',
        ),
      },
    },
    {
      name: 'non-zero runAsUser on the container or the pod',
      files: {
        'pods.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers: [{name: app, image: app:1, securityContext: {runAsUser: 1000}}]',
          '---',
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: b}',
          'spec:',
          '  securityContext: {runAsUser: 65534}',
          '  containers: [{name: app, image: app:1}]',
        ),
      },
    },
    {
      name: 'merge keys and anchors are followed',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers:',
          '    - &base {name: app, image: app:1, securityContext: {runAsNonRoot: true}}',
          '    - <<: *base',
          '      name: sidecar',
        ),
      },
    },
    {
      name: 'suppressed by the object annotation',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata:',
          '  name: legacy',
          '  annotations:',
          '    proagent-devops.io/ignore-K8S001: vendor image needs root until v3',
          'spec:',
          '  containers: [{name: app, image: vendor:2}]',
        ),
      },
    },
    {
      name: 'objects without pods',
      files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n' },
    },
  ],
  invalid: [
    {
      name: 'no security context at all, init container without a name',
      files: {
        'deploy.yaml': lines(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: app',
          '          image: app:1',
          '      initContainers:',
          '        - image: busybox:1.36',
        ),
      },
      errors: [
        {
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 20,
          message:
            'The container "app" of Deployment "web" may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser.',
        },
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 16,
          message:
            'The init container of Deployment "web" may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser.',
        },
      ],
    },
    {
      name: 'runAsUser: 0 on the pod and on a container, despite runAsNonRoot',
      files: {
        'job.yaml': lines(
          'apiVersion: batch/v1',
          'kind: CronJob',
          'metadata: {name: backup}',
          'spec:',
          '  jobTemplate:',
          '    spec:',
          '      template:',
          '        spec:',
          '          securityContext:',
          '            runAsUser: 0',
          '          containers:',
          '            - name: dump',
          '              image: pg:16',
          '              securityContext:',
          '                runAsNonRoot: true',
          '                runAsUser: 0',
        ),
      },
      errors: [
        {
          line: 10,
          column: 24,
          endLine: 10,
          endColumn: 25,
          message: 'The pod of CronJob "backup" sets runAsUser: 0 (root).',
        },
        {
          line: 16,
          column: 28,
          endLine: 16,
          endColumn: 29,
          message: 'The container "dump" of CronJob "backup" sets runAsUser: 0 (root).',
        },
      ],
    },
    {
      name: 'container runAsNonRoot: false overrides the pod, in a List and an Argo Rollout',
      files: {
        'list.yaml': lines(
          'apiVersion: v1',
          'kind: List',
          'items:',
          '  - apiVersion: argoproj.io/v1alpha1',
          '    kind: Rollout',
          '    metadata: {name: api}',
          '    spec:',
          '      template:',
          '        spec:',
          '          securityContext: {runAsNonRoot: true}',
          '          containers:',
          '            - name: api',
          '              image: api:1',
          '              securityContext: {runAsNonRoot: false}',
        ),
      },
      errors: [
        {
          line: 14,
          column: 47,
          endLine: 14,
          endColumn: 52,
          message:
            'The container "api" of Rollout "api" sets runAsNonRoot: false and no non-zero runAsUser: it may run as root.',
        },
      ],
    },
  ],
});
