import type { Project } from '../../core/project.js';
import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import { type K8sObject, k8sObjects } from '../../models/k8s.js';
import { entries, getNode, type Node, scalarString } from '../../parsers/yaml.js';
import { isSopsEncrypted } from '../../secrets/detect.js';
import { isPlaceholderValue } from '../../secrets/names.js';

/** Keys of a `kubernetes.io/tls` Secret (or any Secret) that hold public certificates, not secrets. */
const PUBLIC_KEYS = new Set(['tls.crt', 'ca.crt', 'ca.pem', 'cert.pem', 'ca-bundle.crt']);

export interface CommittedSecretValue {
  field: 'data' | 'stringData';
  key: string;
  /** Offsets from the key to the end of its value. */
  span: [number, number] | undefined;
}

/** A Secret with values in plain text (base64 is an encoding): its committed keys. */
export interface PlainSecret {
  obj: K8sObject;
  values: CommittedSecretValue[];
}

/** The keys of a Secret that carry a real value (not empty, not a `${VAR}`/`{{ }}` placeholder). */
export function committedValues(obj: K8sObject): CommittedSecretValue[] {
  if (obj.kind !== 'Secret' || isSopsEncrypted(obj.file.text) || getNode(obj.node, 'sops', obj.doc)) return [];
  const out: CommittedSecretValue[] = [];
  for (const field of ['data', 'stringData'] as const) {
    for (const [key, keyNode, valueNode] of entries(getNode(obj.node, field, obj.doc), obj.doc)) {
      if (PUBLIC_KEYS.has(key)) continue;
      const raw = scalarString(valueNode);
      if (raw === undefined) continue;
      const value = field === 'data' ? decodeBase64(raw) : raw;
      if (value === undefined || isPlaceholderValue(value) || /\$\{|\{\{/.test(value)) continue;
      out.push({ field, key, span: spanOf(keyNode, valueNode) });
    }
  }
  return out;
}

function spanOf(keyNode: Node | undefined, valueNode: Node | undefined): [number, number] | undefined {
  const start = (keyNode as { range?: [number, number, number] } | undefined)?.range?.[0];
  const end = (valueNode as { range?: [number, number, number] } | undefined)?.range?.[1];
  return start === undefined || end === undefined ? undefined : [start, end];
}

function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s/g, '');
  // envsubst/Helm-style templates in `data` are not base64 and not committed values.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return /\$\{|\{\{/.test(compact) ? undefined : compact;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Every Secret of the project with committed plain values (shared with SEC004), by file order. */
export function plainSecrets(project: Project): PlainSecret[] {
  return project.cached('sec:plain-secrets', () =>
    project
      .ofKind('k8s')
      .flatMap((file: SourceFile) => k8sObjects(file))
      .map((obj) => ({ obj, values: committedValues(obj) }))
      .filter((s) => s.values.length > 0),
  );
}

export const rule = defineRule({
  id: 'SEC003',
  title: 'Kubernetes Secret committed with values',
  severity: 'warning',
  domain: 'secrets',
  kinds: ['k8s'],
  rationale:
    'A Secret manifest carries its values in plain text: base64 in `data` is an encoding, not encryption. ' +
    'Everyone who can read the repository can read the credentials.',
  fix:
    'Replace the Secret with an ExternalSecret (External Secrets Operator), a SealedSecret, a SOPS-encrypted ' +
    'file, or Vault injection, and rotate the values that were committed.',
  notes:
    'One finding per key of `data`/`stringData`, from the key to the end of its value. Not reported: SOPS-encrypted files (`sops:` ' +
    'metadata, `ENC[…]` values), empty or placeholder values (`${VAR}`, `{{ … }}`, `changeme`), and public ' +
    'certificates (`tls.crt`, `ca.crt`).',
  check(file, ctx) {
    for (const obj of k8sObjects(file)) {
      for (const v of committedValues(obj)) {
        const name = obj.name === undefined ? 'Secret' : `Secret "${obj.name}"`;
        ctx.report({
          // Key and value: the span is what the report redacts, and the value is the secret.
          range: v.span ? file.range(...v.span) : obj.nameRange,
          message: `${name} commits a value for "${v.key}" in ${v.field}.`,
        });
      }
    }
  },
});
