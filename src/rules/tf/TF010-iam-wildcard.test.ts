import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF010-iam-wildcard.js';

beforeAll(() => initHcl());

ruleTester(rule, {
  valid: [
    {
      name: 'scoped actions and resources; Deny statements; interpolated ARNs',
      files: {
        'iam.tf': [
          'resource "aws_iam_policy" "read" {',
          '  policy = jsonencode({',
          '    Version = "2012-10-17"',
          '    Statement = [',
          '      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "${aws_s3_bucket.b.arn}/*" },',
          '      { Effect = "Deny", Action = "*", Resource = "*" },',
          '    ]',
          '  })',
          '}',
          'data "aws_iam_policy_document" "pass" {',
          '  statement {',
          '    actions   = ["iam:PassRole"]',
          '    resources = [aws_iam_role.task.arn]',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'policy from a data source reference is checked at the data source only',
      files: {
        'iam.tf': 'resource "aws_iam_role_policy" "p" {\n  policy = data.aws_iam_policy_document.x.json\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'jsonencode admin policy',
      files: {
        'iam.tf':
          'resource "aws_iam_policy" "admin" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n',
      },
      errors: [
        {
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 21,
          severity: 'error',
          message: '`aws_iam_policy.admin` allows every action (`*`) on every resource.',
        },
      ],
    },
    {
      name: 'heredoc JSON in a role inline policy with an interpolated ARN elsewhere',
      files: {
        'iam.tf': [
          'resource "aws_iam_role" "ci" {',
          '  inline_policy {',
          '    name   = "all"',
          '    policy = <<-EOF',
          '      {',
          '        "Version": "2012-10-17",',
          '        "Statement": [',
          '          {"Effect": "Allow", "Action": ["s3:*"], "Resource": "${aws_s3_bucket.b.arn}"},',
          '          {"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}',
          '        ]',
          '      }',
          '    EOF',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      errors: [
        { line: 9, column: 42, endLine: 9, endColumn: 47, severity: 'error', message: /every action \(`\*:\*`\)/ },
      ],
    },
    {
      name: 'PassRole on * in a policy document data source is a warning',
      files: {
        'iam.tf':
          'data "aws_iam_policy_document" "deployer" {\n  statement {\n    actions   = ["ecs:UpdateService", "iam:PassRole"]\n    resources = ["*"]\n  }\n}\n',
      },
      errors: [
        {
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 53,
          severity: 'warning',
          message: '`data.aws_iam_policy_document.deployer` allows `iam:PassRole` (iam:PassRole) on every resource.',
        },
      ],
    },
    {
      name: 'JSON string policy from a local',
      files: {
        'iam.tf':
          'locals {\n  admin = "{\\"Statement\\": {\\"Effect\\": \\"Allow\\", \\"Action\\": \\"iam:*\\", \\"Resource\\": \\"*\\"}}"\n}\nresource "aws_iam_user_policy" "u" {\n  policy = local.admin\n}\n',
      },
      errors: [
        { line: 5, column: 12, endLine: 5, endColumn: 23, severity: 'warning', message: /`iam:\*` \(iam:PassRole\)/ },
      ],
    },
  ],
});
