import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST004-unbounded-log-retention.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'bounded and unknown retention',
      files: {
        'logs.tf':
          'variable "days" {}\nresource "aws_cloudwatch_log_group" "app" {\n  name              = "/shop/app"\n  retention_in_days = 30\n}\n' +
          'resource "aws_cloudwatch_log_group" "audit" {\n  retention_in_days = var.days\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no retention and retention 0',
      files: {
        'logs.tf':
          'resource "aws_cloudwatch_log_group" "app" {\n  name = "/shop/app"\n}\n' +
          'resource "aws_cloudwatch_log_group" "vpc" {\n  retention_in_days = 0\n}\n',
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 42,
          message: '`aws_cloudwatch_log_group.app` has no `retention_in_days`: its logs are kept forever.',
        },
        {
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 24,
          message: '`aws_cloudwatch_log_group.vpc` keeps logs forever (`retention_in_days = 0`).',
        },
      ],
    },
  ],
});
