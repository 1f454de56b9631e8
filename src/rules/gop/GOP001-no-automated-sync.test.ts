import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { application, goodSpec } from './fixtures.js';
import { rule } from './GOP001-no-automated-sync.js';

ruleTester(rule, {
  valid: [
    {
      name: 'automated with prune and selfHeal',
      files: { 'argocd/api-prod.yaml': application('api-prod', goodSpec('prod')) },
    },
    {
      name: 'an ApplicationSet template with automated sync',
      files: {
        'argocd/appset.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: shop\nspec:\n  generators: []\n  template:\n    metadata:\n      name: "shop-{{env}}"\n    spec:\n      project: shop\n      syncPolicy:\n        automated: { prune: true, selfHeal: true }\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no syncPolicy, a syncPolicy without automated, automated without selfHeal, automated disabled',
      files: {
        'argocd/a.yaml': application('a', '  project: shop\n'),
        'argocd/b.yaml': application('b', '  project: shop\n  syncPolicy:\n    syncOptions: [CreateNamespace=true]\n'),
        'argocd/c.yaml': application('c', '  project: shop\n  syncPolicy:\n    automated:\n      prune: true\n'),
        'argocd/d.yaml': application('d', '  project: shop\n  syncPolicy:\n    automated:\n      enabled: false\n'),
      },
      errors: [
        {
          file: 'argocd/a.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 10,
          message: 'Application `a` has no `syncPolicy.automated`: Git changes and drift wait for a manual sync.',
        },
        {
          file: 'argocd/b.yaml',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 13,
          message: /^Application `b` has no `syncPolicy.automated`/,
        },
        {
          file: 'argocd/c.yaml',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 14,
          message: 'Application `c` syncs automatically without `selfHeal: true`: drift is not fully reconciled.',
        },
        {
          file: 'argocd/d.yaml',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 21,
          message: 'Application `d` turns automated sync off (`enabled: false`).',
        },
      ],
    },
  ],
});
