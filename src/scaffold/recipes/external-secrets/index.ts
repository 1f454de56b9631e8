import { choice, NAME, NAME_HINT, text } from '../../options.js';
import { defineRecipe, type OptionValues } from '../../types.js';

const options = {
  provider: choice(
    ['vault', 'aws', 'gcp'] as const,
    'vault',
    'Secret manager: vault (HashiCorp Vault), aws (Secrets Manager) or gcp (Secret Manager)',
  ),
  scope: choice(
    ['namespaced', 'cluster'] as const,
    'namespaced',
    'SecretStore in the namespace, or a ClusterSecretStore',
  ),
  name: text('app', 'Application name (store, ExternalSecret, target Secret <name>-secrets)', NAME, NAME_HINT),
  namespace: text('app-prod', 'Namespace of the application', NAME, NAME_HINT),
  remote_key: text('app/prod', 'Path/name of the secret in the manager', /^[\w./-]+$/),
  refresh: text('1h', 'refreshInterval: how soon a rotated value reaches the cluster', /^[1-9]\d*(s|m|h)$/),
  vault_server: text('https://vault.example.com:8200', 'Vault address (provider=vault)', /^https:\/\/\S+$/),
  aws_region: text('eu-west-1', 'AWS region (provider=aws)', /^[a-z]{2}(-[a-z]+)+-\d$/),
  aws_role_arn: text(
    'arn:aws:iam::123456789012:role/app-external-secrets',
    'IAM role the store assumes through IRSA (provider=aws)',
    /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
  ),
  gcp_project: text('example-project', 'GCP project ID (provider=gcp)', /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
  gcp_service_account: text(
    'app-secrets@example-project.iam.gserviceaccount.com',
    'Google service account bound through Workload Identity (provider=gcp)',
    /^[\w-]+@[\w-]+\.iam\.gserviceaccount\.com$/,
  ),
};

type Values = OptionValues<typeof options>;

const storeKind = (v: Values) => (v.scope === 'cluster' ? 'ClusterSecretStore' : 'SecretStore');

/** The service account the store authenticates as (IRSA / Workload Identity / Vault Kubernetes auth). */
function serviceAccount(v: Values): string {
  const annotation =
    v.provider === 'aws'
      ? `  annotations:\n    eks.amazonaws.com/role-arn: ${v.aws_role_arn}\n`
      : v.provider === 'gcp'
        ? `  annotations:\n    iam.gke.io/gcp-service-account: ${v.gcp_service_account}\n`
        : '';
  return `# Identity of the store: short-lived tokens from the cluster, no static cloud keys anywhere.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${v.name}-secrets-reader
  namespace: ${v.namespace}
${annotation}automountServiceAccountToken: false
`;
}

function provider(v: Values): string {
  const saRef = `serviceAccountRef: { name: ${v.name}-secrets-reader${v.scope === 'cluster' ? `, namespace: ${v.namespace}` : ''} }`;
  switch (v.provider) {
    case 'vault':
      return `    vault:
      server: ${v.vault_server}
      path: secret
      version: v2
      auth:
        kubernetes:
          mountPath: kubernetes
          role: ${v.name}-secrets-reader
          ${saRef}`;
    case 'aws':
      return `    aws:
      service: SecretsManager
      region: ${v.aws_region}
      auth:
        jwt:
          ${saRef}`;
    case 'gcp':
      return `    gcpsm:
      projectID: ${v.gcp_project}
      auth:
        workloadIdentity:
          ${saRef}`;
  }
}

function store(v: Values): string {
  const cluster = v.scope === 'cluster';
  return `${serviceAccount(v)}---
apiVersion: external-secrets.io/v1
kind: ${storeKind(v)}
metadata:
  name: ${v.name}-${v.provider}
${cluster ? '' : `  namespace: ${v.namespace}\n`}spec:
${cluster ? `  conditions:\n    - namespaces: [${v.namespace}]\n` : ''}  provider:
${provider(v)}
`;
}

function externalSecret(v: Values): string {
  return `# The operator writes Secret ${v.name}-secrets from ${v.remote_key} and re-reads it every ${v.refresh}:
# a rotation in the manager reaches the cluster within that interval (pods reload env on restart).
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: ${v.name}
  namespace: ${v.namespace}
spec:
  refreshInterval: ${v.refresh}
  secretStoreRef:
    kind: ${storeKind(v)}
    name: ${v.name}-${v.provider}
  target:
    name: ${v.name}-secrets
    creationPolicy: Owner
    deletionPolicy: Retain
  dataFrom:
    - extract:
        key: ${v.remote_key}
`;
}

function runbook(v: Values): string {
  const write =
    v.provider === 'vault'
      ? `vault kv put secret/${v.remote_key} KEY=<new value>      # keeps the previous version (kv v2)`
      : v.provider === 'aws'
        ? `aws secretsmanager put-secret-value --secret-id ${v.remote_key} --secret-string file://new.json   # AWSPREVIOUS keeps the old one`
        : `gcloud secrets versions add ${v.remote_key.replaceAll('/', '-')} --data-file=new.txt --project ${v.gcp_project}`;
  const previous =
    v.provider === 'vault'
      ? `vault kv rollback -version=<previous> secret/${v.remote_key}`
      : v.provider === 'aws'
        ? `aws secretsmanager update-secret-version-stage --secret-id ${v.remote_key} --version-stage AWSCURRENT --move-to-version-id <previous id> --remove-from-version-id <new id>`
        : `gcloud secrets versions enable <previous> … and disable the new version (${v.remote_key.replaceAll('/', '-')})`;
  return `# Runbook: rotate ${v.name}'s secrets

Secrets live in ${v.provider === 'vault' ? 'HashiCorp Vault' : v.provider === 'aws' ? 'AWS Secrets Manager' : 'GCP Secret Manager'} under \`${v.remote_key}\`. The External
Secrets Operator copies them into the Kubernetes Secret \`${v.name}-secrets\` (namespace \`${v.namespace}\`)
every ${v.refresh}. Nothing secret is stored in git or in images. Generated by \`proagent-devops run external-secrets\`.

**Cadence**: every 90 days, and at once when a value may have leaked (a departure, a log, a laptop).
Every access is audited in the manager (${v.provider === 'vault' ? 'Vault audit device' : v.provider === 'aws' ? 'CloudTrail' : 'Cloud Audit Logs'}): check who read the secret when investigating.

## Rotate

1. Create the new credential at its source (database user password, API key) **without** revoking the old one.
2. Write it to the manager:
   \`\`\`sh
   ${write}
   \`\`\`
3. Sync now instead of waiting up to ${v.refresh}:
   \`\`\`sh
   kubectl -n ${v.namespace} annotate externalsecret ${v.name} force-sync=$(date +%s) --overwrite
   kubectl -n ${v.namespace} get externalsecret ${v.name}    # STATUS SecretSynced, READY True
   \`\`\`
4. Restart the pods so they load the new value, and watch the rollout:
   \`\`\`sh
   kubectl -n ${v.namespace} rollout restart deploy/${v.name}
   kubectl -n ${v.namespace} rollout status deploy/${v.name} --timeout=5m
   \`\`\`
5. Verify: error rate and logs of ${v.name} are clean (authentication errors show up first).
6. Revoke the old credential at its source. Note the rotation (date, who, why) in the team log.

## Roll back

If the service fails with the new value: make the previous version current again, then force a sync and
restart (steps 3–4). The old credential still works because it is revoked only in step 6.
\`\`\`sh
${previous}
\`\`\`

## When the sync itself fails

\`kubectl -n ${v.namespace} describe externalsecret ${v.name}\` shows the error. Usual causes: the store's
identity (${v.provider === 'vault' ? 'Vault Kubernetes auth role' : v.provider === 'aws' ? 'IRSA role trust policy or IAM permissions' : 'Workload Identity binding'}) lost access, or the key was renamed. The Kubernetes Secret keeps its
last value while the sync fails, so running pods are not affected.
`;
}

export const externalSecretsRecipe = defineRecipe({
  name: 'external-secrets',
  summary:
    'External Secrets Operator: SecretStore/ClusterSecretStore for Vault, AWS or GCP (workload identity, no static keys) + ExternalSecret with refreshInterval; rotation runbook',
  options,
  generate: (v) => ({
    'k8s/external-secrets/secret-store.yaml': store(v),
    'k8s/external-secrets/external-secret.yaml': externalSecret(v),
    'docs/runbooks/secret-rotation.md': runbook(v),
  }),
  nextSteps: (v) => ({
    fill: [
      v.provider === 'vault'
        ? `Vault: kubernetes auth role "${v.name}-secrets-reader" bound to the service account, read-only policy on secret/${v.remote_key}`
        : v.provider === 'aws'
          ? `IAM role ${v.aws_role_arn}: trust the cluster OIDC provider for ${v.namespace}/${v.name}-secrets-reader, allow secretsmanager:GetSecretValue on ${v.remote_key}`
          : `roles/secretmanager.secretAccessor for ${v.gcp_service_account}, and its Workload Identity binding to ${v.namespace}/${v.name}-secrets-reader`,
    ],
    validate: [
      'kubectl apply --dry-run=server -f k8s/external-secrets/',
      'proagent-devops review k8s/external-secrets',
    ],
    apply: [
      'kubectl apply -f k8s/external-secrets/',
      `kubectl -n ${v.namespace} wait externalsecret/${v.name} --for=condition=Ready --timeout=2m`,
    ],
    rollback: [
      'kubectl delete -f k8s/external-secrets/external-secret.yaml   (the target Secret is kept: deletionPolicy Retain)',
      'a bad rotated value: docs/runbooks/secret-rotation.md, "Roll back"',
    ],
  }),
});
