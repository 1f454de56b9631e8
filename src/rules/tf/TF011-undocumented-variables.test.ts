import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF011-undocumented-variables.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'documented and typed',
      files: {
        'variables.tf':
          'variable "region" {\n  description = "AWS region"\n  type        = string\n}\noutput "id" {\n  description = "VPC ID"\n  value       = aws_vpc.v.id\n}\n',
      },
    },
    {
      name: 'JSON syntax',
      files: { 'variables.tf.json': '{"variable": {"region": {"description": "r", "type": "string"}}}' },
    },
  ],
  invalid: [
    {
      name: 'variable without description and type, output without description',
      files: {
        'variables.tf':
          'variable "region" {}\nvariable "zones" {\n  type = list(string)\n}\noutput "id" {\n  value = 1\n}\n',
      },
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 18, message: 'Variable `region` has no description and no type.' },
        { line: 2, column: 1, endLine: 2, endColumn: 17, message: 'Variable `zones` has no description.' },
        { line: 5, column: 1, endLine: 5, endColumn: 12, message: 'Output `id` has no description.' },
      ],
    },
    {
      name: 'JSON syntax without type',
      files: { 'variables.tf.json': '{"variable": {"region": {"description": "r"}}}' },
      errors: [{ line: 1, column: 2, endLine: 1, endColumn: 23, message: 'Variable `region` has no type.' }],
    },
  ],
});
