// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold GitHub `${{ }}` expressions, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA004-script-injection.js';

const wf = (on: string, steps: string) =>
  `on:\n${on}permissions: {}\njobs:\n  triage:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;
const PR = '  pull_request:\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the same expression passed through env: (the fix) does not fire',
      files: {
        '.github/workflows/pr.yml': wf(
          PR,
          '      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n',
        ),
      },
    },
    {
      name: 'safe contexts in run: (numbers, SHAs, repository names, choice inputs)',
      files: {
        '.github/workflows/pr.yml': wf(
          `${PR}  workflow_dispatch:\n    inputs:\n      env: { type: choice, options: [staging, prod] }\n`,
          '      - run: |\n          echo "${{ github.event.pull_request.number }} ${{ github.sha }}"\n          ./deploy.sh ${{ inputs.env }} ${{ github.repository }}\n',
        ),
      },
    },
    {
      name: 'github-script reading the payload through context, not interpolation',
      files: {
        '.github/workflows/pr.yml': wf(
          PR,
          '      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1\n        with:\n          script: console.log(context.payload.pull_request.title)\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'PR title in a block run:, comment body in a quoted run:, toJSON of the whole pull request',
      files: {
        '.github/workflows/pr.yml': wf(
          PR,
          '      - run: |\n          echo "Checking"\n          echo "Title: ${{ github.event.pull_request.title }}"\n      - run: "echo \\"${{ github.event.comment.body }}\\""\n      - run: echo \'${{ toJSON(github.event.pull_request) }}\' | jq .\n',
        ),
      },
      errors: [
        {
          line: 10,
          column: 24,
          endLine: 10,
          endColumn: 62,
          severity: 'error',
          message:
            '`github.event.pull_request.title` is interpolated into a `run:` script; pass it through `env:` and quote the variable.',
        },
        {
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 54,
          severity: 'error',
          message: /^`github\.event\.comment\.body`/,
        },
        {
          line: 12,
          column: 20,
          endLine: 12,
          endColumn: 60,
          severity: 'error',
          message: /^`github\.event\.pull_request` is interpolated/,
        },
      ],
    },
    {
      name: 'head ref in a folded scalar, commit messages, github-script script:, dispatch string input (warning)',
      files: {
        '.github/workflows/pr.yml': wf(
          `${PR}  workflow_dispatch:\n    inputs:\n      note: { type: string }\n      reason: {}\n`,
          '      - run: >\n          git log --oneline\n          origin/${{ github.head_ref }}\n      - run: echo "${{ github.event.commits[0].message }}"\n      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1\n        with:\n          script: |\n            core.info("${{ github.event.issue.body }}")\n      - run: echo ${{ inputs.note }} ${{ github.event.inputs.reason }}\n',
        ),
      },
      errors: [
        { line: 14, column: 18, endLine: 14, endColumn: 40, severity: 'error', message: /^`github\.head_ref`/ },
        {
          line: 15,
          column: 20,
          endLine: 15,
          endColumn: 58,
          severity: 'error',
          message: /^`github\.event\.commits\.\*\.message`/,
        },
        {
          line: 19,
          column: 24,
          endLine: 19,
          endColumn: 54,
          severity: 'error',
          message:
            '`github.event.issue.body` is interpolated into a `github-script` script; pass it through `env:` and quote the variable.',
        },
        { line: 20, column: 19, endLine: 20, endColumn: 37, severity: 'warning', message: /^`inputs\.note`/ },
        {
          line: 20,
          column: 38,
          endLine: 20,
          endColumn: 71,
          severity: 'warning',
          message: /^`github\.event\.inputs\.reason`/,
        },
      ],
    },
    {
      name: 'index syntax and an expression spanning lines (the number through index syntax is safe)',
      files: {
        '.github/workflows/pr.yml': wf(
          PR,
          "      - run: |\n          echo \"${{ github['event']['issue']['number'] }} ${{ github['event']['issue']['title'] }}\"\n          echo ${{\n            github.event.review.body\n          }}\n",
        ),
      },
      errors: [
        { line: 9, column: 59, endLine: 9, endColumn: 99, message: /^`github\.event\.issue\.title`/ },
        { line: 10, column: 16, endLine: 12, endColumn: 13, message: /^`github\.event\.review\.body`/ },
      ],
    },
  ],
});
