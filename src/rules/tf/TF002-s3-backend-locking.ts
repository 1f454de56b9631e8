import { defineRule } from '../../core/rule.js';
import { terraformModel } from '../../models/terraform.js';
import { asBool } from '../../models/terraform-eval.js';
import { attribute } from '../../parsers/hcl-ast.js';

export const rule = defineRule({
  id: 'TF002',
  title: 'Lock and encrypt S3 remote state',
  severity: 'error',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Without a lock, two concurrent `apply` runs write the same state and the last writer silently drops the ' +
    'other’s resources. State holds secrets in plain text: the object must be encrypted at rest.',
  fix:
    'Set `use_lockfile = true` (Terraform ≥ 1.10, S3-native locking) or `dynamodb_table = "<lock table>"`, and ' +
    '`encrypt = true`, then run `terraform init -reconfigure`.',
  rollback:
    'Locking and encryption change no state content: `terraform init -reconfigure` with the previous backend ' +
    'settings goes back. Release a lock left by a crashed run with `terraform force-unlock <id>` only after ' +
    'checking that no other run is active.',
  notes:
    '`gcs`, `azurerm`, `remote`, `cloud`, `consul`, `pg` and `kubernetes` backends lock natively. An `s3` ' +
    'backend without `bucket` is a partial configuration completed by `-backend-config` at init time and is ' +
    'not judged.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      for (const backend of module.backends) {
        if (backend.type !== 's3') continue;
        const body = backend.block.body;
        if (!attribute(body, 'bucket')) continue;
        const lockfile = attribute(body, 'use_lockfile');
        const lockOn = lockfile ? asBool(module.value(lockfile.value)) : false;
        if (!attribute(body, 'dynamodb_table') && lockOn === false) {
          ctx.report({
            file: backend.file,
            range: lockfile?.value.range ?? backend.block.headRange,
            message: 'S3 backend has no state locking (neither `use_lockfile = true` nor `dynamodb_table`).',
          });
        }
        const encrypt = attribute(body, 'encrypt');
        const encrypted = encrypt ? asBool(module.value(encrypt.value)) : false;
        if (encrypted === false) {
          ctx.report({
            file: backend.file,
            range: encrypt?.value.range ?? backend.block.headRange,
            message: 'S3 backend does not set `encrypt = true` for the state object.',
            severity: 'warning',
            fix: 'Set `encrypt = true` in the backend block (and a `kms_key_id` for a customer-managed key).',
          });
        }
      }
    }
  },
});
