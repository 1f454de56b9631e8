import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST006-oversized-non-prod-instance.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'large instances in prod and small ones in dev',
      files: {
        'envs/prod/main.tf': 'resource "aws_instance" "db" {\n  instance_type = "r6i.8xlarge"\n}\n',
        'envs/dev/main.tf':
          'resource "aws_instance" "db" {\n  instance_type = "r6i.2xlarge"\n}\nresource "aws_db_instance" "pg" {\n  instance_class = "db.t4g.medium"\n}\n',
      },
    },
    {
      name: 'unknown environment',
      files: { 'infra/main.tf': 'resource "aws_instance" "db" {\n  instance_type = "m6i.16xlarge"\n}\n' },
    },
  ],
  invalid: [
    {
      name: '4xlarge and bare metal in staging',
      files: {
        'envs/staging/main.tf':
          'resource "aws_db_instance" "pg" {\n  instance_class = "db.r6g.4xlarge"\n}\nresource "aws_instance" "build" {\n  instance_type = "c6i.metal"\n}\n',
      },
      errors: [
        {
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 36,
          message:
            '`aws_db_instance.pg` uses db.r6g.4xlarge in non-production environment staging: size it from its metrics (e.g. db.r6g.4xlarge → db.r6g.xlarge).',
        },
        { line: 5, column: 19, endLine: 5, endColumn: 30, message: /`aws_instance.build` uses c6i.metal/ },
      ],
    },
  ],
});
