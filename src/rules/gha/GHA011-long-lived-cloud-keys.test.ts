// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold GitHub `${{ }}` expressions, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA011-long-lived-cloud-keys.js';

const AWS_CREDS = 'aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2';
const GCP_AUTH = 'google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f # v2.1.7';
const wf = (steps: string, env = '') =>
  `on: push\npermissions:\n  contents: read\n  id-token: write\n${env}jobs:\n  deploy:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'OIDC role assumption and workload identity federation',
      files: {
        '.github/workflows/deploy.yml': wf(
          `      - uses: ${AWS_CREDS}\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n      - uses: ${GCP_AUTH}\n        with:\n          workload_identity_provider: \${{ vars.WIF_PROVIDER }}\n          service_account: deploy@shop.iam.gserviceaccount.com\n`,
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'AWS key pair in workflow env (one finding), GCP JSON key in a step input',
      files: {
        '.github/workflows/deploy.yml': wf(
          `      - uses: ${GCP_AUTH}\n        with:\n          credentials_json: \${{ secrets.GCP_SA_KEY }}\n`,
          'env:\n  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n  AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n',
        ),
      },
      errors: [
        {
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 54,
          severity: 'info',
          message: '`secrets.AWS_ACCESS_KEY_ID` is a long-lived AWS key; use OIDC short-lived credentials.',
        },
        {
          line: 14,
          column: 29,
          endLine: 14,
          endColumn: 54,
          message: '`secrets.GCP_SA_KEY` is a long-lived GCP key; use OIDC short-lived credentials.',
        },
      ],
    },
    {
      name: 'configure-aws-credentials fed static keys under other secret names',
      files: {
        '.github/workflows/deploy.yml': wf(
          `      - uses: ${AWS_CREDS}\n        with:\n          aws-access-key-id: \${{ secrets.CI_KEY }}\n          aws-secret-access-key: \${{ secrets.CI_SECRET }}\n`,
        ),
      },
      errors: [
        {
          line: 11,
          column: 30,
          endLine: 11,
          endColumn: 51,
          message: 'The `aws-access-key-id` input is a long-lived AWS key; use OIDC short-lived credentials.',
        },
      ],
    },
  ],
});
