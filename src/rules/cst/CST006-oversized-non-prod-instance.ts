import { defineRule } from '../../core/rule.js';
import { isOversized, smallerSuggestion } from '../../models/instance-families.js';
import { terraformModel } from '../../models/terraform.js';
import { instanceTypeSites, nonProdEnvironment } from './terraform-sites.js';

export const rule = defineRule({
  id: 'CST006',
  title: 'Right-size instances outside production',
  severity: 'info',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'A `4xlarge` costs 4× an `xlarge` around the clock. Development and staging rarely carry production ' +
    'load, so production-sized instances there are usually copied configuration, not a need.',
  fix:
    'Size non-production environments from their own metrics (pass the type per environment, e.g. ' +
    '`instance_type = var.instance_type` with a smaller value in dev/staging tfvars), or stop them off-hours.',
  rollback:
    'Resizing restarts the instance (EC2) or fails over (RDS, ElastiCache); size back up the same way if it is too small.',
  notes:
    'Sizes `4xlarge` and above, and bare metal, of EC2, RDS (`db.*`) and ElastiCache (`cache.*`) types, in ' +
    'environments known to be non-production (path, per-environment tfvars, a known `environment` variable, ' +
    'or every caller of the module). Unknown values and environments are not reported.',
  check(project, ctx) {
    const model = terraformModel(project);
    for (const module of model.modules) {
      const env = nonProdEnvironment(model, module, ctx.settings);
      if (env === undefined) continue;
      for (const site of instanceTypeSites(model, module)) {
        if (!isOversized(site.value)) continue;
        const smaller = smallerSuggestion(site.value);
        ctx.report({
          file: site.file,
          range: site.range,
          message:
            `\`${site.address}\` uses ${site.value} in non-production environment ${env}` +
            `${smaller ? `: size it from its metrics (e.g. ${site.value} → ${smaller})` : ''}.`,
        });
      }
    }
  },
});
