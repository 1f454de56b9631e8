import { defineRule } from '../../core/rule.js';
import { previousGenerationSuggestion } from '../../models/instance-families.js';
import { terraformModel } from '../../models/terraform.js';
import { instanceTypeSites } from './terraform-sites.js';

export const rule = defineRule({
  id: 'CST002',
  title: 'Move off previous-generation instance families',
  severity: 'warning',
  domain: 'cost',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Previous-generation families (t2, m4, c4, r4, db.m4, cache.r4 …) cost more per unit of performance than ' +
    'their current equivalents, run on older hardware, and are the first to lose capacity and support.',
  fix:
    'Change the type to the current-generation equivalent named in the message (e.g. `m4.large → m6i.large`, ' +
    'or Graviton `m7g.large` where the software runs on arm64).',
  rollback:
    'An EC2 type change stops and starts the instance; an RDS or ElastiCache class change fails over or ' +
    'restarts in the maintenance window. Revert the type in the same way if performance regresses.',
  peers: ['trusted-advisor:previous-generation'],
  notes:
    'EC2 families t1, t2, m1, m2, m3, m4, c1, c3, c4, r3, r4, i2, d2, g2, g3, p2, x1 (in `aws_instance`, launch ' +
    'templates and configurations, ASG mixed-instances overrides, EKS node group `instance_types`), RDS ' +
    '`db.t2`, `db.m3`, `db.m4`, `db.r3`, `db.r4`, ElastiCache `cache.t2`, `cache.m3`, `cache.m4`, `cache.r3`, ' +
    '`cache.r4`, and module arguments named `instance_type(s)`, `instance_class` or `node_type`. The suggestion ' +
    'keeps the size when the new family offers it, else the next size up. Unknown values are not reported.',
  check(project, ctx) {
    const model = terraformModel(project);
    for (const module of model.modules) {
      for (const site of instanceTypeSites(model, module)) {
        const suggestion = previousGenerationSuggestion(site.value);
        if (!suggestion) continue;
        ctx.report({
          file: site.file,
          range: site.range,
          message: `\`${site.address}\` uses a previous-generation type: ${suggestion}.`,
          fix: `Change the type: ${suggestion}.`,
        });
      }
    }
  },
});
