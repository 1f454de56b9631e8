import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import { walkValues } from '../../models/helm.js';
import { nodeRange, parseYaml, scalarValue } from '../../parsers/yaml.js';
import { isPlaceholderValue, isPureReference, isSecretLikeName } from '../../secrets/names.js';

export const rule = defineRule({
  id: 'HLM004',
  title: 'Keep secrets out of chart values',
  severity: 'error',
  domain: 'secrets',
  kinds: ['helm-values'],
  rationale:
    'Values files are committed, copied between environments and printed by `helm get values`: a password ' +
    'there is readable by everyone with repository or release access, and rotating it means a new commit.',
  fix:
    'Reference a Secret the chart does not own (`existingSecret: shop-db`, the convention of most charts), or ' +
    'create it from an external secret manager (External Secrets, Sealed Secrets, SOPS-encrypted values).',
  rollback: 'Rotate the exposed credential first; removing it from the file does not remove it from Git history.',
  peers: ['checkov:CKV_SECRET_6 (partial)'],
  notes:
    'Keys are secret-like by name (`password`, `secret`, `token`, `apiKey`, `privateKey` …, not ' +
    '`existingSecret`, `passwordSecretName`, `tokenFile`); empty values, placeholders (`changeme`, `<…>`), ' +
    'template expressions and `${VAR}` references are fine. Values are never printed in full.',
  check(file, ctx) {
    for (const d of parseYaml(file).documents) {
      for (const [path, , value] of walkValues(d.contents, d.doc)) {
        const key = path[path.length - 1] ?? '';
        if (!isSecretLikeName(key)) continue;
        const raw = scalarValue(value);
        if (typeof raw !== 'string' && typeof raw !== 'number') continue;
        const literal = String(raw);
        if (isPlaceholderValue(literal) || isPureReference(literal) || literal.includes('{{')) continue;
        ctx.report({
          range: nodeRange(file, value),
          message: `\`${path.join('.')}\` holds a literal secret (${redactValue(literal)}); reference an existing Secret instead.`,
        });
      }
    }
  },
});
