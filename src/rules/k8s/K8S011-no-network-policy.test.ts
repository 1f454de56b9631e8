import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S011-no-network-policy.js';

const deployment = (name: string, namespace: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: app, image: app:1}]}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'default-deny policy in the namespace (another file)',
      files: {
        'app/deploy.yaml': deployment('web', 'shop', '{app: web}'),
        'policies/deny.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
      },
    },
    {
      name: 'matchExpressions select the pods',
      files: {
        'all.yaml': `${deployment('web', 'shop', '{app: web, tier: front}')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  podSelector:\n    matchExpressions:\n      - {key: tier, operator: In, values: [front, api]}\n      - {key: legacy, operator: DoesNotExist}\n`,
      },
    },
    {
      name: 'namespace set by the kustomization for both files',
      files: {
        'k/kustomization.yaml': 'namespace: shop\nresources: [deploy.yaml, netpol.yaml]\n',
        'k/deploy.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\nspec: {containers: [{name: app, image: app:1}]}\n',
        'k/netpol.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {matchLabels: {app: a}}}\n',
      },
    },
    {
      name: 'Cilium cluster-wide policy',
      files: {
        'deploy.yaml': deployment('web', 'shop', '{app: web}'),
        'cnp.yaml':
          'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: deny}\nspec: {endpointSelector: {}}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no policy at all',
      files: { 'deploy.yaml': deployment('web', 'shop', '{app: web}') },
      errors: [
        {
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          message:
            'Deployment "web" in namespace "shop" is not selected by any NetworkPolicy: every pod in the cluster can reach it.',
        },
      ],
    },
    {
      name: 'policy in another namespace, or selecting other pods',
      files: {
        'a.yaml': deployment('web', 'shop', '{app: web}'),
        'b.yaml': deployment('api', 'shop', '{app: api}'),
        'netpol.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: {podSelector: {matchLabels: {app: api}}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: other}\nspec: {podSelector: {}}\n',
      },
      errors: [
        {
          file: 'a.yaml',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          message: /^Deployment "web" in namespace "shop" is not selected/,
        },
      ],
    },
  ],
});
