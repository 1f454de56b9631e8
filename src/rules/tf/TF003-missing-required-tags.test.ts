import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF003-missing-required-tags.js';

beforeAll(() => initHcl());

const allTags =
  '{\n    Project     = "shop"\n    Environment = "prod"\n    Team        = "web"\n    CostCenter  = "42"\n  }';

ruleTester(rule, {
  valid: [
    {
      name: 'all tags on the resource, keys in other spellings',
      files: { 'main.tf': `resource "aws_s3_bucket" "b" {\n  tags = ${allTags}\n}\n` },
    },
    {
      name: 'provider default_tags count',
      files: {
        'main.tf': `provider "aws" {\n  default_tags {\n    tags = ${allTags}\n  }\n}\nresource "aws_instance" "web" {\n  tags = { Name = "web" }\n}\n`,
      },
    },
    {
      name: 'merge of known locals',
      files: {
        'locals.tf': 'locals {\n  tags = { project = "p", team = "t", cost-center = "c" }\n}\n',
        'main.tf':
          'resource "aws_sqs_queue" "q" {\n  tags = merge(local.tags, { environment = var.env })\n}\nvariable "env" {}\n',
      },
    },
    {
      name: 'unknown tag map is never reported',
      files: { 'main.tf': 'variable "tags" {}\nresource "aws_vpc" "v" {\n  tags = var.tags\n}\n' },
    },
    {
      name: 'merge with an unknown map is open',
      files: {
        'main.tf': 'variable "extra" {}\nresource "aws_vpc" "v" {\n  tags = merge(var.extra, { Name = "v" })\n}\n',
      },
    },
    {
      name: 'types that take no tags are not checked',
      files: { 'main.tf': 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n}\n' },
    },
    {
      name: 'variable default and tfvars value are known',
      files: {
        'main.tf': 'variable "tags" {\n  default = {}\n}\nresource "aws_vpc" "v" {\n  tags = var.tags\n}\n',
        'terraform.tfvars': 'tags = { project = "p", environment = "e", team = "t", cost_center = "c" }\n',
      },
    },
    {
      name: 'configured required list',
      config: { tags: { required: ['owner'] } },
      files: { 'main.tf': 'resource "aws_vpc" "v" {\n  tags = { Owner = "me" }\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'resource without tags',
      files: { 'main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 32,
          message: '`aws_s3_bucket.logs` lacks required tags: project, environment, team, cost-center.',
        },
      ],
    },
    {
      name: 'default tags of another provider alias do not count',
      files: {
        'main.tf': `provider "aws" {\n  alias = "west"\n  default_tags {\n    tags = ${allTags}\n  }\n}\nresource "aws_instance" "web" {\n  tags = { team = "web", project = "p" }\n}\n`,
      },
      errors: [
        {
          line: 12,
          column: 1,
          endLine: 12,
          endColumn: 30,
          message: '`aws_instance.web` lacks required tags: environment, cost-center.',
        },
      ],
    },
    {
      name: 'GCP labels',
      files: { 'gcp.tf': 'resource "google_storage_bucket" "b" {\n  labels = { team = "data" }\n}\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 37,
          message: /lacks required labels: project, environment, cost-center/,
        },
      ],
    },
    {
      name: 'a tag set from a variable counts; the other keys are missing',
      files: {
        'main.tf': 'variable "env" {}\nresource "aws_vpc" "v" {\n  tags = { environment = var.env }\n}\n',
        'prod.tfvars': 'env = "prod"\n',
      },
      errors: [
        { file: 'main.tf', line: 2, column: 1, endLine: 2, endColumn: 23, message: /project, team, cost-center\.$/ },
      ],
    },
  ],
});
