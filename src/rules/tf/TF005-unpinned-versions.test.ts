import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF005-unpinned-versions.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'required_version and provider versions (object and legacy string syntax)',
      files: {
        'versions.tf':
          'terraform {\n  required_version = ">= 1.6"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n    random = "~> 3.6"\n  }\n}\n',
        'main.tf': 'resource "aws_vpc" "v" {}\n',
      },
    },
    {
      name: 'JSON syntax',
      files: {
        'versions.tf.json':
          '{"terraform": {"required_version": "~> 1.9", "required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 5.0"}}}}',
      },
    },
  ],
  invalid: [
    {
      name: 'no terraform block at all: reported on the first block',
      files: { 'modules/vpc/main.tf': 'resource "aws_vpc" "v" {}\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 23,
          message: 'Module `modules/vpc` does not constrain the Terraform version (no `required_version`).',
        },
      ],
    },
    {
      name: 'provider entry without version',
      files: {
        'versions.tf':
          'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
      },
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 10, message: /no `required_version`/ },
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          message: 'Provider `aws` in `required_providers` has no version constraint.',
        },
      ],
    },
    {
      name: 'JSON syntax provider entry without version',
      files: {
        'versions.tf.json':
          '{"terraform": {"required_version": "~> 1.9", "required_providers": {"google": {"source": "hashicorp/google"}}}}',
      },
      errors: [{ line: 1, column: 69, endLine: 1, endColumn: 77, message: /Provider `google`/ }],
    },
  ],
});
