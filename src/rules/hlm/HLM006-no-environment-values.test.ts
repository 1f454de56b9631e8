import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './HLM006-no-environment-values.js';

const chart = 'apiVersion: v2\nname: shop-web\nversion: 0.1.0\n';
const app = (env: string, helm = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-web-${env}\n  namespace: argocd\nspec:\n  project: shop\n  source:\n    repoURL: https://github.com/example/shop.git\n    targetRevision: v1.0.0\n    path: charts/shop-web\n${helm}  destination:\n    server: https://kubernetes.default.svc\n    namespace: shop-${env}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'per-environment values files',
      files: {
        'repo/charts/shop-web/Chart.yaml': chart,
        'repo/charts/shop-web/values.yaml': 'replicaCount: 1\n',
        'repo/charts/shop-web/values-prod.yaml': 'replicaCount: 3\n',
        'repo/argocd/web-staging.yaml': app('staging'),
        'repo/argocd/web-prod.yaml': app('prod'),
      },
    },
    {
      name: 'one environment only, or every Application passes its own values',
      files: {
        'charts/shop-web/Chart.yaml': chart,
        'charts/shop-web/values.yaml': 'replicaCount: 1\n',
        'argocd/web-staging.yaml': app(
          'staging',
          '    helm:\n      parameters:\n        - { name: replicaCount, value: "2" }\n',
        ),
        'argocd/web-prod.yaml': app('prod', '    helm:\n      valuesObject:\n        replicaCount: 3\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'the same chart deployed to staging and prod with one values file',
      files: {
        'repo/charts/shop-web/Chart.yaml': chart,
        'repo/charts/shop-web/values.yaml': 'replicaCount: 1\n',
        'repo/argocd/web-staging.yaml': app('staging'),
        'repo/argocd/web-prod.yaml': app('prod'),
      },
      errors: [
        {
          file: 'repo/charts/shop-web/Chart.yaml',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 15,
          message:
            'Chart `shop-web` is deployed to shop-prod, shop-staging (repo/argocd/web-prod.yaml, repo/argocd/web-staging.yaml) but has no values-<env>.yaml.',
        },
      ],
    },
  ],
});
