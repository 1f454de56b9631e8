import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S002-privileged.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'escalation disabled, not privileged',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: app:1',
          '      securityContext: {privileged: false, allowPrivilegeEscalation: false}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'privileged container (no repeated escalation warning)',
      files: {
        'ds.yaml': lines(
          'apiVersion: apps/v1',
          'kind: DaemonSet',
          'metadata: {name: agent}',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: agent',
          '          image: agent:1',
          '          securityContext:',
          '            privileged: true',
        ),
      },
      errors: [
        {
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 29,
          severity: 'error',
          message: 'The container "agent" of DaemonSet "agent" is privileged.',
        },
      ],
    },
    {
      name: 'escalation unset or true is a warning',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: app:1',
          '    - name: debug',
          '      image: busybox:1.36',
          '      securityContext: {allowPrivilegeEscalation: true}',
        ),
      },
      errors: [
        {
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 16,
          severity: 'warning',
          message: 'The container "app" of Pod "a" does not set allowPrivilegeEscalation: false (it defaults to true).',
        },
        {
          line: 10,
          column: 51,
          endLine: 10,
          endColumn: 55,
          severity: 'warning',
          message: 'The container "debug" of Pod "a" allows privilege escalation.',
        },
      ],
    },
  ],
});
