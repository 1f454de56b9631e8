import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST005-s3-without-lifecycle.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'lifecycle configuration by reference, by literal name, and inline rules',
      files: {
        's3.tf':
          'resource "aws_s3_bucket" "logs" {\n  bucket = "shop-logs"\n}\n' +
          'resource "aws_s3_bucket_lifecycle_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n}\n' +
          'resource "aws_s3_bucket" "assets" {\n  bucket = "shop-assets"\n}\n' +
          'resource "aws_s3_bucket_lifecycle_configuration" "assets" {\n  bucket = "shop-assets"\n}\n' +
          'resource "aws_s3_bucket" "legacy" {\n  lifecycle_rule {\n    enabled = true\n  }\n}\n',
      },
    },
    {
      name: 'a configuration for a bucket whose name is unknown may be this one',
      files: {
        's3.tf':
          'variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n' +
          'resource "aws_s3_bucket_lifecycle_configuration" "c" {\n  bucket = "shop-data"\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no lifecycle, a prevent_destroy meta-argument, and a configuration for another bucket',
      files: {
        's3.tf':
          'resource "aws_s3_bucket" "state" {\n  bucket = "shop-state"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n' +
          'resource "aws_s3_bucket" "other" {\n  bucket = "shop-other"\n}\n' +
          'resource "aws_s3_bucket_lifecycle_configuration" "other" {\n  bucket = aws_s3_bucket.other.id\n}\n' +
          'resource "aws_s3_bucket" "data" {\n  bucket = "shop-data"\n}\n',
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 33,
          message: '`aws_s3_bucket.state` has no lifecycle configuration (no transition or expiration).',
        },
        { line: 13, column: 1, endLine: 13, endColumn: 32, message: /`aws_s3_bucket.data` has no lifecycle/ },
      ],
    },
  ],
});
