// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold GitHub `${{ }}` expressions, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA009-secret-printed.js';

const wf = (steps: string, env = '') =>
  `on: push\npermissions: {}\n${env}jobs:\n  ci:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'secrets piped to the consuming command, written to a file, or masked',
      files: {
        '.github/workflows/ci.yml': wf(
          '      - run: |\n          echo "${{ secrets.REGISTRY_TOKEN }}" | docker login -u bot --password-stdin ghcr.io\n          echo "${{ secrets.KUBECONFIG }}" > "$RUNNER_TEMP/kubeconfig"\n          echo "::add-mask::${{ secrets.DERIVED }}"\n          printf -v token "%s" "${{ secrets.API }}"\n',
        ),
      },
    },
    {
      name: 'set -x in a step whose env holds no secret; echo of a non-secret variable',
      files: {
        '.github/workflows/ci.yml': wf(
          '      - env:\n          REGION: eu-west-1\n        run: |\n          set -x\n          echo "$REGION"\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'echo and printf of ${{ secrets.* }}, cat of a here-document holding one',
      files: {
        '.github/workflows/ci.yml': wf(
          '      - run: echo "token=${{ secrets.NPM_TOKEN }}"\n      - run: |\n          printf \'%s\\n\' "${{ secrets.DB_PASSWORD }}"\n          cat <<EOF\n          ${{ secrets.SSH_KEY }}\n          EOF\n',
        ),
      },
      errors: [
        {
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 50,
          message: '`echo` prints `secrets.NPM_TOKEN` to the job log.',
        },
        {
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 52,
          message: '`printf` prints `secrets.DB_PASSWORD` to the job log.',
        },
        { line: 11, column: 11, endLine: 11, endColumn: 33, message: '`cat` prints `secrets.SSH_KEY` to the job log.' },
      ],
    },
    {
      name: 'set -x with a secret in the job env; echo of a variable whose env value is a secret',
      files: {
        '.github/workflows/ci.yml': wf(
          '      - env:\n          TOKEN: ${{ secrets.API_TOKEN }}\n        run: |\n          set -eux\n          curl -H "Authorization: Bearer $TOKEN" https://api.example.com\n          echo "using $TOKEN"\n',
          'env:\n  DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n',
        ),
      },
      errors: [
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 19,
          message: '`set -eux` traces every command of a step whose env holds secrets (DEPLOY_KEY, TOKEN).',
        },
        {
          line: 14,
          column: 16,
          endLine: 14,
          endColumn: 30,
          message: '`echo` prints `$TOKEN` (a secret from `env:`) to the job log.',
        },
      ],
    },
  ],
});
