import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP003-privileged.js';

ruleTester(rule, {
  valid: [
    { name: 'not privileged', files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    privileged: false\n' } },
    {
      name: 'an override turns it off',
      files: {
        'compose.yaml': 'services:\n  a:\n    image: x:1\n    privileged: true\n',
        'compose.override.yaml': 'services:\n  a:\n    privileged: false\n',
      },
    },
  ],
  invalid: [
    {
      name: 'privileged true',
      files: { 'docker-compose.yml': 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n' },
      errors: [
        {
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 21,
          message: "Service `dind` runs privileged (full access to the host's devices and kernel).",
        },
      ],
    },
    {
      name: 'set in the prod override is reported there',
      files: {
        'docker-compose.yml': 'services:\n  agent:\n    image: x:1\n',
        'docker-compose.prod.yml': 'services:\n  agent:\n    privileged: "true"\n',
      },
      errors: [{ file: 'docker-compose.prod.yml', line: 3, column: 17, endLine: 3, endColumn: 23 }],
    },
  ],
});
