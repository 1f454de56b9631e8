import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP007-network-segmentation.js';

ruleTester(rule, {
  valid: [
    {
      name: 'proxy on frontend, app on both, datastore and monitoring on backend',
      files: {
        'compose.yaml': [
          'services:',
          '  proxy:',
          '    image: traefik:v3.1',
          '    ports: ["443:443"]',
          '    networks: [frontend]',
          '  api:',
          '    image: org/api:1',
          '    networks: [frontend, backend]',
          '  db:',
          '    image: postgres:16',
          '    networks: [backend]',
          '  prometheus:',
          '    image: prom/prometheus:v2.53.0',
          '    ports: ["127.0.0.1:9090:9090"]',
          '    networks: [backend]',
          'networks:',
          '  frontend: {}',
          '  backend: {internal: true}',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'two services, no public-facing one',
      files: { 'compose.yaml': 'services:\n  worker:\n    image: org/worker:1\n  redis:\n    image: redis:7\n' },
    },
  ],
  invalid: [
    {
      name: 'datastore on the default network with a published app (2 services)',
      files: {
        'docker-compose.yml':
          'services:\n  app:\n    image: org/app:1\n    ports: ["8080:8080"]\n  db:\n    image: mysql:8.4\n',
      },
      errors: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 5,
          message: 'Datastore `db` shares network `default` with public-facing service `app` (line 2).',
        },
      ],
    },
    {
      name: 'shared named network, proxy and monitoring, across an override',
      files: {
        'docker-compose.yml': [
          'services:',
          '  nginx:',
          '    image: nginx:1.27',
          '    networks: [net]',
          '  cache:',
          '    image: redis:7',
          '    networks: [net]',
          '  grafana:',
          '    image: grafana/grafana:11.1.0',
          '    networks: [net, internal]',
          'networks:',
          '  net: {}',
          '  internal: {}',
          '',
        ].join('\n'),
        'docker-compose.prod.yml': 'services:\n  admin-ui:\n    image: org/admin:1\n    networks: [internal]\n',
      },
      errors: [
        {
          file: 'docker-compose.yml',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
          message: 'Datastore `cache` shares network `net` with public-facing service `nginx` (line 2).',
        },
        {
          file: 'docker-compose.yml',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 10,
          message:
            'Monitoring service `grafana` shares network `internal` with frontend service `admin-ui` (docker-compose.prod.yml:2).',
        },
        {
          file: 'docker-compose.yml',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 10,
          message: 'Monitoring service `grafana` shares network `net` with frontend service `nginx` (line 2).',
        },
      ],
    },
    {
      name: 'three services with a datastore and no networks at all',
      files: {
        'compose.yaml':
          'services:\n  web:\n    image: org/web:1\n  worker:\n    image: org/worker:1\n  db:\n    image: postgres:16\n',
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
          message: '3 services, including datastore `db`, share the default network: no `networks:` are defined.',
        },
      ],
    },
  ],
});
