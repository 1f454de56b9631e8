import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './CST003-no-spot-capacity.js';

beforeAll(() => initHcl());

const nodeGroup = (extra: string) => `resource "aws_eks_node_group" "workers" {\n  cluster_name = "shop"\n${extra}}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'spot node group, ASG with a spot share and GKE spot pool in dev',
      files: {
        'envs/dev/main.tf':
          nodeGroup('  capacity_type = "SPOT"\n') +
          'resource "aws_autoscaling_group" "asg" {\n  mixed_instances_policy {\n    instances_distribution {\n      on_demand_percentage_above_base_capacity = 0\n    }\n  }\n}\n' +
          'resource "google_container_node_pool" "pool" {\n  node_config {\n    spot = true\n  }\n}\n',
      },
    },
    {
      name: 'on-demand is fine in production and where the environment is unknown',
      files: { 'envs/prod/main.tf': nodeGroup(''), 'platform/main.tf': nodeGroup('') },
    },
    {
      name: 'an ASG whose launch template asks for spot',
      files: {
        'staging/asg.tf':
          'resource "aws_launch_template" "lt" {\n  instance_market_options {\n    market_type = "spot"\n  }\n}\n' +
          'resource "aws_autoscaling_group" "asg" {\n  launch_template {\n    id = aws_launch_template.lt.id\n  }\n}\n',
      },
    },
    {
      name: 'a module shared by dev and prod is not non-production',
      files: {
        'modules/eks/main.tf': nodeGroup(''),
        'envs/dev/main.tf': 'module "eks" {\n  source = "../../modules/eks"\n}\n',
        'envs/prod/main.tf': 'module "eks" {\n  source = "../../modules/eks"\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'on-demand node group in dev (default and explicit)',
      files: {
        'envs/dev/eks.tf': `${nodeGroup('')}${nodeGroup('  capacity_type = "ON_DEMAND"\n').replace('"workers"', '"system"')}`,
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 40,
          message:
            '`aws_eks_node_group.workers` runs only on-demand capacity in non-production environment dev: set `capacity_type = "SPOT"`.',
        },
        { line: 6, column: 19, endLine: 6, endColumn: 30, message: /aws_eks_node_group.system.*use `capacity_type/ },
      ],
    },
    {
      name: 'ASG without a spot share, GKE pool without spot; environment from a tfvars value and a module caller',
      files: {
        'infra/main.tf':
          'variable "environment" {}\nresource "aws_autoscaling_group" "asg" {\n  mixed_instances_policy {\n    instances_distribution {\n      on_demand_base_capacity = 1\n    }\n  }\n}\n',
        'infra/terraform.tfvars': 'environment = "staging"\n',
        'modules/gke/main.tf':
          'resource "google_container_node_pool" "pool" {\n  node_config {\n    machine_type = "e2-standard-4"\n  }\n}\n',
        'envs/qa/main.tf': 'module "gke" {\n  source = "../../modules/gke"\n}\n',
      },
      errors: [
        {
          file: 'infra/main.tf',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 27,
          message:
            '`aws_autoscaling_group.asg` runs only on-demand capacity in non-production environment staging: set `on_demand_percentage_above_base_capacity` below 100.',
        },
        {
          file: 'modules/gke/main.tf',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 14,
          message: /google_container_node_pool.pool` runs only on-demand capacity in non-production environment qa/,
        },
      ],
    },
  ],
});
