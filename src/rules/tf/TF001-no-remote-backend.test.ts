import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF001-no-remote-backend.js';

beforeAll(() => initHcl());

const provider = 'provider "aws" {\n  region = "eu-west-1"\n}\n';

ruleTester(rule, {
  valid: [
    {
      name: 'root module with an s3 backend in another file',
      files: {
        'infra/main.tf': provider,
        'infra/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n',
      },
    },
    {
      name: 'HCP Terraform cloud block',
      files: { 'main.tf': `terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n${provider}` },
    },
    {
      name: 'a child module (no provider, backend or tfvars) inherits the caller backend',
      files: { 'modules/vpc/main.tf': 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
    },
    {
      name: 'backend in Terraform JSON syntax',
      files: { 'main.tf.json': '{"terraform": {"backend": {"gcs": {"bucket": "s"}}}, "provider": {"google": {}}}' },
    },
  ],
  invalid: [
    {
      name: 'provider without backend: reported on the provider block',
      files: { 'infra/prod/main.tf': `${provider}resource "aws_vpc" "v" {}\n` },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          message: 'Root module `infra/prod` has no remote state backend (no `backend` or `cloud` block).',
        },
      ],
    },
    {
      name: 'terraform block without backend is the anchor',
      files: { 'main.tf': `${provider}terraform {\n  required_version = ">= 1.6"\n}\n` },
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 10, message: /Root module `\.` has no remote state/ }],
    },
    {
      name: 'root by tfvars only',
      files: { 'stack/main.tf': 'module "x" {\n  source = "./m"\n}\n', 'stack/terraform.tfvars': 'a = 1\n' },
      errors: [{ file: 'stack/main.tf', line: 1, column: 1, endLine: 1, endColumn: 11 }],
    },
    {
      name: 'explicit local backend',
      files: { 'main.tf': `terraform {\n  backend "local" {\n    path = "x.tfstate"\n  }\n}\n${provider}` },
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 18,
          message: 'Root module `.` keeps its state in a local backend.',
        },
      ],
    },
  ],
});
