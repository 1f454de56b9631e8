import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { application } from './fixtures.js';
import { rule } from './GOP006-promotion-skipped-environment.js';

const overlay = (tag: string) =>
  `resources:\n  - ../../base\nimages:\n  - name: ghcr.io/shop/api\n    newTag: "${tag}"\n`;
const chart = 'apiVersion: v2\nname: web\nversion: 0.1.0\n';

ruleTester(rule, {
  valid: [
    {
      name: 'prod runs what staging runs (overlays and Helm values); an image with no staging counterpart',
      files: {
        'deploy/overlays/staging/kustomization.yaml': overlay('1.5.0'),
        'deploy/overlays/prod/kustomization.yaml': `${overlay('1.5.0')}  - name: ghcr.io/shop/worker\n    newTag: "2.0.0"\n`,
        'charts/web/Chart.yaml': chart,
        'charts/web/values.yaml': 'image:\n  repository: ghcr.io/shop/web\n  tag: "1.0.0"\n',
        'charts/web/values-staging.yaml': 'image:\n  tag: "1.1.0"\n',
        'charts/web/values-prod.yaml': 'image:\n  tag: "1.1.0"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'prod overlay, prod values and a prod Application ahead of staging',
      files: {
        'deploy/overlays/staging/kustomization.yaml': overlay('1.4.2'),
        'deploy/overlays/prod/kustomization.yaml': overlay('1.5.0'),
        'charts/web/Chart.yaml': chart,
        'charts/web/values.yaml': 'image:\n  repository: ghcr.io/shop/web\n  tag: "1.0.0"\n',
        'charts/web/values-uat.yaml': 'image:\n  tag: "1.1.0"\n',
        'charts/web/values-production.yaml': 'image:\n  tag: "1.2.0"\n',
        'argocd/worker-staging.yaml': application(
          'worker-staging',
          '  source:\n    kustomize:\n      images: ["ghcr.io/shop/worker:3.0.0"]\n  destination:\n    namespace: shop-staging\n',
        ),
        'argocd/worker-prod.yaml': application(
          'worker-prod',
          '  source:\n    kustomize:\n      images: ["ghcr.io/shop/worker=ghcr.io/shop/worker:3.1.0"]\n  destination:\n    namespace: shop-prod\n',
        ),
      },
      errors: [
        {
          file: 'argocd/worker-prod.yaml',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 63,
          message:
            'Production sets ghcr.io/shop/worker to 3.1.0, which no staging counterpart runs (argocd/worker-staging.yaml: 3.0.0).',
        },
        {
          file: 'charts/web/values-production.yaml',
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 15,
          message:
            'Production sets ghcr.io/shop/web to 1.2.0, which no staging counterpart runs (charts/web/values-uat.yaml: 1.1.0).',
        },
        {
          file: 'deploy/overlays/prod/kustomization.yaml',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 20,
          message:
            'Production sets ghcr.io/shop/api to 1.5.0, which no staging counterpart runs (deploy/overlays/staging/kustomization.yaml: 1.4.2).',
        },
      ],
    },
  ],
});
