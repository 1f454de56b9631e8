import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Range } from '../../core/types.js';
import { type TfModule, terraformModel } from '../../models/terraform.js';
import { asBool, asNumber, type HclValue, isKnown, isMap, isOpen } from '../../models/terraform-eval.js';
import type { HclExpr } from '../../parsers/hcl.js';
import { attribute } from '../../parsers/hcl-ast.js';
import { nonProdEnvironment } from './terraform-sites.js';

export const rule = defineRule({
  id: 'CST007',
  title: 'One NAT gateway is enough outside production',
  severity: 'info',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Each NAT gateway is billed by the hour plus per GB processed. One per availability zone keeps egress up ' +
    'when a zone fails, which production needs and development or staging usually does not.',
  fix:
    'Use a single NAT gateway in non-production environments (terraform-aws-modules/vpc: ' +
    '`single_nat_gateway = true`), or `count = var.environment == "prod" ? length(var.azs) : 1`.',
  rollback:
    'Removing NAT gateways changes the private subnets’ default routes: apply during a quiet period and ' +
    'check egress from every subnet; add them back the same way if a zone’s egress must survive an outage.',
  notes:
    'Counts `aws_nat_gateway` resources (with a known `count`/`for_each`) per module, and ' +
    'terraform-aws-modules/vpc calls with `enable_nat_gateway = true` and no `single_nat_gateway = true` (one ' +
    'per AZ or subnet). Only in environments known to be non-production; unknown counts are not reported.',
  check(project, ctx) {
    const model = terraformModel(project);
    for (const module of model.modules) {
      const env = nonProdEnvironment(model, module, ctx.settings);
      if (env === undefined) continue;
      const gateways: { file: SourceFile; range: Range; address: string; n: number }[] = [];
      for (const r of module.resources) {
        if (r.mode !== 'managed' || r.type !== 'aws_nat_gateway') continue;
        const meta = attribute(r.block.body, 'count') ?? attribute(r.block.body, 'for_each');
        const n = meta ? instances(module, meta.name, meta.value) : 1;
        if (n !== undefined)
          gateways.push({ file: r.file, range: meta?.value.range ?? r.block.headRange, address: r.address, n });
      }
      const total = gateways.reduce((s, g) => s + g.n, 0);
      const last = gateways[gateways.length - 1];
      if (total > 1 && last) {
        ctx.report({
          file: last.file,
          range: last.range,
          message:
            `${total} NAT gateways (${gateways.map((g) => `\`${g.address}\``).join(', ')}) in non-production ` +
            `environment ${env}: one is enough there.`,
        });
      }
      for (const call of module.moduleCalls) {
        if (!call.source?.value.includes('terraform-aws-modules/vpc')) continue;
        const enable = attribute(call.block.body, 'enable_nat_gateway');
        if (!enable || asBool(module.value(enable.value)) !== true) continue;
        const single = attribute(call.block.body, 'single_nat_gateway');
        const singleValue = single ? asBool(module.value(single.value)) : false;
        if (singleValue !== false) continue;
        ctx.report({
          file: call.file,
          range: single?.value.range ?? enable.value.range,
          message:
            `\`module.${call.name}\` creates a NAT gateway per availability zone in non-production environment ` +
            `${env}: set \`single_nat_gateway = true\`.`,
        });
      }
    }
  },
});

/** Instances a `count` / `for_each` creates, when known (`length(local.azs)` of a known list counts). */
function instances(module: TfModule, meta: string, expr: HclExpr): number | undefined {
  if (meta === 'count') {
    if (expr.kind === 'call' && expr.name === 'length' && expr.args.length === 1 && !expr.expandFinal) {
      const list = module.value(expr.args[0] as HclExpr);
      return Array.isArray(list) ? list.length : sizeOf(list);
    }
    return asNumber(module.value(expr));
  }
  return sizeOf(module.value(expr));
}

function sizeOf(v: HclValue): number | undefined {
  // Unknown elements may be duplicates that `toset` collapses: only a fully known list is counted.
  if (Array.isArray(v)) return isKnown(v) ? new Set(v.map((x) => JSON.stringify(x))).size : undefined;
  if (isMap(v) && !isOpen(v)) return Object.keys(v).length;
  return undefined;
}
