import { defineRule } from '../../core/rule.js';
import type { Range } from '../../core/types.js';
import { moduleEnvironment, type TfResource, terraformModel } from '../../models/terraform.js';
import { asBool, asNumber } from '../../models/terraform-eval.js';
import { attribute, blockPath, childBlock } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'TF008',
  title: 'Back up managed databases and protect them from deletion',
  severity: 'warning',
  domain: 'cloud',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'A database without automated backups has no point-in-time recovery, and one without deletion ' +
    'protection or final snapshot is gone after a mistaken `destroy` or a replacement forced by a plan.',
  fix:
    'AWS: `backup_retention_period` ≥ 7, `deletion_protection = true`, `skip_final_snapshot = false` with a ' +
    '`final_snapshot_identifier`. Cloud SQL: `settings { backup_configuration { enabled = true } }` and keep ' +
    '`deletion_protection` on.',
  rollback:
    'Restore from the latest automated backup or final snapshot (`aws rds restore-db-instance-to-point-in-time`, ' +
    '`gcloud sql backups restore`), then `terraform import` the restored instance. Turn deletion protection off ' +
    'only in the change that really retires the database.',
  peers: ['checkov:CKV_AWS_133', 'checkov:CKV_AWS_293', 'checkov:CKV_GCP_14'],
  notes:
    'Error in production (path, per-environment `*.tfvars`, or a known `environment` variable matching the ' +
    'production pattern), warning elsewhere. Read replicas (`replicate_source_db`) are not checked for backups.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      const severity = moduleEnvironment(module, ctx.settings).prod ? 'error' : 'warning';
      for (const resource of module.resources) {
        if (resource.mode !== 'managed') continue;
        const report = (range: Range, problem: string) =>
          ctx.report({ file: resource.file, range, severity, message: `\`${resource.address}\` ${problem}.` });
        if (resource.type === 'aws_db_instance' || resource.type === 'aws_rds_cluster') {
          for (const [range, problem] of awsProblems(resource)) report(range, problem);
        } else if (resource.type === 'google_sql_database_instance') {
          for (const [range, problem] of cloudSqlProblems(resource)) report(range, problem);
        }
      }
    }
  },
});

type Problem = [Range, string];

function awsProblems(resource: TfResource): Problem[] {
  const body = resource.block.body;
  const out: Problem[] = [];
  const retention = attribute(body, 'backup_retention_period');
  if (retention && asNumber(resource.module.value(retention.value)) === 0 && !attribute(body, 'replicate_source_db')) {
    out.push([retention.value.range, 'keeps no automated backups (`backup_retention_period = 0`)']);
  }
  const skip = attribute(body, 'skip_final_snapshot');
  if (skip && asBool(resource.module.value(skip.value)) === true) {
    out.push([skip.value.range, 'is deleted without a final snapshot (`skip_final_snapshot = true`)']);
  }
  const protection = attribute(body, 'deletion_protection');
  const protectedValue = protection ? asBool(resource.module.value(protection.value)) : false;
  if (protectedValue === false) {
    out.push([protection?.value.range ?? resource.block.headRange, 'has no `deletion_protection = true`']);
  }
  return out;
}

function cloudSqlProblems(resource: TfResource): Problem[] {
  const body = resource.block.body;
  const out: Problem[] = [];
  const settings = childBlock(body, 'settings');
  if (settings) {
    const backup = blockPath(body, ['settings', 'backup_configuration']);
    const enabled = backup ? attribute(backup.body, 'enabled') : undefined;
    const on = enabled ? asBool(resource.module.value(enabled.value)) : false;
    if (on === false) {
      const range = enabled?.value.range ?? backup?.headRange ?? settings.headRange;
      out.push([range, 'has no automated backups (`backup_configuration { enabled = true }`)']);
    }
  }
  // Cloud SQL's deletion protection defaults to on: only an explicit `false` is a problem.
  const protection = attribute(body, 'deletion_protection');
  if (protection && asBool(resource.module.value(protection.value)) === false) {
    out.push([protection.value.range, 'turns deletion protection off (`deletion_protection = false`)']);
  }
  return out;
}
