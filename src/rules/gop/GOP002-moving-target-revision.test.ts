import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { application, goodSpec } from './fixtures.js';
import { rule } from './GOP002-moving-target-revision.js';

ruleTester(rule, {
  valid: [
    {
      name: 'tags, SHAs and pinned chart versions',
      files: {
        'argocd/api-prod.yaml': application('api-prod', goodSpec('prod')),
        'argocd/web-prod.yaml': application('web-prod', goodSpec('prod', '3f2c9a1b7d4e5f60718293a4b5c6d7e8f9012345')),
        'argocd/redis-prod.yaml': application(
          'redis-prod',
          '  project: shop\n  source:\n    repoURL: https://charts.bitnami.com/bitnami\n    chart: redis\n    targetRevision: 19.6.4\n  destination:\n    namespace: shop-prod\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'prod on main is a warning, dev on HEAD by default is info, a chart range in prod',
      files: {
        'argocd/api-prod.yaml': application('api-prod', goodSpec('prod', 'main')),
        'argocd/api-dev.yaml': application(
          'api-dev',
          '  project: shop\n  source:\n    repoURL: https://github.com/example/shop.git\n    path: deploy/overlays/dev\n  destination:\n    namespace: shop-dev\n',
        ),
        'argocd/redis.yaml': application(
          'redis',
          '  project: shop\n  source:\n    repoURL: https://charts.bitnami.com/bitnami\n    chart: redis\n    targetRevision: 19.*\n  destination:\n    namespace: shop-prod\n',
        ),
      },
      errors: [
        {
          file: 'argocd/api-dev.yaml',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 49,
          severity: 'info',
          message: 'Non-production Application `api-dev` tracks a moving revision (no `targetRevision`: HEAD).',
        },
        {
          file: 'argocd/api-prod.yaml',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 25,
          severity: 'warning',
          message: 'Production Application `api-prod` tracks a moving revision (`main`).',
        },
        {
          file: 'argocd/redis.yaml',
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 25,
          severity: 'warning',
          message: 'Production Application `redis` tracks a moving revision (chart version `19.*`).',
        },
      ],
    },
  ],
});
