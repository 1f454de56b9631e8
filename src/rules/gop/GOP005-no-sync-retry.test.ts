import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { application, goodSpec } from './fixtures.js';
import { rule } from './GOP005-no-sync-retry.js';

ruleTester(rule, {
  valid: [
    { name: 'automated with retry', files: { 'argocd/api.yaml': application('api', goodSpec('prod')) } },
    { name: 'manual sync needs no retry', files: { 'argocd/api.yaml': application('api', '  project: shop\n') } },
  ],
  invalid: [
    {
      name: 'automated without retry',
      files: {
        'argocd/api.yaml': application(
          'api',
          '  project: shop\n  syncPolicy:\n    automated:\n      prune: true\n      selfHeal: true\n',
        ),
      },
      errors: [
        {
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 14,
          message: 'Application `api` syncs automatically with no `syncPolicy.retry`.',
        },
      ],
    },
  ],
});
