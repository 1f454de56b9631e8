import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S009-literal-secret-env.js';

const pod = (...env: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      image: app:1\n      env:\n${env.map((l) => `        ${l}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'secretKeyRef, references, flags and non-secret names',
      files: {
        'pod.yaml': pod(
          '- name: DB_PASSWORD',
          '  valueFrom: {secretKeyRef: {name: db, key: password}}',
          '- {name: API_TOKEN, value: "$(TOKEN_FROM_FILE)"}',
          '- {name: PASSWORD_FILE, value: /run/secrets/db}',
          '- {name: DB_SECRET_NAME, value: db-credentials}',
          '- {name: REDIS_PASSWORD, value: ""}',
          '- {name: AUTH_TOKEN_ENABLED, value: "true"}',
          '- {name: LOG_LEVEL, value: debug}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'literal secrets are reported redacted',
      files: {
        'pod.yaml': pod('- name: DB_PASSWORD', '  value: hunter2-but-longer', '- {name: stripeApiKey, value: "sk_12"}'),
      },
      errors: [
        {
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 36,
          severity: 'error',
          message: 'The container "app" of Pod "a" sets DB_PASSWORD to the literal "hunt****".',
        },
        {
          line: 11,
          column: 39,
          endLine: 11,
          endColumn: 46,
          message: 'The container "app" of Pod "a" sets stripeApiKey to the literal "****".',
        },
      ],
    },
  ],
});
