import { defineRule } from '../../core/rule.js';
import { moduleAnchor, terraformModel } from '../../models/terraform.js';

export const rule = defineRule({
  id: 'TF001',
  title: 'Keep Terraform state in a remote backend',
  severity: 'error',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Local state lives on one machine: it is lost with the laptop or CI runner, cannot be shared or locked, ' +
    'and keeps every secret Terraform reads in a plain file outside any access control.',
  fix:
    'Add a remote backend to the root module (`backend "s3"` with `use_lockfile = true`, `gcs`, `azurerm`, or a ' +
    '`cloud {}` block), then run `terraform init -migrate-state`.',
  rollback:
    'Copy `terraform.tfstate` aside before migrating; `terraform init -migrate-state` copies the state into the ' +
    'backend and `terraform plan` must then show no changes. To go back, remove the backend block and run ' +
    '`terraform init -migrate-state` again: the state is copied back to a local file.',
  notes:
    'A root module is a directory with a `provider` block, a `backend`/`cloud` block, or `*.tfvars`; other ' +
    'directories are modules and inherit the caller’s backend. A module with a file that does not parse is ' +
    'not judged (its backend may be in the broken file).',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      if (!module.isRoot) continue;
      const local = module.backends.find((b) => b.type === 'local');
      if (local) {
        ctx.report({
          file: local.file,
          range: local.block.headRange,
          message: `Root module \`${module.dir}\` keeps its state in a local backend.`,
        });
      } else if (module.backends.length === 0 && !module.broken) {
        const anchor = moduleAnchor(module);
        ctx.report({
          file: anchor.file,
          range: anchor.range,
          message: `Root module \`${module.dir}\` has no remote state backend (no \`backend\` or \`cloud\` block).`,
        });
      }
    }
  },
});
