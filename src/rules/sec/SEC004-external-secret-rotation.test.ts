import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './SEC004-external-secret-rotation.js';

const ES = 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: db\n  namespace: shop\n';
const AWS_STORE = (ns: string, auth: string) =>
  `apiVersion: external-secrets.io/v1beta1\nkind: SecretStore\nmetadata:\n  name: aws\n  namespace: ${ns}\n` +
  `spec:\n  provider:\n    aws:\n      service: SecretsManager\n      region: eu-west-1\n      auth:\n${auth}`;
const STATIC_AUTH =
  '        secretRef:\n          accessKeyIDSecretRef:\n            name: awssm-secret\n            key: access-key\n' +
  '          secretAccessKeySecretRef:\n            name: awssm-secret\n            key: secret-access-key\n';
const PLAIN_SECRET = (ns: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: awssm-secret\n  namespace: ${ns}\nstringData:\n  access-key: abc\n  secret-access-key: def\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'ExternalSecret with a refresh interval',
      files: {
        'k8s/es.yaml': `${ES}spec:\n  refreshInterval: 1h\n  secretStoreRef: { name: aws, kind: SecretStore }\n`,
      },
    },
    {
      name: 'store with workload identity (service account)',
      files: {
        'k8s/store.yaml': AWS_STORE('shop', '        jwt:\n          serviceAccountRef:\n            name: eso-sa\n'),
      },
    },
    {
      name: 'store keyed by a Secret that is not in the repository',
      files: { 'k8s/store.yaml': AWS_STORE('shop', STATIC_AUTH) },
    },
    {
      name: 'store keyed by a Secret in another namespace, or a SOPS-encrypted one',
      files: {
        'k8s/store.yaml': AWS_STORE('shop', STATIC_AUTH),
        'k8s/other.yaml': PLAIN_SECRET('billing'),
        'k8s/enc.yaml': `${PLAIN_SECRET('shop').replace('abc', 'ENC[AES256_GCM,data:Zm9v,type:str]')}sops:\n  version: 3.8.1\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'no refreshInterval (reported on the name)',
      files: { 'k8s/es.yaml': `${ES}spec:\n  secretStoreRef: { name: aws, kind: SecretStore }\n` },
      errors: [
        {
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 11,
          message:
            'ExternalSecret "db" sets no refreshInterval: rotation pickup depends on the operator\'s default; set it explicitly (e.g. 1h).',
        },
      ],
    },
    {
      name: 'refreshInterval 0 and refreshPolicy CreatedOnce',
      files: {
        'k8s/es.yaml': `${ES}spec:\n  refreshInterval: "0"\n---\n${ES.replace('name: db', 'name: api')}spec:\n  refreshPolicy: CreatedOnce\n  refreshInterval: 1h\n`,
      },
      errors: [
        {
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 23,
          message:
            'ExternalSecret "db" has refreshInterval 0: the secret is fetched once and rotations never reach the cluster.',
        },
        {
          line: 15,
          column: 18,
          endLine: 15,
          endColumn: 29,
          message:
            'ExternalSecret "api" uses refreshPolicy CreatedOnce: rotated values in the provider never reach the cluster.',
        },
      ],
    },
    {
      name: 'ClusterExternalSecret with 0s',
      files: {
        'k8s/ces.yaml':
          'apiVersion: external-secrets.io/v1beta1\nkind: ClusterExternalSecret\nmetadata:\n  name: shared\nspec:\n' +
          '  externalSecretSpec:\n    refreshInterval: 0s\n',
      },
      errors: [
        {
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 24,
          message: /ClusterExternalSecret "shared" has refreshInterval 0s/,
        },
      ],
    },
    {
      name: 'store keyed by a plain Secret committed in the repository',
      files: { 'k8s/store.yaml': AWS_STORE('shop', STATIC_AUTH), 'k8s/secret.yaml': PLAIN_SECRET('shop') },
      errors: [
        {
          file: 'k8s/store.yaml',
          line: 14,
          column: 19,
          endLine: 14,
          endColumn: 31,
          message:
            'SecretStore "aws" authenticates with static keys from Secret "awssm-secret", which is committed in k8s/secret.yaml.',
        },
        {
          file: 'k8s/store.yaml',
          line: 17,
          column: 19,
          endLine: 17,
          endColumn: 31,
          message: /static keys from Secret "awssm-secret"/,
        },
      ],
    },
  ],
});
