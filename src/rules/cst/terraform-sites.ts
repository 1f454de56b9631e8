import type { RuleSettings } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Range } from '../../core/types.js';
import {
  type LocatedString,
  moduleEnvironment,
  stringsWithRanges,
  type TerraformModel,
  type TfModule,
} from '../../models/terraform.js';
import { UNKNOWN } from '../../models/terraform-eval.js';
import type { HclBody } from '../../parsers/hcl.js';
import { attribute, blockPath, childBlocks } from '../../parsers/hcl-ast.js';

/** Where the cost rules find instance types and environments in a Terraform model (CST002, CST003, CST006, CST007). */

export interface InstanceTypeSite {
  file: SourceFile;
  /** `aws_instance.web`, or `module.db` for an argument of a remote module. */
  address: string;
  value: string;
  range: Range;
}

/** Attributes holding an instance type, by resource type (a list attribute yields each element). */
const INSTANCE_TYPE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_instance: ['instance_type'],
  aws_spot_instance_request: ['instance_type'],
  aws_launch_template: ['instance_type'],
  aws_launch_configuration: ['instance_type'],
  aws_eks_node_group: ['instance_types'],
  aws_db_instance: ['instance_class'],
  aws_rds_cluster_instance: ['instance_class'],
  aws_rds_cluster: ['db_cluster_instance_class'],
  aws_elasticache_cluster: ['node_type'],
  aws_elasticache_replication_group: ['node_type'],
};

/** Arguments of a module call that name an instance type (terraform-aws-modules and most in-house modules). */
const MODULE_ARGUMENT = /(^|_)(instance_types?|instance_class|node_type)$/;

/**
 * Every statically known instance type of a module: resource attributes, ASG mixed-instances overrides, and
 * module call arguments. A local module's resources see the caller's value only when every caller agrees;
 * when they disagree (dev passes `t3.small`, prod `m4.large`) the value is reported at each call instead.
 */
export function instanceTypeSites(model: TerraformModel, module: TfModule): InstanceTypeSite[] {
  const out: InstanceTypeSite[] = [];
  const add = (file: SourceFile, address: string, located: LocatedString[]) => {
    for (const l of located) out.push({ file, address, value: l.value, range: l.range });
  };
  for (const resource of module.resources) {
    if (resource.mode !== 'managed') continue;
    const body = resource.block.body;
    for (const name of INSTANCE_TYPE_ATTRIBUTES[resource.type] ?? []) {
      const a = attribute(body, name);
      if (a) add(resource.file, resource.address, stringsWithRanges(module, a.value));
    }
    if (resource.type === 'aws_autoscaling_group') {
      const template = blockPath(body, ['mixed_instances_policy', 'launch_template']);
      for (const override of template ? childBlocks(template.body, 'override') : []) {
        const a = attribute(override.body, 'instance_type');
        if (a) add(resource.file, resource.address, stringsWithRanges(module, a.value));
      }
    }
  }
  for (const call of module.moduleCalls) {
    const target = call.localDir === undefined ? undefined : model.modules.find((m) => m.dir === call.localDir);
    for (const a of call.block.body.attributes) {
      if (!MODULE_ARGUMENT.test(a.name)) continue;
      // Known inside the module: its resources report it there.
      if (target && target.scope.variable(a.name) !== UNKNOWN) continue;
      add(call.file, `module.${call.name}`, stringsWithRanges(module, a.value));
    }
  }
  return out;
}

/**
 * The environment a module is applied to when it is known and not production: its own (path, per-environment
 * tfvars, a known `environment` variable), else that of every module calling it. Undefined when any of them
 * is production or unknown: the non-prod rules stay quiet rather than guess.
 */
export function nonProdEnvironment(
  model: TerraformModel,
  module: TfModule,
  settings: Pick<RuleSettings, 'isProd'>,
): string | undefined {
  const names = new Set<string>();
  const visit = (m: TfModule, depth: number, seen: Set<string>): boolean => {
    if (seen.has(m.dir) || depth > 8) return false;
    seen.add(m.dir);
    const own = moduleEnvironment(m, settings);
    if (own.prod) return false;
    if (own.name !== undefined) {
      names.add(own.name);
      return true;
    }
    const callers = model.callersOf(m.dir);
    if (callers.length === 0) return false;
    return callers.every((c) => visit(c.module, depth + 1, new Set(seen)));
  };
  return visit(module, 0, new Set()) && names.size > 0 ? [...names].sort().join(', ') : undefined;
}

/** True when a body sets `name` to a block or attribute (for "has X" checks that accept either syntax). */
export function hasBlockOrAttribute(body: HclBody, name: string): boolean {
  return childBlocks(body, name).length > 0 || attribute(body, name) !== undefined;
}
