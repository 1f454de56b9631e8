import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP008-missing-hardening.js';

const HARDENED = '    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n';

ruleTester(rule, {
  valid: [
    { name: 'fully hardened', files: { 'compose.yaml': `services:\n  a:\n    image: x:1\n${HARDENED}` } },
    {
      name: 'hardening from an anchor and an override',
      files: {
        'docker-compose.yml':
          'x-hardened: &hardened\n  read_only: true\n  cap_drop: [all]\nservices:\n  a:\n    <<: *hardened\n    image: x:1\n',
        'docker-compose.override.yml': 'services:\n  a:\n    security_opt:\n      - no-new-privileges\n',
      },
    },
  ],
  invalid: [
    {
      name: 'nothing set, not a prod file: info',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' },
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          severity: 'info',
          message:
            'Service `web` is missing hardening: `read_only: true`, `cap_drop: [ALL]`, `security_opt: [no-new-privileges:true]`.',
        },
      ],
    },
    {
      name: 'prod project: warning, on the base file where the service is declared',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    image: org/api:1\n    read_only: false\n',
        'docker-compose.prod.yml':
          'services:\n  api:\n    cap_drop: [ALL]\n    security_opt: [apparmor:docker-default]\n',
      },
      errors: [
        {
          file: 'docker-compose.yml',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          severity: 'warning',
          message: 'Service `api` is missing hardening: `read_only: true`, `security_opt: [no-new-privileges:true]`.',
        },
      ],
    },
  ],
});
