// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold HCL `${…}` interpolation, not JS templates
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRule } from '../../../test/helpers/rule-tester.js';
import type { Finding } from '../../core/types.js';
import { initHcl } from '../../parsers/hcl.js';
import { RULES } from '../registry.js';

/**
 * Soundness of the TF rules on values a review cannot know: a finding claimed while a value is unknown must
 * also hold for every concrete value it could take. Each template has one slot, on a line of its own.
 */

beforeAll(() => initHcl());

// The cost rules read the same Terraform values, so they are held to the same soundness.
const TF_RULES = RULES.filter((r) => r.id.startsWith('TF') || r.id.startsWith('CST'));
const UNKNOWNS = ['var.unknown', 'aws_s3_bucket.other.id', 'upper(var.unknown)', '"${var.unknown}"', 'local.missing'];
const preamble = 'variable "unknown" {}\n';

interface Template {
  files: Record<string, string>;
  literals: string[];
}

const TEMPLATES: Template[] = [
  {
    files: {
      'sg.tf': `${preamble}resource "aws_security_group" "s" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [\n      SLOT\n    ]\n  }\n}\n`,
    },
    literals: ['"0.0.0.0/0"', '"10.0.0.0/8"'],
  },
  {
    files: {
      'sg.tf': `${preamble}resource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  protocol    = "tcp"\n  to_port     = 443\n  cidr_blocks = ["0.0.0.0/0"]\n  from_port   =\n    SLOT\n}\n`,
    },
    literals: ['22', '443', '8080'],
  },
  {
    files: { 'main.tf': `${preamble}resource "aws_instance" "web" {\n  tags =\n    SLOT\n}\n` },
    literals: ['{}', '{ project = "p", environment = "e", team = "t", cost-center = "c" }'],
  },
  {
    files: {
      'main.tf': `${preamble}provider "aws" {\n  default_tags {\n    tags =\n      SLOT\n  }\n}\nresource "aws_vpc" "v" {}\n`,
    },
    literals: ['{}', '{ project = "p", environment = "e", team = "t", cost-center = "c" }'],
  },
  {
    files: {
      'prod/db.tf': `${preamble}resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n  skip_final_snapshot     = false\n  deletion_protection     =\n    SLOT\n}\n`,
    },
    literals: ['true', 'false'],
  },
  {
    files: {
      's3.tf': `${preamble}resource "aws_s3_bucket" "b" {\n  acl    = "private"\n  bucket =\n    SLOT\n}\nresource "aws_s3_bucket_public_access_block" "p" {\n  bucket = "acme-state"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "e" {\n  bucket = "acme-state"\n}\n`,
    },
    literals: ['"acme-state"', '"acme-logs"'],
  },
  {
    files: { 's3.tf': `${preamble}resource "aws_s3_bucket_acl" "a" {\n  bucket = "x"\n  acl    =\n    SLOT\n}\n` },
    literals: ['"private"', '"public-read"'],
  },
  {
    files: {
      'main.tf': `${preamble}terraform {\n  required_version = "~> 1.9"\n  backend "s3" {\n    bucket       = "s"\n    use_lockfile = true\n    encrypt      =\n      SLOT\n  }\n}\nprovider "aws" {}\n`,
    },
    literals: ['true', 'false'],
  },
  {
    files: {
      'iam.tf': `${preamble}resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Resource = "*"\n      Action   =\n        SLOT\n    }]\n  })\n}\n`,
    },
    literals: ['"*"', '"iam:PassRole"', '"s3:GetObject"'],
  },
  {
    files: {
      'eks.tf': `${preamble}resource "aws_eks_cluster" "c" {\n  vpc_config {\n    endpoint_public_access =\n      SLOT\n  }\n}\n`,
    },
    literals: ['true', 'false'],
  },
  {
    files: {
      'ecs.tf': `${preamble}resource "aws_ecs_task_definition" "t" {\n  container_definitions = jsonencode([{\n    name = "app"\n    readonlyRootFilesystem = true\n    image =\n      SLOT\n  }])\n}\n`,
    },
    literals: ['"nginx:1.27"', '"nginx"'],
  },
  {
    files: {
      'fn.tf': `${preamble}resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      DB_PASSWORD =\n        SLOT\n    }\n  }\n}\n`,
    },
    literals: ['"Zq8!rT5wLm"', '"changeme"'],
  },
  {
    files: {
      'sql.tf': `${preamble}resource "google_sql_database_instance" "db" {\n  settings {\n    backup_configuration {\n      enabled = true\n    }\n    ip_configuration {\n      authorized_networks {\n        value =\n          SLOT\n      }\n    }\n  }\n}\n`,
    },
    literals: ['"0.0.0.0/0"', '"203.0.113.0/24"'],
  },
  {
    files: { 'envs/dev/main.tf': `${preamble}resource "aws_instance" "web" {\n  instance_type =\n    SLOT\n}\n` },
    literals: ['"m4.large"', '"m6i.large"', '"m6i.4xlarge"'],
  },
  {
    files: { 'ebs.tf': `${preamble}resource "aws_ebs_volume" "v" {\n  type =\n    SLOT\n}\n` },
    literals: ['"gp2"', '"gp3"'],
  },
  {
    files: { 'logs.tf': `${preamble}resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days =\n    SLOT\n}\n` },
    literals: ['0', '30'],
  },
  {
    files: {
      'envs/dev/eks.tf': `${preamble}resource "aws_eks_node_group" "n" {\n  capacity_type =\n    SLOT\n}\n`,
    },
    literals: ['"ON_DEMAND"', '"SPOT"'],
  },
  {
    files: { 'envs/dev/nat.tf': `${preamble}resource "aws_nat_gateway" "n" {\n  count =\n    SLOT\n}\n` },
    literals: ['1', '3'],
  },
  {
    files: {
      's3.tf': `${preamble}resource "aws_s3_bucket" "b" {\n  bucket = "shop-logs"\n}\nresource "aws_s3_bucket_lifecycle_configuration" "c" {\n  bucket =\n    SLOT\n}\n`,
    },
    literals: ['"shop-logs"', '"other-bucket"'],
  },
];

/** Findings compared without severity and end column (the slot's length moves the end of its own line). */
function keys(files: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const rule of TF_RULES) {
    for (const f of runRule(rule, files) as Finding[])
      out.add(`${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`);
  }
  return out;
}

const fill = (files: Record<string, string>, value: string) =>
  Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t.replace('SLOT', value)]));

describe('TF rules on unknown values', () => {
  it('claim nothing that does not hold for every concrete value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), fc.constantFrom(...UNKNOWNS), (template, unknown) => {
        const withUnknown = keys(fill(template.files, unknown));
        for (const literal of template.literals) {
          const concrete = keys(fill(template.files, literal));
          expect([...withUnknown].filter((k) => !concrete.has(k))).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the templates do fire for some concrete value (the property is not vacuous)', () => {
    for (const template of TEMPLATES) {
      const counts = template.literals.map((l) => keys(fill(template.files, l)).size);
      expect(Math.max(...counts) > Math.min(...counts), JSON.stringify(template.files)).toBe(true);
    }
  });
});
