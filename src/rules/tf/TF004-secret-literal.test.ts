import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF004-secret-literal.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'references, functions and generated passwords',
      files: {
        'main.tf': [
          'resource "random_password" "db" {',
          '  length = 32',
          '}',
          'resource "aws_db_instance" "db" {',
          '  password = random_password.db.result',
          '  manage_master_user_password = true',
          '}',
          'provider "aws" {',
          '  access_key = var.access_key',
          '  token      = "${var.token}"',
          '}',
          'resource "aws_secretsmanager_secret_version" "v" {',
          '  secret_string = jsonencode({ password = random_password.db.result })',
          '}',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'variables without defaults, placeholders, names that are references',
      files: {
        'variables.tf':
          'variable "db_password" {\n  sensitive = true\n}\nvariable "api_token" {\n  default = "changeme"\n}\nvariable "secret_arn" {\n  default = "arn:aws:secretsmanager:eu-west-1:1:secret:x"\n}\n',
      },
    },
    {
      name: 'outputs are not literals',
      files: {
        'outputs.tf': 'output "password" {\n  value     = aws_db_instance.db.password\n  sensitive = true\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'provider credentials',
      files: {
        'main.tf':
          'provider "aws" {\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n',
      },
      errors: [
        {
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 38,
          message: '`access_key` of `provider.aws` holds a literal secret (AKIA****).',
        },
        {
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 58,
          message: '`secret_key` of `provider.aws` holds a literal secret (wJal****).',
        },
      ],
    },
    {
      name: 'master password of a database, nested block, module argument',
      files: {
        'db.tf': [
          'resource "aws_db_instance" "db" {',
          '  username = "admin"',
          '  password = "Sup3rS3cret!"',
          '}',
          'resource "aws_opensearch_domain" "o" {',
          '  advanced_security_options {',
          '    master_user_options {',
          '      master_user_password = "An0therS3cret"',
          '    }',
          '  }',
          '}',
          'module "app" {',
          '  source      = "./app"',
          '  db_password = "hunter2hunter2"',
          '}',
          '',
        ].join('\n'),
      },
      errors: [
        {
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 28,
          message: '`password` of `aws_db_instance.db` holds a literal secret (Sup3****).',
        },
        {
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 45,
          message: /`master_user_password` of `aws_opensearch_domain.o`/,
        },
        {
          line: 14,
          column: 17,
          endLine: 14,
          endColumn: 33,
          message: '`db_password` of `module.app` holds a literal secret (hunt****).',
        },
      ],
    },
    {
      name: 'variable default',
      files: { 'variables.tf': 'variable "admin_password" {\n  type    = string\n  default = "P@ssw0rd-2024"\n}\n' },
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 28,
          message: 'The default of variable `admin_password` holds a literal secret (P@ss****).',
        },
      ],
    },
    {
      name: 'committed tfvars and JSON syntax',
      files: {
        'prod.tfvars': 'region      = "eu-west-1"\ndb_password = "xK9#mPq2vL"\n',
        'main.tf.json': '{"resource": {"aws_rds_cluster": {"c": {"master_password": "Zq8!rT5wLm"}}}}',
      },
      errors: [
        {
          file: 'main.tf.json',
          line: 1,
          column: 60,
          endLine: 1,
          endColumn: 72,
          message: /`master_password` of `aws_rds_cluster.c`/,
        },
        {
          file: 'prod.tfvars',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 27,
          message: '`db_password` holds a literal secret (xK9#****).',
        },
      ],
    },
  ],
});
