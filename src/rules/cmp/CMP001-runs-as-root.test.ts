// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP001-runs-as-root.js';

ruleTester(rule, {
  valid: [
    {
      name: 'explicit non-root user, also from a variable',
      files: {
        'compose.yaml':
          'services:\n  a:\n    image: redis:7\n    user: "999:999"\n  b:\n    image: org/b:1\n    user: "${UID}:${GID}"\n',
      },
    },
    {
      name: 'builds a Dockerfile that ends as a non-root user',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build:\n      context: ./api\n',
        'api/Dockerfile': 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nUSER node\nCMD ["node", "index.js"]\n',
      },
    },
    {
      name: 'build target stage with USER, and a known non-root image',
      files: {
        'compose.yaml':
          'services:\n  api:\n    build: {context: ., dockerfile: Dockerfile, target: runtime}\n  grafana:\n    image: grafana/grafana:11.1.0\n  cache:\n    image: bitnami/redis:7.2\n',
        Dockerfile: 'FROM alpine:3.20 AS runtime\nUSER 10001\nFROM alpine:3.20 AS debug\n',
      },
    },
    {
      name: 'user set in the prod override',
      files: {
        'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    user: "101"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'user: root and user: 0:0',
      files: {
        'compose.yaml': 'services:\n  a:\n    image: x:1\n    user: root\n  b:\n    image: y:1\n    user: "0:0"\n',
      },
      errors: [
        {
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 15,
          severity: 'error',
          message: 'Service `a` runs as root (`user: root`).',
        },
        {
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 16,
          severity: 'error',
          message: 'Service `b` runs as root (`user: 0:0`).',
        },
      ],
    },
    {
      name: 'builds a Dockerfile with no USER (cross-file)',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    ports: ["8080:8080"]\n',
        'api/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      },
      errors: [
        {
          file: 'docker-compose.yml',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          severity: 'error',
          message: 'Service `api` sets no `user:` and its Dockerfile `api/Dockerfile` has no USER: it runs as root.',
        },
      ],
    },
    {
      name: 'Dockerfile switches back to root at the end',
      files: {
        'compose.yaml':
          'services:\n  worker:\n    build:\n      context: .\n      dockerfile: docker/worker.Dockerfile\n',
        'docker/worker.Dockerfile': 'FROM alpine:3.20\nUSER app\nRUN id\nUSER root\n',
      },
      errors: [
        {
          file: 'compose.yaml',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          message:
            'Service `worker` sets no `user:` and its Dockerfile `docker/worker.Dockerfile` ends with `USER root` (line 4): it runs as root.',
        },
      ],
    },
    {
      name: 'prebuilt image with no user, and a build whose Dockerfile is not in the review: warnings',
      files: {
        'compose.yaml':
          'services:\n  db:\n    image: postgres:16\n  tool:\n    build: https://github.com/org/tool.git#v1\n',
      },
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 5,
          severity: 'warning',
          message: 'Service `db` sets no `user:`: image `postgres:16` may run as root.',
        },
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 7,
          severity: 'warning',
          message: 'Service `tool` sets no `user:` and its Dockerfile is not in the review: it may run as root.',
        },
      ],
    },
  ],
});
