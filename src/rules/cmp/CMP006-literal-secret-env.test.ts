// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './CMP006-literal-secret-env.js';

ruleTester(rule, {
  valid: [
    {
      name: 'references, required variables, files and flags',
      files: {
        'compose.yaml': [
          'services:',
          '  db:',
          '    image: postgres:16',
          '    environment:',
          '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
          '      POSTGRES_PASSWORD_FILE: /run/secrets/db',
          '      API_TOKEN: ${API_TOKEN:?set API_TOKEN}',
          '      ALLOW_EMPTY_PASSWORD: "yes"',
          '      REDIS_PASSWORD:',
          '      SECRET_KEY: ""',
          '  app:',
          '    image: org/app:1',
          '    environment:',
          '      - DB_PASSWORD',
          '      - JWT_SECRET=$JWT_SECRET',
          '      - SESSION_SECRET=${SESSION_SECRET:-}',
          '      - LOG_LEVEL=debug',
          '    env_file: .env.example',
          '',
        ].join('\n'),
        '.env.example': 'LOG_LEVEL=info\nDB_PASSWORD=\nAPI_TOKEN=${API_TOKEN:?}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'literal in map form',
      files: {
        'docker-compose.yml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-Passw0rd\n',
      },
      errors: [
        {
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 41,
          message: 'Service `db` sets secret-like variable `POSTGRES_PASSWORD` to a literal value (`s3cr****`).',
        },
      ],
    },
    {
      name: 'literal default in list form (the catalog example)',
      files: {
        'compose.yaml':
          'services:\n  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=${P:-admin}\n      - "API_KEY=abcd1234efgh5678"\n',
      },
      errors: [
        {
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 47,
          message:
            'Service `grafana` gives secret-like variable `GF_SECURITY_ADMIN_PASSWORD` the literal default `****`.',
        },
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 34,
          message: 'Service `grafana` sets secret-like variable `API_KEY` to a literal value (`abcd****`).',
        },
      ],
    },
    {
      name: 'env_file contents, reported once in the env file',
      files: {
        'docker-compose.yml':
          'services:\n  api:\n    image: org/api:1\n    env_file: [./config/api.env]\n  worker:\n    image: org/worker:1\n    env_file: config/api.env\n',
        'config/api.env': `# api\nLOG_LEVEL=info\nexport STRIPE_SECRET_KEY="${['sk', 'live', '0123456789'].join('_')}"\nDB_PASSWORD=\${DB_PASSWORD:-hunter22}\n`,
      },
      errors: [
        {
          file: 'config/api.env',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 45,
          message:
            'Env file of service `api` sets secret-like variable `STRIPE_SECRET_KEY` to a literal value (`sk_l****`).',
        },
        {
          file: 'config/api.env',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 37,
          message: 'Env file of service `api` gives secret-like variable `DB_PASSWORD` the literal default `****`.',
        },
      ],
    },
  ],
});
