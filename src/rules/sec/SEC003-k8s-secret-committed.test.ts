import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './SEC003-k8s-secret-committed.js';

const HEAD = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n';

ruleTester(rule, {
  valid: [
    {
      name: 'SOPS-encrypted Secret',
      files: {
        'k8s/secret.enc.yaml': `${HEAD}stringData:\n  password: ENC[AES256_GCM,data:Zm9v,iv:aXY=,tag:dGFn,type:str]\nsops:\n  version: 3.8.1\n`,
      },
    },
    {
      name: 'empty and templated values, public certificates',
      files: {
        'k8s/secret.yaml': `${HEAD}type: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTg==\n  empty: ""\nstringData:\n  password: \${DB_PASSWORD}\n  token: "{{ .Values.token }}"\n`,
      },
    },
    {
      name: 'ExternalSecret and SealedSecret',
      files: {
        'k8s/es.yaml':
          'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  refreshInterval: 1h\n' +
          '---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK\n',
      },
    },
  ],
  invalid: [
    {
      name: 'stringData and base64 data (one finding per key, from the key to its value)',
      files: {
        'k8s/secret.yaml': `${HEAD}stringData:\n  username: app\n  password: hunter2hunter2\ndata:\n  api-key: ${Buffer.from('s3cr3t-api-key').toString('base64')}\n`,
      },
      errors: [
        {
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          message: 'Secret "db" commits a value for "username" in stringData.',
        },
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 27,
          message: 'Secret "db" commits a value for "password" in stringData.',
        },
        {
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 32,
          message: 'Secret "db" commits a value for "api-key" in data.',
        },
      ],
    },
    {
      name: 'a Secret inside a List, next to other objects',
      files: {
        'k8s/all.yaml':
          'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: registry\n' +
          '    type: kubernetes.io/dockerconfigjson\n    data:\n      .dockerconfigjson: eyJhdXRocyI6e319\n',
      },
      errors: [
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 42,
          message: 'Secret "registry" commits a value for ".dockerconfigjson" in data.',
        },
      ],
    },
  ],
});
