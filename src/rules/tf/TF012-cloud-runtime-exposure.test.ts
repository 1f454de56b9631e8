import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF012-cloud-runtime-exposure.js';

beforeAll(() => initHcl());

const runInvoker = (member: string) =>
  `resource "google_cloud_run_v2_service_iam_member" "public" {\n  name   = "api"\n  role   = "roles/run.invoker"\n  member = "${member}"\n}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'private EKS endpoint, private GKE, authenticated Cloud Run, private Cloud SQL',
      files: {
        'main.tf': [
          'resource "aws_eks_cluster" "main" {',
          '  vpc_config {',
          '    endpoint_public_access = false',
          '  }',
          '}',
          'resource "google_container_cluster" "gke" {',
          '  private_cluster_config {',
          '    enable_private_nodes = true',
          '  }',
          '}',
          'resource "google_sql_database_instance" "db" {',
          '  settings {',
          '    ip_configuration {',
          '      authorized_networks {',
          '        value = "203.0.113.0/24"',
          '      }',
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
        'run.tf': runInvoker('group:eng@example.com'),
      },
    },
    {
      name: 'hardened ECS container and Lambda reading secrets from SSM',
      files: {
        'ecs.tf': [
          'resource "aws_ecs_task_definition" "app" {',
          '  container_definitions = jsonencode([{',
          '    name                   = "app"',
          '    image                  = "ghcr.io/acme/app:1.4.2"',
          '    user                   = "1000"',
          '    readonlyRootFilesystem = true',
          '  }])',
          '}',
          'resource "aws_lambda_function" "f" {',
          '  environment {',
          '    variables = {',
          '      DB_PASSWORD_PATH  = "/app/db/password"',
          '      API_TOKEN         = var.api_token',
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'unknown image and container definitions from a file are not reported',
      files: {
        'ecs.tf':
          'resource "aws_ecs_task_definition" "a" {\n  container_definitions = file("defs.json")\n}\nresource "aws_ecs_task_definition" "b" {\n  container_definitions = jsonencode([{ name = "b", image = var.image, readonlyRootFilesystem = true }])\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'EKS public endpoint by default',
      files: { 'eks.tf': 'resource "aws_eks_cluster" "main" {\n  vpc_config {\n    subnet_ids = ["a"]\n  }\n}\n' },
      errors: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 13,
          severity: 'warning',
          message: 'EKS cluster `aws_eks_cluster.main` has a public API endpoint open to 0.0.0.0/0.',
        },
      ],
    },
    {
      name: 'GKE without private config and with legacy ABAC',
      files: { 'gke.tf': 'resource "google_container_cluster" "gke" {\n  enable_legacy_abac = true\n}\n' },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 42,
          message:
            'GKE cluster `google_container_cluster.gke` has no `private_cluster_config` (public nodes and endpoint).',
        },
        {
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 28,
          message: 'GKE cluster `google_container_cluster.gke` enables legacy ABAC.',
        },
      ],
    },
    {
      name: 'Cloud Run allUsers: info outside prod, warning in prod',
      files: { 'dev/run.tf': runInvoker('allUsers'), 'prod/run.tf': runInvoker('allUsers') },
      errors: [
        { file: 'dev/run.tf', line: 4, column: 12, endLine: 4, endColumn: 22, severity: 'info' },
        {
          file: 'prod/run.tf',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 22,
          severity: 'warning',
          message: 'Cloud Run `google_cloud_run_v2_service_iam_member.public` lets `allUsers` invoke the service.',
        },
      ],
    },
    {
      name: 'Cloud SQL open to the world is an error',
      files: {
        'sql.tf':
          'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        name  = "all"\n        value = "0.0.0.0/0"\n      }\n    }\n  }\n}\n',
      },
      errors: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 28,
          severity: 'error',
          message: 'Cloud SQL `google_sql_database_instance.db` authorizes 0.0.0.0/0.',
        },
      ],
    },
    {
      name: 'ECS container from jsonencode: privileged, root, writable root fs, latest',
      files: {
        'ecs.tf': [
          'resource "aws_ecs_task_definition" "app" {',
          '  container_definitions = jsonencode([',
          '    {',
          '      name       = "web"',
          '      image      = "nginx:latest"',
          '      privileged = true',
          '      user       = "root"',
          '    }',
          '  ])',
          '}',
          '',
        ].join('\n'),
      },
      errors: [
        {
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 25,
          message: 'ECS container `web` in `aws_ecs_task_definition.app` does not set `readonlyRootFilesystem: true`.',
        },
        {
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 34,
          message: 'ECS container `web` in `aws_ecs_task_definition.app` uses `nginx:latest`: latest is not a version.',
        },
        {
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 24,
          message: 'ECS container `web` in `aws_ecs_task_definition.app` is privileged.',
        },
        {
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 26,
          message: 'ECS container `web` in `aws_ecs_task_definition.app` runs as `root`.',
        },
      ],
    },
    {
      name: 'ECS container in heredoc JSON without a tag',
      files: {
        'ecs.tf':
          'resource "aws_ecs_task_definition" "w" {\n  container_definitions = <<EOF\n[{"name": "worker", "image": "acme/worker", "readonlyRootFilesystem": true}]\nEOF\n}\n',
      },
      errors: [{ line: 3, column: 30, endLine: 3, endColumn: 43, message: /uses `acme\/worker` with no tag/ }],
    },
    {
      name: 'Lambda secret literal is an error',
      files: {
        'fn.tf':
          'resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      STRIPE_SECRET_KEY = "sk_live_51Habc123def456"\n    }\n  }\n}\n',
      },
      errors: [
        {
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 52,
          severity: 'error',
          message: /^Lambda `aws_lambda_function.f` sets `STRIPE_SECRET_KEY` to a literal secret \(sk_l\*\*\*\*\)\.$/,
        },
      ],
    },
  ],
});
