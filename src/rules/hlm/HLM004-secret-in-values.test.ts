import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './HLM004-secret-in-values.js';

const chart = 'apiVersion: v2\nname: db\nversion: 0.1.0\n';

ruleTester(rule, {
  valid: [
    {
      name: 'existing secrets, empty values, placeholders and template references',
      files: {
        'db/Chart.yaml': chart,
        'db/values.yaml':
          'auth:\n  existingSecret: shop-db\n  password: ""\n  passwordSecretName: shop-db\n  rootPassword: changeme\n  token: "{{ .Values.global.token }}"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'literal passwords and an API key in values files (redacted in the message)',
      files: {
        'db/Chart.yaml': chart,
        'db/values.yaml': 'auth:\n  username: shop\n  password: Sup3rS3cretPw\n',
        'db/values-prod.yaml': 'smtp:\n  apiKey: 4f9c2a7e1b\n',
      },
      errors: [
        {
          file: 'db/values-prod.yaml',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 21,
          message: '`smtp.apiKey` holds a literal secret (4f9c****); reference an existing Secret instead.',
        },
        {
          file: 'db/values.yaml',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 26,
          message: '`auth.password` holds a literal secret (Sup3****); reference an existing Secret instead.',
        },
      ],
    },
  ],
});
