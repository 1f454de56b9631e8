import { defineRule } from '../../core/rule.js';
import { type TfModule, type TfResource, terraformModel } from '../../models/terraform.js';
import { asBool, asString } from '../../models/terraform-eval.js';
import { attribute, blockPath, childBlock, isTraversalOf, walkExpr } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'TF009',
  title: 'Keep S3 buckets private, encrypted and versioned',
  severity: 'warning',
  domain: 'cloud',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Public buckets are the most common cloud data leak. A public access block stops a later ACL or policy ' +
    'from exposing the bucket; encryption and versioning protect the data at rest and against overwrites, ' +
    'which matters most for state and backup buckets.',
  fix:
    'Add `aws_s3_bucket_public_access_block` (all four settings true), ' +
    '`aws_s3_bucket_server_side_encryption_configuration`, and `aws_s3_bucket_versioning` with ' +
    '`status = "Enabled"` for state/backup buckets; drop `public-read` ACLs (serve public content through ' +
    'CloudFront with origin access control).',
  rollback:
    'Blocking public access can break clients that read objects anonymously: serve them through CloudFront ' +
    'first. Versioning cannot be removed once enabled, only suspended.',
  peers: ['checkov:CKV_AWS_18', 'checkov:CKV_AWS_19', 'checkov:CKV_AWS_20', 'checkov:CKV_AWS_21'],
  notes:
    '`acl = "public-read"`/`"public-read-write"` (on the bucket or an `aws_s3_bucket_acl`) is an error. The ' +
    'companion resources are matched by a reference to the bucket (`aws_s3_bucket.b.id`) or by its literal ' +
    'name; an `aws_s3_account_public_access_block` covers every bucket. A bucket is a state/backup bucket when ' +
    'its name or resource name contains `state` or `backup`.',
  check(project, ctx) {
    const model = terraformModel(project);
    const accountBlock = model.modules.some((m) =>
      m.resources.some((r) => r.type === 'aws_s3_account_public_access_block'),
    );
    for (const module of model.modules) {
      for (const resource of module.resources) {
        if (resource.mode !== 'managed') continue;
        if (resource.type === 'aws_s3_bucket_acl' || resource.type === 'aws_s3_bucket') {
          const acl = attribute(resource.block.body, 'acl');
          const value = acl ? asString(module.value(acl.value)) : undefined;
          if (acl && value?.startsWith('public-read')) {
            ctx.report({
              file: resource.file,
              range: acl.value.range,
              severity: 'error',
              message: `\`${resource.address}\` grants a public ACL (\`${value}\`).`,
            });
          }
        }
        if (resource.type !== 'aws_s3_bucket') continue;
        const report = (message: string) =>
          ctx.report({
            file: resource.file,
            range: resource.block.headRange,
            message: `\`${resource.address}\` ${message}.`,
          });
        const companions = companionsOf(module, resource);
        if (!accountBlock && !companions.has('aws_s3_bucket_public_access_block')) {
          report('has no `aws_s3_bucket_public_access_block`');
        }
        if (
          !childBlock(resource.block.body, 'server_side_encryption_configuration') &&
          !companions.has('aws_s3_bucket_server_side_encryption_configuration')
        ) {
          report('has no server-side encryption configuration');
        }
        if (
          isStateOrBackup(module, resource) &&
          !isVersioned(module, resource, companions.get('aws_s3_bucket_versioning'))
        ) {
          report('holds state or backups but is not versioned');
        }
      }
    }
  },
});

/**
 * Resources of the module that point (or may point) at the bucket, by type: a reference to it, its literal
 * name, or, when either name is unknown, any companion that does not reference another bucket.
 */
function companionsOf(module: TfModule, bucket: TfResource): Map<string, TfResource> {
  const name = bucketName(module, bucket);
  // Without `bucket`, AWS generates the name: no literal can match it.
  const nameUnknown = name === undefined && attribute(bucket.block.body, 'bucket') !== undefined;
  const out = new Map<string, TfResource>();
  for (const r of module.resources) {
    const target = attribute(r.block.body, 'bucket');
    if (r === bucket || r.mode !== 'managed' || !target) continue;
    let ours = false;
    let other = false;
    walkExpr(target.value, (e) => {
      if (isTraversalOf(e, 'aws_s3_bucket')) {
        if (e.steps[0] === bucket.name) ours = true;
        else other = true;
      }
    });
    const targetName = asString(module.value(target.value));
    const sameName = name !== undefined && targetName === name;
    const maybe = !other && (nameUnknown || targetName === undefined);
    if (ours || sameName || maybe) out.set(r.type, r);
  }
  return out;
}

function bucketName(module: TfModule, bucket: TfResource): string | undefined {
  const name = attribute(bucket.block.body, 'bucket');
  return name ? asString(module.value(name.value)) : undefined;
}

function isStateOrBackup(module: TfModule, bucket: TfResource): boolean {
  return /state|backup/i.test(`${bucket.name} ${bucketName(module, bucket) ?? ''}`);
}

function isVersioned(module: TfModule, bucket: TfResource, versioning: TfResource | undefined): boolean {
  const inline = childBlock(bucket.block.body, 'versioning');
  const enabled = inline ? attribute(inline.body, 'enabled') : undefined;
  if (enabled && asBool(module.value(enabled.value)) !== false) return true;
  if (!versioning) return false;
  const config = blockPath(versioning.block.body, ['versioning_configuration']);
  const status = config ? attribute(config.body, 'status') : undefined;
  if (!status) return false;
  // An unknown status is given the benefit of the doubt.
  const value = asString(module.value(status.value));
  return value === undefined || value === 'Enabled';
}
