import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST007-multiple-nat-gateways.js';

beforeAll(() => initHcl());

const vpc = (extra: string) =>
  `module "vpc" {\n  source             = "terraform-aws-modules/vpc/aws"\n  version            = "5.16.0"\n  enable_nat_gateway = true\n${extra}}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'one NAT gateway in dev; one per AZ in prod',
      files: {
        'envs/dev/main.tf': `${vpc('  single_nat_gateway = true\n')}resource "aws_nat_gateway" "extra" {}\n`,
        'envs/prod/main.tf': `${vpc('')}resource "aws_nat_gateway" "a" {}\nresource "aws_nat_gateway" "b" {}\n`,
      },
    },
    {
      name: 'unknown count',
      files: {
        'envs/dev/nat.tf': 'variable "azs" {}\nresource "aws_nat_gateway" "nat" {\n  count = length(var.azs)\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'count of a known list in dev',
      files: {
        'envs/dev/nat.tf':
          'locals {\n  azs = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]\n}\nresource "aws_nat_gateway" "nat" {\n  count = length(local.azs)\n}\n',
      },
      errors: [
        {
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 28,
          message: '3 NAT gateways (`aws_nat_gateway.nat`) in non-production environment dev: one is enough there.',
        },
      ],
    },
    {
      name: 'two resources, and a VPC module with one NAT gateway per AZ, in staging',
      files: {
        'staging/network.tf': `resource "aws_nat_gateway" "a" {}\nresource "aws_nat_gateway" "b" {}\n${vpc('  single_nat_gateway = false\n')}`,
      },
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 31,
          message: /^2 NAT gateways \(`aws_nat_gateway.a`, `aws_nat_gateway.b`\)/,
        },
        {
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 29,
          message:
            '`module.vpc` creates a NAT gateway per availability zone in non-production environment staging: set `single_nat_gateway = true`.',
        },
      ],
    },
  ],
});
