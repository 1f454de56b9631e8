// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP009-datastore-port-exposed.js';

ruleTester(rule, {
  valid: [
    {
      name: 'loopback-bound and unpublished datastores',
      files: {
        'compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5432:5432"]\n  cache:\n    image: redis:7\n    expose: ["6379"]\n  es:\n    image: elasticsearch:8.14.0\n    ports:\n      - target: 9200\n        published: 9200\n        host_ip: 127.0.0.1\n',
      },
    },
    {
      name: 'an app and a datastore UI may publish',
      files: {
        'compose.yaml':
          'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n  ui:\n    image: redis-commander:0.8\n    ports: ["8081:8081"]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'postgres on all interfaces',
      files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n' },
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
          message: 'Datastore `db` (postgres:16) publishes port 5432 on all interfaces.',
        },
      ],
    },
    {
      name: 'explicit 0.0.0.0, ephemeral port, long syntax, image from a variable default',
      files: {
        'compose.yaml':
          'services:\n  cache:\n    image: ${REDIS_IMAGE:-bitnami/redis:7.2}\n    ports:\n      - 0.0.0.0:6379:6379\n      - "6380"\n      - target: 6379\n        published: "16379"\n',
      },
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 26,
          message: 'Datastore `cache` (bitnami/redis:7.2) publishes port 6379 on all interfaces.',
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          message:
            'Datastore `cache` (bitnami/redis:7.2) publishes container port 6380 on a random host port on all interfaces.',
        },
        { line: 7, column: 9, endLine: 8, endColumn: 27, message: /publishes port 16379 on all interfaces/ },
      ],
    },
    {
      name: 'port added by the prod override',
      files: {
        'docker-compose.yml': 'services:\n  mongo:\n    image: mongo:7\n',
        'docker-compose.prod.yml': 'services:\n  mongo:\n    ports: [27017:27017]\n',
      },
      errors: [{ file: 'docker-compose.prod.yml', line: 3, column: 13, endLine: 3, endColumn: 24 }],
    },
  ],
});
