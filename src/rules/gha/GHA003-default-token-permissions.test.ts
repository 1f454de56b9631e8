import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA003-default-token-permissions.js';

const job = (id: string, extra = '') => `  ${id}:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n      - run: make\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'workflow-level least privilege',
      files: { '.github/workflows/ci.yml': `on: push\npermissions:\n  contents: read\njobs:\n${job('a')}${job('b')}` },
    },
    {
      name: 'every job declares its own permissions (an empty map included)',
      files: {
        '.github/workflows/ci.yml': `on: push\njobs:\n${job('a', '    permissions:\n      contents: read\n')}${job('b', '    permissions: {}\n')}`,
      },
    },
  ],
  invalid: [
    {
      name: 'jobs without permissions when the workflow has none',
      files: {
        '.github/workflows/ci.yml': `on: push\njobs:\n${job('a', '    permissions:\n      contents: read\n')}${job('b')}${job('deploy')}`,
      },
      errors: [
        {
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 4,
          severity: 'warning',
          message: 'Job `b` runs with the default token permissions: no `permissions:` on the job or the workflow.',
        },
        { line: 13, column: 3, endLine: 13, endColumn: 9, severity: 'warning', message: /^Job `deploy` runs/ },
      ],
    },
    {
      name: 'write-all at workflow and job level',
      files: {
        '.github/workflows/release.yml': `on: push\npermissions: write-all\njobs:\n${job('publish', '    permissions: write-all\n')}`,
      },
      errors: [
        {
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 23,
          severity: 'error',
          message: '`permissions: write-all` at workflow level gives the token every write scope.',
        },
        {
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 27,
          severity: 'error',
          message: '`permissions: write-all` in job `publish` gives the token every write scope.',
        },
      ],
    },
  ],
});
