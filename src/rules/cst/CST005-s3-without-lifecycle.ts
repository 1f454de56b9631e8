import { defineRule } from '../../core/rule.js';
import { type TfModule, type TfResource, terraformModel } from '../../models/terraform.js';
import { asString } from '../../models/terraform-eval.js';
import { attribute, childBlocks, isTraversalOf, walkExpr } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'CST005',
  title: 'Give S3 buckets a lifecycle configuration',
  severity: 'info',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Without lifecycle rules every object (and, in versioned buckets, every old version) stays in the most ' +
    'expensive storage class forever; logs, artifacts and backups are the usual culprits.',
  fix:
    'Add an `aws_s3_bucket_lifecycle_configuration` with a transition (e.g. to `STANDARD_IA`/`GLACIER_IR`) ' +
    'and/or an expiration, plus `noncurrent_version_expiration` for versioned buckets.',
  rollback:
    'An expiration deletes objects on its next run: apply it only after confirming the retention ' +
    'requirements; removing the configuration stops further transitions but does not restore deleted objects.',
  peers: ['checkov:CKV2_AWS_61'],
  notes:
    'A bucket counts as covered by an inline `lifecycle_rule` block or by an ' +
    '`aws_s3_bucket_lifecycle_configuration` of the same module that references it (`aws_s3_bucket.b.id`), ' +
    'names it literally, or names a bucket that is not known statically. The `lifecycle {}` meta-argument ' +
    '(`prevent_destroy`) is not a lifecycle configuration.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      for (const bucket of module.resources) {
        if (bucket.mode !== 'managed' || bucket.type !== 'aws_s3_bucket') continue;
        if (childBlocks(bucket.block.body, 'lifecycle_rule').length > 0 || hasLifecycleConfiguration(module, bucket)) {
          continue;
        }
        ctx.report({
          file: bucket.file,
          range: bucket.block.headRange,
          message: `\`${bucket.address}\` has no lifecycle configuration (no transition or expiration).`,
        });
      }
    }
  },
});

function hasLifecycleConfiguration(module: TfModule, bucket: TfResource): boolean {
  const nameAttr = attribute(bucket.block.body, 'bucket');
  const name = nameAttr ? asString(module.value(nameAttr.value)) : undefined;
  // Without `bucket`, AWS generates the name: no literal can match it.
  const nameUnknown = nameAttr !== undefined && name === undefined;
  return module.resources.some((r) => {
    if (r.mode !== 'managed' || r.type !== 'aws_s3_bucket_lifecycle_configuration') return false;
    const target = attribute(r.block.body, 'bucket');
    if (!target) return false;
    let ours = false;
    let other = false;
    walkExpr(target.value, (e) => {
      if (isTraversalOf(e, 'aws_s3_bucket')) {
        if (e.steps[0] === bucket.name) ours = true;
        // A reference to a bucket the module does not declare is broken, not evidence of another bucket.
        else if (module.resources.some((x) => x.type === 'aws_s3_bucket' && x.name === e.steps[0])) other = true;
      }
    });
    if (ours) return true;
    if (other) return false;
    const targetName = asString(module.value(target.value));
    // Either name unknown: the configuration may be this bucket's, so do not claim it is missing.
    return targetName === undefined || nameUnknown || targetName === name;
  });
}
