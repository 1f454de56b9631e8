import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF002-s3-backend-locking.js';

beforeAll(() => initHcl());

const backend = (settings: string) =>
  `terraform {\n  backend "s3" {\n    bucket = "acme-state"\n    key    = "prod/app.tfstate"\n${settings}  }\n}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'S3-native lockfile and encryption',
      files: { 'main.tf': backend('    use_lockfile = true\n    encrypt = true\n') },
    },
    {
      name: 'DynamoDB lock table and encryption',
      files: { 'main.tf': backend('    dynamodb_table = "locks"\n    encrypt        = "true"\n') },
    },
    { name: 'gcs locks natively', files: { 'main.tf': 'terraform {\n  backend "gcs" {\n    bucket = "s"\n  }\n}\n' } },
    {
      name: 'partial configuration completed at init time',
      files: { 'main.tf': 'terraform {\n  backend "s3" {}\n}\n', 'backend.hcl': 'bucket = "x"\n' },
    },
    {
      name: 'JSON syntax',
      files: {
        'main.tf.json': '{"terraform": {"backend": {"s3": {"bucket": "b", "use_lockfile": true, "encrypt": true}}}}',
      },
    },
  ],
  invalid: [
    {
      name: 'no locking and no encryption',
      files: { 'main.tf': backend('') },
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 15,
          severity: 'warning',
          message: 'S3 backend does not set `encrypt = true` for the state object.',
        },
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 15,
          severity: 'error',
          message: 'S3 backend has no state locking (neither `use_lockfile = true` nor `dynamodb_table`).',
        },
      ],
    },
    {
      name: 'lockfile explicitly off, encryption explicitly off',
      files: { 'main.tf': backend('    use_lockfile = false\n    encrypt      = false\n') },
      errors: [
        { line: 5, column: 20, endLine: 5, endColumn: 25, severity: 'error', message: /no state locking/ },
        { line: 6, column: 20, endLine: 6, endColumn: 25, severity: 'warning', message: /encrypt = true/ },
      ],
    },
    {
      name: 'locked but not encrypted: warning only',
      files: { 'infra/backend.tf': backend('    dynamodb_table = "locks"\n') },
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 15, severity: 'warning' }],
    },
  ],
});
