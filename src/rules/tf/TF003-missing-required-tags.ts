import { defineRule } from '../../core/rule.js';
import { terraformModel } from '../../models/terraform.js';
import { effectiveTags, missingTags } from '../../models/terraform-tags.js';

export const rule = defineRule({
  id: 'TF003',
  title: 'Tag resources for ownership and cost allocation',
  severity: 'warning',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Untagged resources cannot be attributed: cost reports lump them together, incident responders cannot ' +
    'find the owning team, and clean-up scripts cannot tell environments apart.',
  fix:
    'Set the tags once in the AWS provider’s `default_tags { tags = {...} }` (GCP: `default_labels`), or merge ' +
    'a shared map: `tags = merge(local.tags, { Name = "…" })`.',
  peers: ['kics:resource_not_using_tags', 'checkov:CKV_AWS_153'],
  notes:
    'The required keys come from `tags.required` in the config (default `project`, `environment`, `team`, ' +
    '`cost-center`) and are compared case- and separator-insensitively (`CostCenter` = `cost_center`). GCP ' +
    'resources are checked for `labels`, AWS and Azure for `tags`. Provider `default_tags` count, and so do ' +
    'known `merge(local.tags, …)` maps; a tag map that is not known statically (`var.tags`, a resource ' +
    'attribute) is never reported. Only resource types known to take tags are checked.',
  check(project, ctx) {
    const model = terraformModel(project);
    for (const module of model.modules) {
      if (module.broken) continue;
      for (const resource of module.resources) {
        const tags = effectiveTags(resource, model);
        if (!tags) continue;
        const missing = missingTags(tags, ctx.settings.requiredTags);
        if (missing.length === 0) continue;
        ctx.report({
          file: resource.file,
          range: resource.block.headRange,
          message: `\`${resource.address}\` lacks required ${tags.attribute}: ${missing.join(', ')}.`,
        });
      }
    }
  },
});
