import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA008-deploy-without-concurrency.js';

const deploy = (extra = '') =>
  `  deploy:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n      - run: argocd app sync shop\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'job-level concurrency group',
      files: {
        '.github/workflows/deploy.yml': `on: push\njobs:\n${deploy('    concurrency:\n      group: deploy-prod\n')}`,
      },
    },
    {
      name: 'workflow-level concurrency group',
      files: { '.github/workflows/deploy.yml': `on: push\nconcurrency: deploy\njobs:\n${deploy()}` },
    },
    {
      name: 'jobs that do not deploy',
      files: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: npm test\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a deploy job with no concurrency anywhere',
      files: { '.github/workflows/deploy.yml': `on: push\njobs:\n${deploy()}` },
      errors: [
        {
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          severity: 'info',
          message: 'Deploy job `deploy` has no `concurrency:` group (job or workflow); deploys can overlap.',
        },
      ],
    },
  ],
});
