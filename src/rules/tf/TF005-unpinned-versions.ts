import { defineRule } from '../../core/rule.js';
import { moduleAnchor, terraformModel } from '../../models/terraform.js';
import { literalString } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'TF005',
  title: 'Constrain Terraform and provider versions',
  severity: 'warning',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Without constraints, the next `terraform init` may pick a new major provider or Terraform version: ' +
    'plans change without a code change, and state written by a newer version cannot be read by the old one.',
  fix:
    'Add `terraform { required_version = "~> 1.9" }` and a `version` to every `required_providers` entry ' +
    '(`aws = { source = "hashicorp/aws", version = "~> 5.0" }`); commit `.terraform.lock.hcl`.',
  rollback:
    'If an upgrade was already applied, pin back to the previous versions and restore the state object version ' +
    'from before the upgrade: newer state formats are not readable by older Terraform.',
  peers: ['checkov:CKV_TF_3', 'tflint:terraform_required_version', 'tflint:terraform_required_providers'],
  notes: 'Every module (directory of `*.tf`) is checked. Modules with a file that does not parse are skipped.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      if (module.broken) continue;
      if (!module.settings.some((s) => s.requiredVersion !== undefined)) {
        const anchor = moduleAnchor(module);
        ctx.report({
          file: anchor.file,
          range: anchor.range,
          message: `Module \`${module.dir}\` does not constrain the Terraform version (no \`required_version\`).`,
        });
      }
      for (const settings of module.settings) {
        for (const p of settings.requiredProviders) {
          if (p.version !== undefined && literalString(p.version) !== '') continue;
          ctx.report({
            file: p.file,
            range: p.nameRange,
            message: `Provider \`${p.name}\` in \`required_providers\` has no version constraint.`,
          });
        }
      }
    }
  },
});
