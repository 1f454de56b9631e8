import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './KUS004-deprecated-fields.js';

ruleTester(rule, {
  valid: [
    {
      name: 'current fields',
      files: {
        'base/kustomization.yaml':
          'resources: [deployment.yaml]\nlabels:\n  - pairs: { app: shop }\n    includeSelectors: true\npatches:\n  - path: replicas.yaml\n',
      },
    },
  ],
  invalid: [
    {
      name: 'commonLabels, bases and both legacy patch fields',
      files: {
        'overlays/prod/kustomization.yaml':
          'bases:\n  - ../../base\ncommonLabels:\n  app: shop\npatchesStrategicMerge:\n  - replicas.yaml\npatchesJson6902:\n  - path: image.yaml\n    target: { kind: Deployment, name: web }\n',
      },
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 6, message: '`bases` is deprecated: use `resources`.' },
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 13,
          message:
            '`commonLabels` is deprecated: use `labels` (with `includeSelectors: true` to keep selectors in step).',
        },
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 22,
          message: '`patchesStrategicMerge` is deprecated: use `patches`.',
        },
        {
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 16,
          message: '`patchesJson6902` is deprecated: use `patches` (with `target`).',
        },
      ],
    },
  ],
});
