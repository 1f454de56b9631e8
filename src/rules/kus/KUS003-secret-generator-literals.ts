import { redactValue } from '../../core/redact.js';
import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import { readKustomization } from '../../models/kustomize.js';
import { findSecrets } from '../../secrets/detect.js';
import { isPlaceholderValue, isSecretLikeName } from '../../secrets/names.js';

/** File names whose content is a credential by nature. */
const CREDENTIAL_FILE =
  /(^|[/._-])(id_rsa|id_ed25519|id_ecdsa|password|passwd|secret|token|credentials?)([._-]|$)|\.(pem|key|p12|pfx|jks)$/i;

export const rule = defineRule({
  id: 'KUS003',
  title: 'Do not generate Secrets from committed values',
  severity: 'error',
  domain: 'secrets',
  kinds: ['kustomization'],
  rationale:
    'A `secretGenerator` only base64-encodes what it is given: `literals:` put the credential in the ' +
    'kustomization itself, and `files:`/`envs:` that are committed put it in the repository. Everyone with read ' +
    'access has it, and rotating it takes a commit.',
  fix:
    'Generate the Secret from files that are not committed (gitignored, written by CI from a secret store), or ' +
    'replace the generator with an ExternalSecret / SealedSecret / SOPS-encrypted file.',
  rollback: 'Rotate the exposed credential first; removing it from the file does not remove it from Git history.',
  notes:
    'Every non-empty literal is reported. `files:`/`envs:` are reported when the file is in the review and ' +
    'holds a secret: an env file with a secret-like key set to a literal (not a placeholder), a detected ' +
    'credential, or a non-empty key/certificate/password file. Values are never printed in full.',
  check(file, ctx) {
    const k = readKustomization(file);
    if (!k) return;
    for (const generator of k.secretGenerators) {
      const name = generator.name ?? 'secretGenerator';
      for (const literal of generator.literals) {
        const eq = literal.value.indexOf('=');
        const key = eq >= 0 ? literal.value.slice(0, eq) : literal.value;
        const value = eq >= 0 ? literal.value.slice(eq + 1) : '';
        if (value.trim() === '') continue;
        ctx.report({
          range: literal.range,
          message: `secretGenerator \`${name}\` sets \`${key}\` from a committed literal (${redactValue(value)}).`,
        });
      }
      for (const entry of [...generator.files, ...generator.envs]) {
        const source = ctx.project.get(entry.path);
        if (!source) continue; // not in the review: gitignored or generated, which is the fix
        const env = generator.envs.includes(entry);
        const found = env ? envSecret(source) : fileSecret(source, entry.value);
        if (!found) continue;
        ctx.report({
          range: entry.range,
          message: `secretGenerator \`${name}\` reads ${found} from committed file \`${source.path}\`.`,
        });
      }
    }
  },
});

/** `KEY=value` lines with a secret-like key and a real-looking value, or a detected credential. */
function envSecret(file: SourceFile): string | undefined {
  for (const line of file.text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    if (isSecretLikeName(m[1] as string) && !isPlaceholderValue(value)) return `\`${m[1]}\` (${redactValue(value)})`;
  }
  const detected = findSecrets(file.text)[0];
  return detected ? `a ${detected.label}` : undefined;
}

function fileSecret(file: SourceFile, entry: string): string | undefined {
  const detected = findSecrets(file.text)[0];
  if (detected) return `a ${detected.label}`;
  const key = entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : '';
  const content = file.text.trim();
  if (content === '' || isPlaceholderValue(content)) return undefined;
  return CREDENTIAL_FILE.test(file.path) || (key !== '' && isSecretLikeName(key)) ? 'a credential' : undefined;
}
