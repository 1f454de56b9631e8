import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA002-unpinned-action.js';

const steps = (lines: string) => `on: push\njobs:\n  ci:\n    runs-on: ubuntu-24.04\n    steps:\n${lines}`;

ruleTester(rule, {
  valid: [
    {
      name: 'full commit SHAs with version comments',
      files: {
        '.github/workflows/ci.yml': steps(
          '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - uses: docker/setup-buildx-action@c47758b77c9736f4b2ef4073d4d51994fabfe349 # v3.7.1\n',
        ),
      },
    },
    {
      name: 'local actions and digest-pinned docker actions are fine',
      files: {
        '.github/workflows/ci.yml': steps(
          '      - uses: ./.github/actions/setup\n      - uses: docker://alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n',
        ),
      },
    },
    {
      name: 'reusable workflow pinned to a SHA; local reusable workflow',
      files: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  shared:\n    uses: org/workflows/.github/workflows/build.yml@0b2256b8c012f0828dc542b3febcab082c67f72b\n  local:\n    uses: ./.github/workflows/test.yml\n',
      },
    },
  ],
  invalid: [
    {
      name: 'branch refs and no ref are errors; third-party tags are warnings; actions/* tags are info',
      files: {
        '.github/workflows/ci.yml': steps(
          '      - uses: actions/checkout@v4\n      - uses: tj-actions/changed-files@main\n      - uses: some/action\n      - uses: docker/login-action@v3\n      - uses: "aquasecurity/trivy-action@master"\n',
        ),
      },
      errors: [
        {
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 34,
          severity: 'info',
          message: '`actions/checkout@v4` is pinned to a tag; pin the commit SHA (tags can move).',
        },
        {
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 44,
          severity: 'error',
          message: '`tj-actions/changed-files@main` follows a branch; pin it to a full commit SHA.',
        },
        {
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 26,
          severity: 'error',
          message: '`some/action` has no ref; pin it to a full commit SHA.',
        },
        {
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 37,
          severity: 'warning',
          message: '`docker/login-action@v3` is pinned to a tag, which can be moved; pin the commit SHA.',
        },
        { line: 10, column: 15, endLine: 10, endColumn: 49, severity: 'error' },
      ],
    },
    {
      name: 'abbreviated SHA, docker tags, a reusable workflow on a tag, and a composite action',
      files: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  shared:\n    uses: org/workflows/.github/workflows/build.yml@v1\n  ci:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: docker/login-action@9780b0c\n      - uses: docker://alpine:3.20\n      - uses: docker://alpine\n',
        'action.yml': 'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: pnpm/action-setup@v4\n',
      },
      errors: [
        {
          file: '.github/workflows/ci.yml',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 55,
          severity: 'warning',
          message: /org\/workflows\/\.github\/workflows\/build\.yml@v1` is pinned to a tag/,
        },
        {
          file: '.github/workflows/ci.yml',
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 42,
          severity: 'warning',
          message: '`docker/login-action@9780b0c` uses an abbreviated SHA; pin the full 40-character SHA.',
        },
        {
          file: '.github/workflows/ci.yml',
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 35,
          severity: 'warning',
          message: '`docker://alpine:3.20` is pinned to a tag, not a digest (`@sha256:…`).',
        },
        {
          file: '.github/workflows/ci.yml',
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 30,
          severity: 'error',
          message: '`docker://alpine` runs whatever image the tag points to; pin it by digest.',
        },
        { file: 'action.yml', line: 5, column: 13, endLine: 5, endColumn: 33, severity: 'warning' },
      ],
    },
  ],
});
