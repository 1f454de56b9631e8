import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA006-deploy-without-validation.js';

const job = (id: string, run: string, extra = '') =>
  `  ${id}:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n      - run: |\n${run
    .split('\n')
    .map((l) => `          ${l}`)
    .join('\n')}\n`;
const wf = (...jobs: string[]) => `on: push\npermissions: {}\njobs:\n${jobs.join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'plan before apply in the same job',
      files: {
        '.github/workflows/infra.yml': wf(job('infra', 'terraform plan -out tf.plan\nterraform apply tf.plan')),
      },
    },
    {
      name: 'validation in a job the deploy job needs (transitively)',
      files: {
        '.github/workflows/deploy.yml': wf(
          job('lint', 'helm lint ./chart\nhelm template api ./chart > /dev/null'),
          job('build', 'make image', '    needs: lint\n'),
          job('deploy', 'helm upgrade --install api ./chart --atomic', '    needs: [build]\n'),
        ),
      },
    },
    {
      name: 'a server-side dry run is validation, not a deploy',
      files: { '.github/workflows/check.yml': wf(job('check', 'kubectl apply --dry-run=server -f k8s/')) },
    },
  ],
  invalid: [
    {
      name: 'helm upgrade with lint only after it',
      files: {
        '.github/workflows/deploy.yml': wf(
          job('deploy', 'helm upgrade --install api ./chart -n prod\nhelm lint ./chart'),
        ),
      },
      errors: [
        {
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 53,
          message: '`helm upgrade` in job `deploy` runs with no validation (plan, diff, dry run, lint) before it.',
        },
      ],
    },
    {
      name: 'validation in a parallel job does not count; deploy actions count as deploys',
      files: {
        '.github/workflows/deploy.yml': `${wf(job('diff', 'kubectl diff -f k8s/'))}  deploy:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: azure/k8s-deploy@v5\n        with: { namespace: shop, manifests: k8s/ }\n`,
      },
      errors: [{ line: 12, column: 15, endLine: 12, endColumn: 34, message: /^`azure\/k8s-deploy` in job `deploy`/ }],
    },
  ],
});
