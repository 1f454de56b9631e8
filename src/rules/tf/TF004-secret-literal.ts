import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import type { HclAttribute, HclBody } from '../../parsers/hcl.js';
import { parseHcl } from '../../parsers/hcl.js';
import { attribute, childBodies, literalString } from '../../parsers/hcl-ast.js';
import { isPlaceholderValue, isSecretLikeName } from '../../secrets/names.js';

export const rule = defineRule({
  id: 'TF004',
  title: 'Do not hard-code secrets in Terraform',
  severity: 'error',
  domain: 'secrets',
  kinds: ['terraform', 'terraform-json', 'tfvars'],
  rationale:
    'A secret written in HCL is in every clone, fork and CI log of the repository, and in the state file; ' +
    'it cannot be rotated without a commit and stays in the git history after it is removed.',
  fix:
    'Read it at apply time: `random_password` plus a secrets manager, `data "aws_secretsmanager_secret_version"`, ' +
    'a `sensitive` variable without a default fed from the environment (`TF_VAR_…`), or the provider’s ' +
    'credential chain instead of `access_key`/`secret_key`. Rotate the exposed value.',
  peers: ['checkov:CKV_AWS_41', 'kics:hardcoded_aws_access_key', 'checkov:CKV_SECRET_6'],
  notes:
    'Attributes whose name denotes a credential (`password`, `master_password`, `admin_password`, `*secret*`, ' +
    '`*token*`, `access_key`, `secret_key`, …) set to a string literal, in any block, module argument or ' +
    '`*.tfvars`; and `variable` blocks with such a name and a literal `default`. References, functions ' +
    '(`random_password.db.result`, `data.…`) and placeholders (`changeme`, `<…>`) are fine. Names that refer to ' +
    'a secret rather than hold it (`secret_arn`, `password_length`) are not reported.',
  check(file, ctx) {
    const { body } = parseHcl(file);
    const reportLiteral = (a: HclAttribute, what: string) => {
      const value = literalString(a.value);
      if (value === undefined || isPlaceholderValue(value)) return;
      ctx.report({ range: a.value.range, message: `${what} holds a literal secret (${redactValue(value)}).` });
    };
    const walk = (b: HclBody, owner: string) => {
      for (const a of b.attributes) if (isSecretLikeName(a.name)) reportLiteral(a, `\`${a.name}\` of ${owner}`);
      for (const child of childBodies(b)) walk(child, owner);
    };
    if (file.kind === 'tfvars') {
      for (const a of body.attributes) if (isSecretLikeName(a.name)) reportLiteral(a, `\`${a.name}\``);
      return;
    }
    for (const block of body.blocks) {
      const labels = block.labels.map((l) => l.value);
      if (block.type === 'variable') {
        const value = attribute(block.body, 'default');
        const name = labels[0] ?? '';
        if (value && isSecretLikeName(name)) reportLiteral(value, `The default of variable \`${name}\``);
      } else if (block.type !== 'output') {
        // Resources are addressed without their block type (`aws_db_instance.db`), like Terraform does.
        const owner = (block.type === 'resource' ? labels : [block.type, ...labels]).join('.');
        walk(block.body, `\`${owner}\``);
      }
    }
  },
});
