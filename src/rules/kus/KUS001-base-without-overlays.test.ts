import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './KUS001-base-without-overlays.js';

const base = 'resources:\n  - deployment.yaml\n';
const overlay = 'resources:\n  - ../../base\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a base consumed by dev, staging and prod overlays',
      files: {
        'k8s/base/kustomization.yaml': base,
        'k8s/overlays/dev/kustomization.yaml': overlay,
        'k8s/overlays/staging/kustomization.yaml': overlay,
        'k8s/overlays/prod/kustomization.yaml': overlay,
      },
    },
    {
      name: 'overlays named by namespace, and a standalone kustomization that is not a base',
      files: {
        'app/base/kustomization.yaml': base,
        'app/eu/kustomization.yaml': 'namespace: shop-staging\nresources:\n  - ../base\n',
        'app/us/kustomization.yaml': 'namespace: shop-prod\nresources:\n  - ../base\n',
        'tools/kustomization.yaml': 'resources:\n  - job.yaml\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a base with only a prod overlay, another with no prod overlay, and an unused base',
      files: {
        'web/base/kustomization.yaml': base,
        'web/overlays/prod/kustomization.yaml': overlay,
        'api/base/kustomization.yaml': base,
        'api/overlays/dev/kustomization.yaml': overlay,
        'api/overlays/staging/kustomization.yaml': overlay,
        'worker/base/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${base}`,
      },
      errors: [
        {
          file: 'api/base/kustomization.yaml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 10,
          message: 'Kustomize base `api/base` has overlays for dev, staging but none for production.',
        },
        {
          file: 'web/base/kustomization.yaml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 10,
          message: 'Kustomize base `web/base` is consumed by only one environment overlay (prod).',
        },
        {
          file: 'worker/base/kustomization.yaml',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 10,
          message: 'Kustomize base `worker/base` is a base that no overlay includes.',
        },
      ],
    },
  ],
});
