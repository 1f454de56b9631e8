import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP004-no-healthcheck.js';

ruleTester(rule, {
  valid: [
    {
      name: 'healthcheck in the service',
      files: {
        'compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 10s\n',
      },
    },
    {
      name: 'one-shot jobs: awaited to finish, migration command, tools profile',
      files: {
        'compose.yaml': [
          'services:',
          '  api:',
          '    image: org/api:1',
          '    healthcheck: {test: ["CMD", "true"]}',
          '    depends_on:',
          '      prepare:',
          '        condition: service_completed_successfully',
          '  prepare:',
          '    image: org/api:1',
          '  schema:',
          '    image: org/api:1',
          '    command: ["npm", "run", "migrate"]',
          '  shell:',
          '    image: org/toolbox:1',
          '    profiles: [tools]',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'HEALTHCHECK in the built Dockerfile, healthcheck in the override',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build: ./api\n  web:\n    image: nginx:1.27\n',
        'docker-compose.override.yml':
          'services:\n  web:\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n',
        'api/Dockerfile':
          'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no healthcheck',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n' },
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service `web` has no healthcheck.' }],
    },
    {
      name: 'disabled, and a Dockerfile with HEALTHCHECK NONE',
      files: {
        'compose.yaml':
          'services:\n  a:\n    image: x:1\n    healthcheck:\n      disable: true\n  b:\n    build:\n      context: b\n    restart: always\n',
        'b/Dockerfile': 'FROM alpine:3.20\nHEALTHCHECK NONE\n',
      },
      errors: [
        {
          file: 'compose.yaml',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 20,
          message: 'Service `a` disables its healthcheck.',
        },
        {
          file: 'compose.yaml',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 4,
          message: 'Service `b` has no healthcheck.',
        },
      ],
    },
    {
      name: 'a migration name with restart: always is long-running',
      files: { 'compose.yaml': 'services:\n  migrate-watcher:\n    image: x:1\n    restart: always\n' },
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 18, message: 'Service `migrate-watcher` has no healthcheck.' },
      ],
    },
  ],
});
