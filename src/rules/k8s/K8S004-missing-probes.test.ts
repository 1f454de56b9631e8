import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S004-missing-probes.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'both probes; init containers and Jobs are not checked',
      files: {
        'deploy.yaml': lines(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: web}',
          'spec:',
          '  template:',
          '    spec:',
          '      initContainers: [{name: migrate, image: app:1}]',
          '      containers:',
          '        - name: app',
          '          image: app:1',
          '          livenessProbe: {httpGet: {path: /livez, port: 8080}}',
          '          readinessProbe: {exec: {command: [sh, -c, "pg_isready -h localhost"]}}',
          '---',
          'apiVersion: batch/v1',
          'kind: Job',
          'metadata: {name: once}',
          'spec: {template: {spec: {containers: [{name: run, image: app:1}]}}}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'missing probes, one finding per container',
      files: {
        'sts.yaml': lines(
          'apiVersion: apps/v1',
          'kind: StatefulSet',
          'metadata: {name: db}',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: db',
          '          image: postgres:16',
          '          readinessProbe: {tcpSocket: {port: 5432}}',
          '        - name: metrics',
          '          image: exporter:1',
        ),
      },
      errors: [
        {
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 19,
          message: 'The container "db" of StatefulSet "db" has no liveness probe.',
        },
        {
          line: 11,
          column: 17,
          endLine: 11,
          endColumn: 24,
          message: 'The container "metrics" of StatefulSet "db" has no liveness or readiness probe.',
        },
      ],
    },
    {
      name: 'exec probes that cannot fail',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: app:1',
          '      livenessProbe: {exec: {command: ["true"]}}',
          '      readinessProbe:',
          '        exec:',
          '          command: [/bin/sh, -c, exit 0]',
        ),
      },
      errors: [
        {
          line: 8,
          column: 39,
          endLine: 8,
          endColumn: 47,
          message: 'The liveness probe of the container "app" of Pod "a" always succeeds: it checks nothing.',
        },
        {
          line: 11,
          column: 20,
          endLine: 11,
          endColumn: 41,
          message: 'The readiness probe of the container "app" of Pod "a" always succeeds: it checks nothing.',
        },
      ],
    },
  ],
});
