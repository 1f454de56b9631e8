import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, rangeOf } from '../../models/k8s.js';
import { scalarString } from '../../parsers/yaml.js';
import { isSecretLikeName } from '../../secrets/names.js';

/** Values that carry no credential: references expanded elsewhere, and flags. */
function isLiteralSecret(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  // `$(VAR)` is Kubernetes dependent-variable expansion; `${VAR}` / `{{ }}` are templating left for a renderer.
  if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v) || /^\$\{[^}]*\}$/.test(v) || /^\{\{.*\}\}$/.test(v)) return false;
  return !/^(true|false|yes|no|on|off|enabled|disabled)$/i.test(v);
}

export const rule = defineRule({
  id: 'K8S009',
  title: 'No literal secrets in container env',
  severity: 'error',
  domain: 'secrets',
  kinds: ['k8s'],
  rationale:
    'A credential written into a manifest is in Git history forever, readable by anyone with repo access ' +
    'or `get` on the workload, and cannot be rotated without a redeploy.',
  fix: 'Use `valueFrom.secretKeyRef` (or `envFrom.secretRef`) backed by an ExternalSecret, SealedSecret or SOPS-encrypted Secret, then rotate the leaked value.',
  notes:
    'Names are matched by words (`DB_PASSWORD`, `apiKey`, `CLIENT_SECRET`), not references to secrets ' +
    '(`PASSWORD_FILE`, `SECRET_NAME`). `$(VAR)` expansions, templating and booleans do not fire. The value ' +
    'is never printed in full.',
  check(file, ctx) {
    for (const site of containersOf(file)) {
      for (const env of site.container.env) {
        const value = scalarString(env.value);
        if (value === undefined || !isSecretLikeName(env.name) || !isLiteralSecret(value)) continue;
        ctx.report({
          range: rangeOf(site.obj, env.value),
          message: `The ${describeContainer(site)} sets ${env.name} to the literal "${redactValue(value)}".`,
        });
      }
    }
  },
});
