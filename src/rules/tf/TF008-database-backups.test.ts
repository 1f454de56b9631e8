import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF008-database-backups.js';

beforeAll(() => initHcl());

const rds = (lines: string) => `resource "aws_db_instance" "db" {\n  engine = "postgres"\n${lines}}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'backups, final snapshot and deletion protection',
      files: {
        'db.tf': rds(
          '  backup_retention_period = 7\n  skip_final_snapshot     = false\n  deletion_protection     = true\n',
        ),
      },
    },
    {
      name: 'unknown deletion protection is not reported',
      files: { 'db.tf': `variable "protect" {}\n${rds('  deletion_protection = var.protect\n')}` },
    },
    {
      name: 'Cloud SQL with backups (deletion protection on by default)',
      files: {
        'sql.tf':
          'resource "google_sql_database_instance" "db" {\n  settings {\n    tier = "db-custom-2-7680"\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no deletion protection outside prod: warning on the block',
      files: { 'staging/db.tf': rds('') },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 32,
          severity: 'warning',
          message: '`aws_db_instance.db` has no `deletion_protection = true`.',
        },
      ],
    },
    {
      name: 'prod path: every problem is an error, on its value',
      files: {
        'envs/prod/db.tf': rds(
          '  backup_retention_period = 0\n  skip_final_snapshot     = true\n  deletion_protection     = false\n',
        ),
      },
      errors: [
        {
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 30,
          severity: 'error',
          message: '`aws_db_instance.db` keeps no automated backups (`backup_retention_period = 0`).',
        },
        {
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 33,
          severity: 'error',
          message: '`aws_db_instance.db` is deleted without a final snapshot (`skip_final_snapshot = true`).',
        },
        { line: 5, column: 29, endLine: 5, endColumn: 34, severity: 'error' },
      ],
    },
    {
      name: 'prod from the environment variable value in terraform.tfvars',
      files: {
        'main.tf': `variable "environment" {}\n${rds('  deletion_protection = true\n  skip_final_snapshot = true\n')}`,
        'terraform.tfvars': 'environment = "production"\n',
      },
      errors: [{ file: 'main.tf', line: 5, column: 25, endLine: 5, endColumn: 29, severity: 'error' }],
    },
    {
      name: 'Cloud SQL without backups and with deletion protection off',
      files: {
        'sql.tf':
          'resource "google_sql_database_instance" "db" {\n  deletion_protection = false\n  settings {\n    tier = "db-f1-micro"\n  }\n}\n',
      },
      errors: [
        {
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 30,
          severity: 'warning',
          message: '`google_sql_database_instance.db` turns deletion protection off (`deletion_protection = false`).',
        },
        {
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          severity: 'warning',
          message:
            '`google_sql_database_instance.db` has no automated backups (`backup_configuration { enabled = true }`).',
        },
      ],
    },
  ],
});
