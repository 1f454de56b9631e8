import { defineRule } from '../../core/rule.js';
import { environmentFromPath } from '../../models/environment.js';
import { ENVIRONMENT_VARIABLES, terraformModel } from '../../models/terraform.js';

export const rule = defineRule({
  id: 'TF013',
  title: 'Separate environments',
  severity: 'info',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'A root module applied to several environments with nothing that separates them shares one state: ' +
    'applying "staging" rewrites production, and a mistake in one environment’s variables reaches all of them.',
  fix:
    'Give each environment its own state: an `envs/<env>/` (or `environments/<env>/`) root per environment ' +
    'calling shared modules, or workspaces (`terraform.workspace`) with per-environment `<env>.tfvars`.',
  rollback:
    'Split state without recreating resources: `terraform state mv` (or `moved`/`import` blocks) into the new ' +
    'per-environment roots, and check that `terraform plan` shows no changes in each before removing the old root.',
  notes:
    'Repo-level, reported once on the environment variable (`environment`, `env`, `stage` …, declared without ' +
    'a default) of the first root module that takes one, when no Terraform file references ' +
    '`terraform.workspace`, no `*.tfvars` is named after an environment, and no module lives under an ' +
    'environment directory.',
  check(project, ctx) {
    const model = terraformModel(project);
    const separated =
      model.modules.some((m) => m.workspaceRefs.length > 0 || m.files.some((f) => environmentFromPath(f.path))) ||
      project.ofKind('tfvars').some((f) => environmentFromPath(f.path));
    if (separated) return;
    for (const module of model.modules) {
      if (!module.isRoot) continue;
      const variable = module.variables.find((v) => ENVIRONMENT_VARIABLES.has(v.name) && !v.default);
      if (!variable) continue;
      ctx.report({
        file: variable.file,
        range: variable.block.headRange,
        message:
          `Root module \`${module.dir}\` takes \`var.${variable.name}\` but environments share one state: no ` +
          'workspaces, no per-environment `*.tfvars`, no `envs/<env>/` layout.',
      });
      return;
    }
  },
});
