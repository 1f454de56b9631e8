import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './KUS003-secret-generator-literals.js';

ruleTester(rule, {
  valid: [
    {
      name: 'generators from files that are not committed, and a configMapGenerator with literals',
      files: {
        'overlays/prod/kustomization.yaml':
          'configMapGenerator:\n  - name: shop-config\n    literals: [LOG_LEVEL=info]\nsecretGenerator:\n  - name: shop-db\n    envs: [db.env]\n    files: [tls.key]\n',
      },
    },
    {
      name: 'committed env file with placeholders only, and an empty literal',
      files: {
        'overlays/dev/kustomization.yaml':
          'secretGenerator:\n  - name: shop-db\n    envs: [db.env]\n    literals: ["EMPTY="]\n',
        'overlays/dev/db.env': 'DB_USER=shop\nDB_PASSWORD=changeme\n',
      },
    },
  ],
  invalid: [
    {
      name: 'literals and committed env/key files (values redacted)',
      files: {
        'overlays/prod/kustomization.yaml':
          'secretGenerator:\n  - name: shop-db\n    literals:\n      - DB_PASSWORD=Xk29vLq81mZ\n    envs:\n      - db.env\n    files:\n      - tls.key=certs/tls.key\n',
        'overlays/prod/db.env': 'DB_USER=shop\nDB_PASSWORD=Xk29vLq81mZ\n',
        'overlays/prod/certs/tls.key': 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n',
      },
      errors: [
        {
          file: 'overlays/prod/kustomization.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 32,
          message: 'secretGenerator `shop-db` sets `DB_PASSWORD` from a committed literal (Xk29****).',
        },
        {
          file: 'overlays/prod/kustomization.yaml',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          message:
            'secretGenerator `shop-db` reads `DB_PASSWORD` (Xk29****) from committed file `overlays/prod/db.env`.',
        },
        {
          file: 'overlays/prod/kustomization.yaml',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 30,
          message: 'secretGenerator `shop-db` reads a credential from committed file `overlays/prod/certs/tls.key`.',
        },
      ],
    },
  ],
});
