import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP011-obsolete-version.js';

ruleTester(rule, {
  valid: [
    { name: 'no version key', files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n' } },
    {
      name: 'a service env var named version',
      files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    environment:\n      version: "2"\n' },
    },
  ],
  invalid: [
    {
      name: 'quoted version',
      files: { 'docker-compose.yml': 'version: "3.8"\nservices:\n  a:\n    image: x:1\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          message: 'The top-level `version:` ("3.8") is obsolete and ignored by Compose v2.',
        },
      ],
    },
    {
      name: 'after a comment, as a number',
      files: { 'compose.yaml': '# stack\nservices:\n  a:\n    image: x:1\nversion: 3\n' },
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 11, severity: 'info' }],
    },
  ],
});
