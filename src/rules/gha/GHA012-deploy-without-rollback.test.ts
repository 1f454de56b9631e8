import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA012-deploy-without-rollback.js';

const wf = (jobs: string) => `on: push\npermissions: {}\njobs:\n${jobs}`;
const job = (id: string, steps: string, extra = '') =>
  `  ${id}:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'helm upgrade --atomic rolls back by itself',
      files: {
        '.github/workflows/deploy.yml': wf(
          job('deploy', '      - run: helm upgrade --install api ./chart --atomic --wait\n'),
        ),
      },
    },
    {
      name: 'an if: failure() step that undoes the rollout',
      files: {
        '.github/workflows/deploy.yml': wf(
          job(
            'deploy',
            '      - run: kubectl apply -f k8s/\n      - if: ${{ failure() }}\n        run: kubectl rollout undo deployment/api\n',
          ),
        ),
      },
    },
    {
      name: 'a rollback job gated on failure that needs the deploy job (reusable workflow)',
      files: {
        '.github/workflows/deploy.yml': wf(
          `${job('deploy', '      - run: argocd app sync shop\n')}  rollback:\n    needs: deploy\n    if: failure()\n    uses: ./.github/workflows/rollback.yml\n`,
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'helm upgrade without --atomic, and a rollback step that is not gated on failure',
      files: {
        '.github/workflows/deploy.yml': wf(
          job(
            'deploy',
            '      - run: helm upgrade --install api ./chart\n      - run: helm rollback api\n        if: always()\n',
          ),
        ),
      },
      errors: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 9,
          message:
            'Deploy job `deploy` has no rollback path: `helm upgrade` without `--atomic` and no `if: failure()` rollback step.',
        },
      ],
    },
    {
      name: 'kubectl apply with an if: failure() step that only notifies',
      files: {
        '.github/workflows/deploy.yml': wf(
          job(
            'ship',
            '      - run: kubectl apply -f k8s/\n      - if: failure()\n        run: ./notify.sh "deploy failed"\n',
          ),
        ),
      },
      errors: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 7,
          message: 'Deploy job `ship` has no rollback path (no `if: failure()` step that rolls back).',
        },
      ],
    },
  ],
});
