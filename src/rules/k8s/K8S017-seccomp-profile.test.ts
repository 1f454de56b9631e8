import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S017-seccomp-profile.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'pod-level RuntimeDefault, container-level Localhost',
      files: {
        'pod.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  securityContext: {seccompProfile: {type: RuntimeDefault}}',
          '  containers:',
          '    - {name: app, image: app:1}',
          '    - name: side',
          '      image: side:1',
          '      securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'Unconfined at the pod (once) and at a container; missing everywhere',
      files: {
        'pods.yaml': lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: a}',
          'spec:',
          '  securityContext: {seccompProfile: {type: Unconfined}}',
          '  containers:',
          '    - {name: one, image: app:1}',
          '    - {name: two, image: app:1}',
          '---',
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: b}',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: app:1',
          '    - name: debug',
          '      image: app:1',
          '      securityContext: {seccompProfile: {type: Unconfined}}',
        ),
      },
      errors: [
        {
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 54,
          message: 'The pod of Pod "a" uses the Unconfined seccomp profile.',
        },
        {
          line: 15,
          column: 13,
          endLine: 15,
          endColumn: 16,
          message:
            'The container "app" of Pod "b" has no seccomp profile (neither it nor the pod sets seccompProfile).',
        },
        {
          line: 19,
          column: 48,
          endLine: 19,
          endColumn: 58,
          message: 'The container "debug" of Pod "b" uses the Unconfined seccomp profile.',
        },
      ],
    },
  ],
});
