import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S010-host-access.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'host namespaces off, no hostPath',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  hostNetwork: false',
          '  volumes: [{name: tmp, emptyDir: {}}]',
          '  containers: [{name: app, image: app:1}]',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'host namespaces and hostPath volumes, error for critical paths',
      files: {
        'ds.yaml': lines(
          'apiVersion: apps/v1',
          'kind: DaemonSet',
          'metadata: {name: agent}',
          'spec:',
          '  template:',
          '    spec:',
          '      hostNetwork: true',
          '      hostPID: true',
          '      containers: [{name: agent, image: agent:1}]',
          '      volumes:',
          '        - name: docker',
          '          hostPath: {path: /var/run/docker.sock}',
          '        - name: logs',
          '          hostPath:',
          '            path: /var/log/',
        ),
      },
      errors: [
        {
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          severity: 'error',
          message: 'DaemonSet "agent" sets hostNetwork: true.',
        },
        {
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 20,
          severity: 'error',
          message: 'DaemonSet "agent" sets hostPID: true.',
        },
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 19,
          severity: 'error',
          message:
            'DaemonSet "agent" mounts the host path /var/run/docker.sock as volume "docker", which gives control of the node.',
        },
        {
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 19,
          severity: 'warning',
          message: 'DaemonSet "agent" mounts the host path /var/log as volume "logs".',
        },
      ],
    },
  ],
});
