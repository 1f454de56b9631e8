// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP002-image-not-pinned.js';

ruleTester(rule, {
  valid: [
    { name: 'tagged image', files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    {
      name: 'digest and registry with port',
      files: {
        'compose.yaml':
          'services:\n  a:\n    image: redis@sha256:0123abcd\n  b:\n    image: registry.local:5000/team/api:2.1\n',
      },
    },
    {
      name: 'tag from a variable with a pinned default, or with no default',
      files: {
        'compose.yaml': 'services:\n  a:\n    image: postgres:${PG_TAG:-16.3}\n  b:\n    image: org/app:${TAG}\n',
      },
    },
    {
      name: 'image names the build output',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    image: org/api\n' },
    },
  ],
  invalid: [
    {
      name: 'no tag',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx\n' },
      errors: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 17,
          message: 'Service `web` uses image `nginx` with no tag (pulls `latest`).',
        },
      ],
    },
    {
      name: 'latest, also through a variable default, quoted',
      files: {
        'compose.yaml': 'services:\n  a:\n    image: "grafana/grafana:latest"\n  b:\n    image: redis:${TAG:-latest}\n',
      },
      errors: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 36,
          message: 'Service `a` uses the moving tag `latest` (`grafana/grafana:latest`).',
        },
        {
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 32,
          message: 'Service `b` uses the moving tag `latest` (`redis:latest`).',
        },
      ],
    },
    {
      name: 'an override pinning the image does not hide the unpinned base',
      files: {
        'docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    image: nginx:1.27\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 3, column: 12, endLine: 3, endColumn: 17 }],
    },
  ],
});
