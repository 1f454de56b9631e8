import { defineRule } from '../../core/rule.js';
import type { Range } from '../../core/types.js';
import { type TfModule, type TfResource, terraformModel } from '../../models/terraform.js';
import { asBool, asNumber, asString } from '../../models/terraform-eval.js';
import type { HclExpr } from '../../parsers/hcl.js';
import { attribute, blockPath, isTraversalOf, walkExpr } from '../../parsers/hcl-ast.js';
import { nonProdEnvironment } from './terraform-sites.js';

export const rule = defineRule({
  id: 'CST003',
  title: 'Use spot capacity for non-production node pools',
  severity: 'info',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Spot / preemptible capacity costs 60–90% less than on-demand. Non-production node pools and ' +
    'auto-scaling groups of stateless services tolerate the occasional reclaim, so paying on-demand prices ' +
    'there is the most common avoidable compute cost.',
  fix:
    'EKS: `capacity_type = "SPOT"` with several instance types; ASG: a `mixed_instances_policy` with ' +
    '`on_demand_percentage_above_base_capacity = 0`; GKE: `node_config { spot = true }`.',
  rollback:
    'Switching a node group back to on-demand replaces its nodes: drain them gradually (PodDisruptionBudgets ' +
    'hold) or create an on-demand group beside it before removing the spot one.',
  notes:
    'Only in environments known to be non-production (path, per-environment tfvars, a known `environment` ' +
    'variable, or every caller of the module). Covers `aws_eks_node_group` (`capacity_type`), ' +
    '`aws_autoscaling_group` (spot share of a mixed-instances policy, or a launch template with spot market ' +
    'options) and `google_container_node_pool` (`spot`/`preemptible`). Unknown values are not reported.',
  check(project, ctx) {
    const model = terraformModel(project);
    for (const module of model.modules) {
      const env = nonProdEnvironment(model, module, ctx.settings);
      if (env === undefined) continue;
      for (const resource of module.resources) {
        if (resource.mode !== 'managed') continue;
        const problem = onDemandOnly(module, resource);
        if (!problem) continue;
        ctx.report({
          file: resource.file,
          range: problem.range,
          message: `\`${resource.address}\` runs only on-demand capacity in non-production environment ${env}: ${problem.hint}.`,
        });
      }
    }
  },
});

interface Problem {
  range: Range;
  hint: string;
}

function onDemandOnly(module: TfModule, resource: TfResource): Problem | undefined {
  const body = resource.block.body;
  const value = (expr: HclExpr) => module.value(expr);
  switch (resource.type) {
    case 'aws_eks_node_group': {
      const capacity = attribute(body, 'capacity_type');
      if (!capacity) return { range: resource.block.headRange, hint: 'set `capacity_type = "SPOT"`' };
      return asString(value(capacity.value)) === 'ON_DEMAND'
        ? { range: capacity.value.range, hint: 'use `capacity_type = "SPOT"`' }
        : undefined;
    }
    case 'aws_autoscaling_group': {
      if (usesSpotLaunchTemplate(module, resource)) return undefined;
      const policy = blockPath(body, ['mixed_instances_policy']);
      if (!policy)
        return { range: resource.block.headRange, hint: 'add a `mixed_instances_policy` with spot capacity' };
      const distribution = blockPath(policy.body, ['instances_distribution']);
      const share = distribution ? attribute(distribution.body, 'on_demand_percentage_above_base_capacity') : undefined;
      // The provider default is 100% on-demand above the base capacity.
      if (!share) {
        return {
          range: (distribution ?? policy).headRange,
          hint: 'set `on_demand_percentage_above_base_capacity` below 100',
        };
      }
      return asNumber(value(share.value)) === 100
        ? { range: share.value.range, hint: 'lower `on_demand_percentage_above_base_capacity` below 100' }
        : undefined;
    }
    case 'google_container_node_pool': {
      const config = blockPath(body, ['node_config']);
      const spot = config ? (attribute(config.body, 'spot') ?? attribute(config.body, 'preemptible')) : undefined;
      const other = config && spot ? attribute(config.body, spot.name === 'spot' ? 'preemptible' : 'spot') : undefined;
      const flags = [spot, other].flatMap((a) => (a ? [asBool(value(a.value))] : []));
      if (flags.some((f) => f !== false)) return undefined;
      return {
        range: spot?.value.range ?? config?.headRange ?? resource.block.headRange,
        hint: 'set `node_config { spot = true }`',
      };
    }
    default:
      return undefined;
  }
}

/** An ASG whose launch template (referenced in this module) requests the spot market. */
function usesSpotLaunchTemplate(module: TfModule, asg: TfResource): boolean {
  const refs = new Set<string>();
  const lt = blockPath(asg.block.body, ['launch_template']);
  if (!lt) return false;
  for (const a of lt.body.attributes) {
    walkExpr(a.value, (e) => {
      if (isTraversalOf(e, 'aws_launch_template') && typeof e.steps[0] === 'string') refs.add(e.steps[0]);
    });
  }
  return module.resources.some((r) => {
    if (r.type !== 'aws_launch_template' || !refs.has(r.name)) return false;
    const market = blockPath(r.block.body, ['instance_market_options']);
    const type = market ? attribute(market.body, 'market_type') : undefined;
    return type !== undefined && asString(module.value(type.value)) !== 'on-demand';
  });
}
