import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA007-prod-deploy-without-environment.js';

const deployJob = (id: string, run: string, extra = '') =>
  `  ${id}:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n      - run: ${run}\n`;
const wf = (on: string, ...jobs: string[]) => `on:\n${on}permissions: {}\njobs:\n${jobs.join('')}`;
const PUSH_MAIN = '  push:\n    branches: [main]\n';
const PR = '  pull_request:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'prod deploy behind an environment',
      files: {
        '.github/workflows/deploy.yml': wf(
          PUSH_MAIN,
          deployJob('prod', 'helm upgrade api ./chart -n prod', '    environment:\n      name: production\n'),
        ),
      },
    },
    {
      name: 'preview deploys from pull requests, and a staging deploy on a develop branch',
      files: {
        '.github/workflows/preview.yml': wf(PR, deployJob('preview', 'kubectl apply -n "pr-$PR" -f k8s/')),
        '.github/workflows/staging.yml': wf(
          '  push:\n    branches: [develop]\n',
          deployJob('staging', 'kubectl apply -n staging -f k8s/'),
        ),
      },
    },
    {
      name: 'a prod-named job that does not deploy',
      files: { '.github/workflows/ci.yml': wf(PUSH_MAIN, deployJob('test-prod-config', 'helm lint ./chart')) },
    },
  ],
  invalid: [
    {
      name: 'deploys on pushes to main without an environment',
      files: { '.github/workflows/deploy.yml': wf(PUSH_MAIN, deployJob('deploy', 'kubectl apply -f k8s/')) },
      errors: [
        {
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
          message:
            'Job `deploy` deploys to production (it runs on pushes to main) without an `environment:` approval gate.',
        },
      ],
    },
    {
      name: 'prod by job id, by deploy target, by tag trigger',
      files: {
        '.github/workflows/a.yml': wf(PR, deployJob('deploy-prod', 'terraform apply -auto-approve')),
        '.github/workflows/b.yml': wf(
          '  workflow_dispatch:\n',
          deployJob('ship', 'helm upgrade --install api ./chart --kube-context shop-production'),
        ),
        '.github/workflows/c.yml': wf(
          '  push:\n    tags: ["v*"]\n',
          deployJob('release', 'gcloud run deploy api --image x'),
        ),
      },
      errors: [
        {
          file: '.github/workflows/a.yml',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
          message: /\(job `deploy-prod`\)/,
        },
        {
          file: '.github/workflows/b.yml',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 7,
          message: /\(`helm upgrade` targets `shop-production`\)/,
        },
        {
          file: '.github/workflows/c.yml',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 10,
          message: /\(it runs on tag pushes\)/,
        },
      ],
    },
  ],
});
