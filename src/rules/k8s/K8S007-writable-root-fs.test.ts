import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S007-writable-root-fs.js';

const pod = (securityContext: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      image: app:1\n      ${securityContext}\n`;

ruleTester(rule, {
  valid: [{ name: 'read-only root', files: { 'pod.yaml': pod('securityContext: {readOnlyRootFilesystem: true}') } }],
  invalid: [
    {
      name: 'unset',
      files: { 'pod.yaml': pod('securityContext: {runAsNonRoot: true}') },
      errors: [
        {
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 16,
          message: 'The container "app" of Pod "a" does not set readOnlyRootFilesystem: true.',
        },
      ],
    },
    {
      name: 'explicitly false',
      files: { 'pod.yaml': pod('securityContext: {readOnlyRootFilesystem: false}') },
      errors: [
        {
          line: 8,
          column: 49,
          endLine: 8,
          endColumn: 54,
          message: 'The container "app" of Pod "a" sets readOnlyRootFilesystem: false.',
        },
      ],
    },
  ],
});
