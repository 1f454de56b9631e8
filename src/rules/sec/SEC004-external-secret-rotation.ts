import { defineRule, type RuleContext } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { K8sObject } from '../../models/k8s.js';
import { k8sObjects } from '../../models/k8s.js';
import { entries, getIn, getNode, isMap, type Node, nodeRange, scalarString } from '../../parsers/yaml.js';
import { type PlainSecret, plainSecrets } from './SEC003-k8s-secret-committed.js';

const ESO_GROUP = 'external-secrets.io/';
// `0`, `0s`, `0h0m0s`: fetch once, never refresh.
const ZERO_DURATION = /^(?:0+(?:\.0+)?(?:ns|us|µs|ms|s|m|h)?)+$/;
// Policies under which a rotated value in the provider never reaches the cluster.
const NO_ROTATION_POLICIES = new Set(['CreatedOnce', 'OnChange']);

function checkRefresh(file: SourceFile, obj: K8sObject, spec: Node | undefined, ctx: RuleContext): void {
  const what = `${obj.kind}${obj.name === undefined ? '' : ` "${obj.name}"`}`;
  const policyNode = getNode(spec, 'refreshPolicy', obj.doc);
  const policy = scalarString(policyNode);
  if (policy !== undefined && NO_ROTATION_POLICIES.has(policy)) {
    ctx.report({
      range: nodeRange(file, policyNode),
      message: `${what} uses refreshPolicy ${policy}: rotated values in the provider never reach the cluster.`,
    });
    return;
  }
  const intervalNode = getNode(spec, 'refreshInterval', obj.doc);
  const interval = scalarString(intervalNode);
  if (interval === undefined) {
    ctx.report({
      range: obj.nameRange,
      message: `${what} sets no refreshInterval: rotation pickup depends on the operator's default; set it explicitly (e.g. 1h).`,
    });
  } else if (ZERO_DURATION.test(interval.trim())) {
    ctx.report({
      range: nodeRange(file, intervalNode),
      message: `${what} has refreshInterval ${interval}: the secret is fetched once and rotations never reach the cluster.`,
    });
  }
}

interface SecretRef {
  name: string;
  namespace: string | undefined;
  nameNode: Node;
}

/** `name`s of the Secrets a store's `auth` reads keys from (`secretRef`, `accessKeyIDSecretRef`, `tokenSecretRef` …). */
function authSecretRefs(node: unknown, obj: K8sObject, inRef: boolean, depth: number, out: SecretRef[]): void {
  if (!isMap(node) || depth > 8) return;
  if (inRef) {
    const nameNode = getNode(node, 'name', obj.doc);
    const name = scalarString(nameNode);
    if (name !== undefined && nameNode) {
      out.push({ name, namespace: scalarString(getNode(node, 'namespace', obj.doc)), nameNode });
      return;
    }
  }
  for (const [key, , value] of entries(node, obj.doc)) {
    // `serviceAccountRef` (IRSA, workload identity) is keyless: only Secret references hold static keys.
    if (/serviceaccount/i.test(key)) continue;
    authSecretRefs(value, obj, inRef || /secretref$/i.test(key), depth + 1, out);
  }
}

function checkStoreAuth(file: SourceFile, obj: K8sObject, secrets: PlainSecret[], ctx: RuleContext): void {
  const refs: SecretRef[] = [];
  for (const [, , provider] of entries(getIn(obj.node, ['spec', 'provider'], obj.doc), obj.doc)) {
    authSecretRefs(getNode(provider, 'auth', obj.doc), obj, false, 0, refs);
  }
  for (const ref of refs) {
    const namespace = ref.namespace ?? (obj.kind === 'SecretStore' ? obj.namespace : undefined);
    const secret = secrets.find(
      (s) =>
        s.obj.name === ref.name &&
        (namespace === undefined || s.obj.namespace === undefined || s.obj.namespace === namespace),
    );
    if (!secret) continue;
    ctx.report({
      range: nodeRange(file, ref.nameNode),
      message:
        `${obj.kind} "${obj.name ?? ''}" authenticates with static keys from Secret "${ref.name}", which is ` +
        `committed in ${secret.obj.file.path}.`,
    });
  }
}

export const rule = defineRule({
  id: 'SEC004',
  title: 'External secret without rotation, or store keyed by a committed Secret',
  severity: 'warning',
  domain: 'secrets',
  kinds: ['k8s'],
  rationale:
    'An ExternalSecret that never refreshes keeps serving a credential after it was rotated or revoked at ' +
    'the provider. A SecretStore whose access keys sit in a plain Secret in the repository moves the leak ' +
    'one hop: whoever reads the repository can read every secret the store can.',
  fix:
    'Set `refreshInterval` (e.g. `1h`) on every ExternalSecret. Authenticate SecretStores with workload ' +
    'identity (IRSA / EKS Pod Identity, GKE or Azure workload identity, Vault Kubernetes auth via a service ' +
    'account) instead of static keys, or at least keep the bootstrap Secret out of git.',
  rollback:
    'Reverting the interval is safe; if the operator misbehaves after switching store auth, re-apply the ' +
    'previous SecretStore, then fix identity bindings before switching again.',
  notes:
    'ExternalSecret and ClusterExternalSecret (`spec.externalSecretSpec`) from `external-secrets.io`. ' +
    '`refreshPolicy: CreatedOnce`/`OnChange` count as no rotation. A store reference matches a Secret by ' +
    'name, and by namespace when both are known. SOPS-encrypted Secrets are not plain.',
  check(file, ctx) {
    for (const obj of k8sObjects(file)) {
      if (!obj.apiVersion.startsWith(ESO_GROUP)) continue;
      if (obj.kind === 'ExternalSecret') checkRefresh(file, obj, getNode(obj.node, 'spec', obj.doc), ctx);
      else if (obj.kind === 'ClusterExternalSecret') {
        checkRefresh(file, obj, getIn(obj.node, ['spec', 'externalSecretSpec'], obj.doc), ctx);
      } else if (obj.kind === 'SecretStore' || obj.kind === 'ClusterSecretStore') {
        checkStoreAuth(file, obj, plainSecrets(ctx.project), ctx);
      }
    }
  },
});
