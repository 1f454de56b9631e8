import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { application, goodSpec } from './fixtures.js';
import { rule } from './GOP003-default-app-project.js';

ruleTester(rule, {
  valid: [{ name: 'an own AppProject', files: { 'argocd/api.yaml': application('api', goodSpec('prod')) } }],
  invalid: [
    {
      name: 'the default project, and no project at all',
      files: {
        'argocd/a.yaml': application('a', '  project: default\n'),
        'argocd/b.yaml': application('b', '  destination:\n    namespace: shop\n'),
      },
      errors: [
        {
          file: 'argocd/a.yaml',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 19,
          message: 'Application `a` uses the `default` AppProject, which allows any repository and destination.',
        },
        {
          file: 'argocd/b.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 10,
          message: 'Application `b` names no AppProject (`spec.project`).',
        },
      ],
    },
  ],
});
