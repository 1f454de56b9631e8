import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF009-s3-bucket-protection.js';

beforeAll(() => initHcl());

const companions = (name: string, ref: string) =>
  [
    `resource "aws_s3_bucket_public_access_block" "${name}" {`,
    `  bucket                  = ${ref}`,
    '  block_public_acls       = true',
    '  block_public_policy     = true',
    '  ignore_public_acls      = true',
    '  restrict_public_buckets = true',
    '}',
    `resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {`,
    `  bucket = ${ref}`,
    '  rule {',
    '    apply_server_side_encryption_by_default {',
    '      sse_algorithm = "aws:kms"',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'bucket with public access block and encryption by reference',
      files: {
        's3.tf': `resource "aws_s3_bucket" "assets" {\n  bucket = "acme-assets"\n}\n${companions('assets', 'aws_s3_bucket.assets.id')}`,
      },
    },
    {
      name: 'state bucket versioned, companions matched by literal name, account-level block',
      files: {
        's3.tf': [
          'resource "aws_s3_bucket" "tf" {',
          '  bucket = "acme-terraform-state"',
          '}',
          'resource "aws_s3_bucket_versioning" "tf" {',
          '  bucket = "acme-terraform-state"',
          '  versioning_configuration {',
          '    status = "Enabled"',
          '  }',
          '}',
          'resource "aws_s3_bucket_server_side_encryption_configuration" "tf" {',
          '  bucket = "acme-terraform-state"',
          '  rule {}',
          '}',
          'resource "aws_s3_account_public_access_block" "all" {}',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'bare bucket with a public-read ACL',
      files: { 's3.tf': 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n  acl    = "public-read"\n}\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 32,
          severity: 'warning',
          message: '`aws_s3_bucket.site` has no `aws_s3_bucket_public_access_block`.',
        },
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 32,
          severity: 'warning',
          message: '`aws_s3_bucket.site` has no server-side encryption configuration.',
        },
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 25,
          severity: 'error',
          message: '`aws_s3_bucket.site` grants a public ACL (`public-read`).',
        },
      ],
    },
    {
      name: 'backup bucket without versioning; public-read-write through aws_s3_bucket_acl',
      files: {
        's3.tf': `resource "aws_s3_bucket" "backups" {\n  bucket = "acme-db"\n}\n${companions('backups', 'aws_s3_bucket.backups.id')}resource "aws_s3_bucket_acl" "backups" {\n  bucket = aws_s3_bucket.backups.id\n  acl    = "public-read-write"\n}\n`,
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 35,
          severity: 'warning',
          message: '`aws_s3_bucket.backups` holds state or backups but is not versioned.',
        },
        {
          line: 21,
          column: 12,
          endLine: 21,
          endColumn: 31,
          severity: 'error',
          message: '`aws_s3_bucket_acl.backups` grants a public ACL (`public-read-write`).',
        },
      ],
    },
  ],
});
