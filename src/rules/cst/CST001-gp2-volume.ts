import { defineRule } from '../../core/rule.js';
import type { Range } from '../../core/types.js';
import { type TfResource, terraformModel } from '../../models/terraform.js';
import { asString } from '../../models/terraform-eval.js';
import type { HclBody, HclExpr } from '../../parsers/hcl.js';
import { attribute, childBlocks } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'CST001',
  title: 'Use gp3 instead of gp2 EBS volumes',
  severity: 'warning',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'gp3 costs about 20% less per GB than gp2 and gives a 3,000 IOPS / 125 MB/s baseline whatever the size, ' +
    'where gp2 ties IOPS to size (small gp2 volumes run out of burst credits).',
  fix: 'Set `type = "gp3"` (`volume_type = "gp3"` in block devices and launch templates); add `iops`/`throughput` only above the baseline.',
  rollback:
    'The change is an in-place volume modification (no detach, no data loss); a volume can be modified once ' +
    'every 6 hours, so change it back to `gp2` only after that window.',
  peers: ['checkov:CKV_AWS_358 (partial)'],
  notes:
    'Covers `aws_ebs_volume.type` (whose provider default is `gp2`, so a missing `type` is reported too), ' +
    '`root_block_device` / `ebs_block_device` `volume_type` of `aws_instance`, `aws_spot_instance_request` and ' +
    '`aws_launch_configuration`, and `block_device_mappings { ebs { volume_type } }` of `aws_launch_template`. ' +
    'A volume type that is not known statically is not reported.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      for (const resource of module.resources) {
        if (resource.mode !== 'managed') continue;
        for (const site of gp2Sites(resource)) {
          ctx.report({ file: resource.file, range: site.range, message: `\`${resource.address}\` ${site.what}.` });
        }
      }
    }
  },
});

interface Gp2Site {
  range: Range;
  what: string;
}

const BLOCK_DEVICE_TYPES = new Set(['aws_instance', 'aws_spot_instance_request', 'aws_launch_configuration']);

function gp2Sites(resource: TfResource): Gp2Site[] {
  const body = resource.block.body;
  if (resource.type === 'aws_ebs_volume') {
    const type = attribute(body, 'type');
    if (!type) return [{ range: resource.block.headRange, what: 'has no `type`, which defaults to gp2: use gp3' }];
    return isGp2(resource, type.value) ? [{ range: type.value.range, what: 'is a gp2 volume: use gp3' }] : [];
  }
  const out: Gp2Site[] = [];
  const check = (b: HclBody, where: string) => {
    const type = attribute(b, 'volume_type');
    if (type && isGp2(resource, type.value)) out.push({ range: type.value.range, what: `has a gp2 ${where}: use gp3` });
  };
  if (BLOCK_DEVICE_TYPES.has(resource.type)) {
    for (const b of childBlocks(body, 'root_block_device')) check(b.body, 'root volume');
    for (const b of childBlocks(body, 'ebs_block_device')) check(b.body, 'EBS volume');
  }
  if (resource.type === 'aws_launch_template') {
    for (const mapping of childBlocks(body, 'block_device_mappings')) {
      for (const ebs of childBlocks(mapping.body, 'ebs')) check(ebs.body, 'EBS volume mapping');
    }
  }
  return out;
}

function isGp2(resource: TfResource, expr: HclExpr): boolean {
  return asString(resource.module.value(expr))?.toLowerCase() === 'gp2';
}
