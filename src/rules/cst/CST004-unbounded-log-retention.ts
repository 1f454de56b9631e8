import { defineRule } from '../../core/rule.js';
import { terraformModel } from '../../models/terraform.js';
import { asNumber } from '../../models/terraform-eval.js';
import { attribute } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'CST004',
  title: 'Bound CloudWatch log retention',
  severity: 'warning',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'A CloudWatch log group keeps its events forever unless told otherwise, and storage is billed every ' +
    'month for every byte ever written: the bill grows without anyone deciding it should.',
  fix: 'Set `retention_in_days` (e.g. 30 for application logs, longer only where an audit requirement says so).',
  rollback:
    'Shortening retention deletes older events for good: export what must be kept (S3, `create-export-task`) ' +
    'before lowering it; lengthening it again does not bring deleted events back.',
  peers: ['checkov:CKV_AWS_338', 'checkov:CKV_AWS_66'],
  notes: '`retention_in_days = 0` means "never expire" and is reported too; an unknown value is not.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      for (const resource of module.resources) {
        if (resource.mode !== 'managed' || resource.type !== 'aws_cloudwatch_log_group') continue;
        const retention = attribute(resource.block.body, 'retention_in_days');
        if (retention && asNumber(module.value(retention.value)) !== 0) continue;
        ctx.report({
          file: resource.file,
          range: retention?.value.range ?? resource.block.headRange,
          message: retention
            ? `\`${resource.address}\` keeps logs forever (\`retention_in_days = 0\`).`
            : `\`${resource.address}\` has no \`retention_in_days\`: its logs are kept forever.`,
        });
      }
    }
  },
});
