// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold GitHub `${{ }}` expressions, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA005-untrusted-checkout.js';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';
const wf = (on: string, steps: string) =>
  `on: ${on}\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'pull_request (unprivileged) may check out the head',
      files: {
        '.github/workflows/pr.yml': wf(
          'pull_request',
          `      - uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n`,
        ),
      },
    },
    {
      name: 'pull_request_target checking out the base (default ref) to label',
      files: {
        '.github/workflows/label.yml': wf(
          'pull_request_target',
          `      - uses: ${CHECKOUT}\n      - run: gh pr edit "$NUMBER" --add-label triage\n        env:\n          NUMBER: \${{ github.event.pull_request.number }}\n`,
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'pull_request_target checks out the head SHA, then the merge ref by number',
      files: {
        '.github/workflows/pr.yml': wf(
          'pull_request_target',
          `      - uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - uses: ${CHECKOUT}\n        with: { ref: "refs/pull/\${{ github.event.number }}/merge" }\n      - run: npm ci && npm test\n`,
        ),
      },
      errors: [
        {
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 57,
          message:
            "`pull_request_target` workflow checks out untrusted head code (`github.event.pull_request.head.sha`) with the base repository's secrets.",
        },
        { line: 12, column: 33, endLine: 12, endColumn: 59, message: /\(`github\.event\.number`\)/ },
      ],
    },
    {
      name: 'workflow_run checking out the triggering head branch; git fetch of the head ref in run:',
      files: {
        '.github/workflows/after-ci.yml': wf(
          '\n  workflow_run:\n    workflows: [ci]\n    types: [completed]',
          `      - uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.workflow_run.head_branch }}\n      - run: |\n          git fetch origin \${{ github.head_ref }}\n          make test\n`,
        ),
      },
      errors: [
        { line: 13, column: 16, endLine: 13, endColumn: 60, message: /^`workflow_run` workflow checks out/ },
        { line: 15, column: 28, endLine: 15, endColumn: 50, message: /\(`github\.head_ref`\)/ },
      ],
    },
  ],
});
