import { defineRule } from '../../core/rule.js';
import { terraformModel } from '../../models/terraform.js';
import { iamPolicies } from '../../models/terraform-docs.js';

export const rule = defineRule({
  id: 'TF010',
  title: 'Do not grant every action on every resource',
  severity: 'error',
  domain: 'cloud',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    '`Action: "*"` on `Resource: "*"` is account administrator: one leaked credential or compromised workload ' +
    'owns the account. `iam:PassRole` on `*` lets a principal hand any role, admin included, to a service it ' +
    'controls: the classic privilege escalation path.',
  fix:
    'List the actions the workload calls (IAM Access Analyzer can generate them from CloudTrail) and scope ' +
    '`Resource` to ARNs; for PassRole, name the role ARNs and add an `iam:PassedToService` condition.',
  rollback:
    'A narrowed policy can deny a call the workload needs: watch CloudTrail `AccessDenied` after the change ' +
    'and re-apply the previous policy version (`aws iam set-default-policy-version`) if production breaks.',
  peers: ['checkov:CKV_AWS_1', 'checkov:CKV_AWS_62', 'checkov:CKV_AWS_63', 'checkov:CKV_AWS_286'],
  notes:
    'Reads policies written as `jsonencode({...})`, heredoc or string JSON in `aws_iam_policy`, ' +
    '`aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, `aws_iam_role.inline_policy`, and ' +
    '`data "aws_iam_policy_document"` statements. Only `Allow` statements count. PassRole (`iam:PassRole`, ' +
    '`iam:*`, `iam:Pass*`) on `*` is a warning.',
  check(project, ctx) {
    for (const policy of iamPolicies(terraformModel(project))) {
      for (const statement of policy.statements) {
        if (statement.effect !== 'Allow') continue;
        if (!statement.resources.some((r) => r.value === '*')) continue;
        for (const action of statement.actions) {
          if (action.value === '*' || action.value === '*:*') {
            ctx.report({
              file: statement.file,
              range: action.range,
              message: `\`${policy.owner.address}\` allows every action (\`${action.value}\`) on every resource.`,
            });
          } else if (grantsPassRole(action.value)) {
            ctx.report({
              file: statement.file,
              range: action.range,
              severity: 'warning',
              message: `\`${policy.owner.address}\` allows \`${action.value}\` (iam:PassRole) on every resource.`,
            });
          }
        }
      }
    }
  },
});

/** IAM action patterns are case-insensitive globs. */
function grantsPassRole(action: string): boolean {
  const pattern = new RegExp(
    `^${action
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return pattern.test('iam:PassRole');
}
