import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S008-capabilities.js';

const pod = (...securityContext: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      image: app:1\n${securityContext.map((l) => `      ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'drop ALL, add a harmless capability',
      files: { 'pod.yaml': pod('securityContext:', '  capabilities: {drop: [all], add: [NET_BIND_SERVICE]}') },
    },
  ],
  invalid: [
    {
      name: 'no capabilities at all',
      files: { 'pod.yaml': pod() },
      errors: [
        {
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 16,
          severity: 'warning',
          message: 'The container "app" of Pod "a" does not drop ALL capabilities.',
        },
      ],
    },
    {
      name: 'dangerous adds are errors; a partial drop is a warning on drop',
      files: {
        'pod.yaml': pod(
          'securityContext:',
          '  capabilities:',
          '    add: [CAP_SYS_ADMIN, NET_RAW]',
          '    drop: [NET_RAW]',
        ),
      },
      errors: [
        {
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 30,
          severity: 'error',
          message: 'The container "app" of Pod "a" adds the SYS_ADMIN capability.',
        },
        {
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 15,
          severity: 'warning',
          message: 'The container "app" of Pod "a" does not drop ALL capabilities.',
        },
      ],
    },
  ],
});
