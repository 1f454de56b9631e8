import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PDO001-invalid-suppression.js';

ruleTester(rule, {
  valid: [
    { name: 'no suppressions', files: { Dockerfile: 'FROM node:20.11-alpine\n' } },
    {
      name: 'the marker inside a string is not a comment',
      files: { 'notes.txt': 'see "proagent-devops-ignore" in the docs\n' },
    },
  ],
  invalid: [
    {
      name: 'suppression of an unknown rule',
      files: { Dockerfile: 'FROM node:20.11-alpine\n# proagent-devops-ignore DKR999 -- old id\nUSER 10001\n' },
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 42, message: 'Suppression names unknown rule DKR999.' }],
    },
    {
      name: 'suppression without a reason',
      files: { 'k8s.yaml': 'apiVersion: v1\nkind: Pod\n# proagent-devops-ignore PDO000\nmetadata: { name: a }\n' },
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 32,
          message: 'Suppression for PDO000 gives no reason (write "-- why").',
        },
      ],
    },
    {
      name: 'a suppression that matches nothing (the rule does not fire there)',
      files: {
        'compose.yaml':
          'services:\n  web:\n    # proagent-devops-ignore-file PDO000 -- migrating\n    image: nginx:1.27\n',
      },
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 54,
          message: 'Suppression for PDO000 suppresses nothing (remove it).',
        },
      ],
    },
  ],
});
