import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S015-service-account-token.js';

const pod = (...spec: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: shop}\nspec:\n${spec.map((l) => `  ${l}\n`).join('')}  containers: [{name: app, image: app:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'token not mounted', files: { 'pod.yaml': pod('automountServiceAccountToken: false') } },
    { name: 'own service account', files: { 'pod.yaml': pod('serviceAccountName: shop-api') } },
    {
      name: 'the default ServiceAccount of the namespace opts out',
      files: {
        'pod.yaml': pod(),
        'sa.yaml':
          'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: shop}\nautomountServiceAccountToken: false\n',
      },
    },
  ],
  invalid: [
    {
      name: 'default service account, implicit',
      files: { 'pod.yaml': pod() },
      errors: [
        {
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 19,
          message: 'Pod "a" runs as the default service account and mounts its API token.',
        },
      ],
    },
    {
      name: 'explicit default account, explicit automount',
      files: {
        'pod.yaml': pod('serviceAccountName: default'),
        'b.yaml': pod('automountServiceAccountToken: true').replace('name: a', 'name: b'),
      },
      errors: [
        {
          file: 'b.yaml',
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 37,
          message: 'Pod "b" runs as the default service account and mounts its API token.',
        },
        {
          file: 'pod.yaml',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 30,
          message: 'Pod "a" runs as the default service account and mounts its API token.',
        },
      ],
    },
  ],
});
