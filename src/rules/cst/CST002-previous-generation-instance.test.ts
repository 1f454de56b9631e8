import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST002-previous-generation-instance.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'current-generation EC2, RDS and ElastiCache types',
      files: {
        'main.tf':
          'resource "aws_instance" "web" {\n  instance_type = "m6i.large"\n}\n' +
          'resource "aws_db_instance" "db" {\n  instance_class = "db.r7g.large"\n}\n' +
          'resource "aws_elasticache_cluster" "cache" {\n  node_type = "cache.t4g.micro"\n}\n' +
          'resource "aws_eks_node_group" "ng" {\n  instance_types = ["m7i.large", "c6a.xlarge"]\n}\n',
      },
    },
    {
      name: 'unknown types and non-AWS machine types are not reported',
      files: {
        'main.tf':
          'variable "type" {}\nresource "aws_instance" "web" {\n  instance_type = var.type\n}\n' +
          'resource "google_compute_instance" "vm" {\n  machine_type = "n1-standard-4"\n}\n',
      },
    },
    {
      name: 'a local module whose callers agree is checked inside the module, not at the call',
      files: {
        'modules/app/main.tf':
          'variable "instance_type" {}\nresource "aws_instance" "app" {\n  instance_type = var.instance_type\n}\n',
        'main.tf': 'module "app" {\n  source        = "./modules/app"\n  instance_type = "t3.micro"\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'EC2, RDS, ElastiCache and EKS node group types with their suggestions',
      files: {
        'main.tf':
          'resource "aws_instance" "web" {\n  instance_type = "m4.large"\n}\n' +
          'resource "aws_db_instance" "db" {\n  instance_class = "db.t2.micro"\n}\n' +
          'resource "aws_elasticache_replication_group" "cache" {\n  node_type = "cache.r4.large"\n}\n' +
          'resource "aws_eks_node_group" "ng" {\n  instance_types = ["m5.large", "t2.medium"]\n}\n',
      },
      errors: [
        {
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 29,
          message: '`aws_instance.web` uses a previous-generation type: m4.large → m6i.large (or m7g.large).',
        },
        {
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 33,
          message: '`aws_db_instance.db` uses a previous-generation type: db.t2.micro → db.t3.micro (or db.t4g.micro).',
        },
        {
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 31,
          message:
            '`aws_elasticache_replication_group.cache` uses a previous-generation type: cache.r4.large → cache.r6g.large (or cache.r7g.large).',
        },
        {
          line: 11,
          column: 33,
          endLine: 11,
          endColumn: 44,
          message: '`aws_eks_node_group.ng` uses a previous-generation type: t2.medium → t3.medium (or t4g.medium).',
        },
      ],
    },
    {
      name: 'sizes the new family lacks round up; ASG overrides',
      files: {
        'asg.tf':
          'resource "aws_autoscaling_group" "workers" {\n  mixed_instances_policy {\n    launch_template {\n      override {\n        instance_type = "m1.small"\n      }\n      override {\n        instance_type = "m6i.large"\n      }\n    }\n  }\n}\n',
      },
      errors: [
        {
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 35,
          message:
            '`aws_autoscaling_group.workers` uses a previous-generation type: m1.small → m6i.large (or m7g.medium).',
        },
      ],
    },
    {
      name: 'local module whose callers disagree: reported at each call with the old type',
      files: {
        'modules/app/main.tf':
          'variable "instance_type" {}\nresource "aws_instance" "app" {\n  instance_type = var.instance_type\n}\n',
        'envs/dev/main.tf': 'module "app" {\n  source        = "../../modules/app"\n  instance_type = "t3.micro"\n}\n',
        'envs/prod/main.tf':
          'module "app" {\n  source        = "../../modules/app"\n  instance_type = "c4.xlarge"\n}\n',
      },
      errors: [
        {
          file: 'envs/prod/main.tf',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 30,
          message: '`module.app` uses a previous-generation type: c4.xlarge → c6i.xlarge (or c7g.xlarge).',
        },
      ],
    },
  ],
});
