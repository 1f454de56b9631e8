import { DIGEST, DIGEST_HINT, NAME, NAME_HINT, number, optional, SEMVER, SEMVER_HINT, text } from '../../options.js';
import { defineRecipe, type OptionValues } from '../../types.js';

const options = {
  name: text('app', 'Service name (Deployment, Service, labels, namespace prefix)', NAME, NAME_HINT),
  image: text('ghcr.io/example/app', 'Image repository (no tag)', /^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/),
  version: text('1.0.0', 'Image tag deployed by the overlays', SEMVER, SEMVER_HINT),
  digest: optional('Image digest pinned by the prod overlay (the digest slot)', DIGEST, DIGEST_HINT),
  port: number(8080, 'Container port (HTTP, /health, /ready, /metrics)', { int: true, min: 1, max: 65535 }),
  uid: number(10001, 'Non-root uid/gid of the container', { int: true, min: 1000, max: 2147483647 }),
  prod_replicas: number(3, 'Replicas (and HPA minimum) in prod', { int: true, min: 3, max: 100 }),
  secret_store: text('platform-secrets', 'ClusterSecretStore the ExternalSecret reads from', NAME, NAME_HINT),
  ingress_namespace: text('ingress-nginx', 'Namespace of the ingress controller allowed in', NAME, NAME_HINT),
  monitoring_namespace: text('monitoring', 'Namespace of Prometheus allowed to scrape', NAME, NAME_HINT),
};

type Values = OptionValues<typeof options>;

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

const sel = (v: Values) => `{ app.kubernetes.io/name: ${v.name} }`;

function deployment(v: Values): string {
  return `# Zero-downtime rollout (maxUnavailable: 0), restricted pod security, probes on /health and /ready.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${v.name}
  labels: ${sel(v)}
spec:
  replicas: 2
  revisionHistoryLimit: 5
  selector:
    matchLabels: ${sel(v)}
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }
  template:
    metadata:
      labels: ${sel(v)}
    spec:
      serviceAccountName: ${v.name}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: ${v.uid}
        runAsGroup: ${v.uid}
        fsGroup: ${v.uid}
        seccompProfile: { type: RuntimeDefault }
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels: ${sel(v)}
      containers:
        - name: ${v.name}
          image: ${v.image}:${v.version}
          ports:
            - { name: http, containerPort: ${v.port} }
          env:
            - { name: PORT, value: "${v.port}" }
          envFrom:
            - secretRef: { name: ${v.name}-secrets }
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
            seccompProfile: { type: RuntimeDefault }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: "1", memory: 512Mi }
          startupProbe:
            httpGet: { path: /health, port: http }
            periodSeconds: 2
            failureThreshold: 30
          livenessProbe:
            httpGet: { path: /health, port: http }
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /ready, port: http }
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 2
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
      volumes:
        - name: tmp
          emptyDir: { sizeLimit: 64Mi }
`;
}

const service = (v: Values) => `apiVersion: v1
kind: Service
metadata:
  name: ${v.name}
  labels: ${sel(v)}
spec:
  type: ClusterIP
  selector: ${sel(v)}
  ports:
    - { name: http, port: 80, targetPort: http }
`;

const serviceAccount = (v: Values) => `# No API token in the pods: the service does not call the Kubernetes API.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${v.name}
  labels: ${sel(v)}
automountServiceAccountToken: false
`;

const hpa = (v: Values) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${v.name}
  labels: ${sel(v)}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${v.name} }
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
`;

const pdb = (v: Values) => `# At most one pod down at a time during node drains and upgrades.
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${v.name}
  labels: ${sel(v)}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: ${sel(v)}
`;

function networkPolicies(v: Values): string {
  return `# Default deny, then only what the service needs: DNS out, HTTP in from the ingress controller and
# Prometheus. Add egress rules for the service's own dependencies (database, APIs) here.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${v.name}-default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${v.name}-allow-dns
spec:
  podSelector:
    matchLabels: ${sel(v)}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: kube-system }
          podSelector:
            matchLabels: { k8s-app: kube-dns }
      ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${v.name}-allow-ingress
spec:
  podSelector:
    matchLabels: ${sel(v)}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: ${v.ingress_namespace} }
      ports:
        - { protocol: TCP, port: http }
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: ${v.monitoring_namespace} }
      ports:
        - { protocol: TCP, port: http }
`;
}

const externalSecret = (
  v: Values,
) => `# Credentials come from the external secret manager; the operator refreshes them hourly, so a
# rotation is picked up without a redeploy (restart the pods to load new env values).
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: ${v.name}
  labels: ${sel(v)}
spec:
  refreshInterval: 1h
  secretStoreRef: { kind: ClusterSecretStore, name: ${v.secret_store} }
  target:
    name: ${v.name}-secrets
    creationPolicy: Owner
  dataFrom:
    - extract: { key: ${v.name} }
`;

const baseKustomization = (v: Values) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs: { app.kubernetes.io/part-of: ${v.name}, app.kubernetes.io/managed-by: kustomize }
resources:
  - serviceaccount.yaml
  - deployment.yaml
  - service.yaml
  - hpa.yaml
  - pdb.yaml
  - networkpolicy.yaml
  - externalsecret.yaml
`;

const namespace = (
  v: Values,
  env: string,
) => `# Pod Security Admission enforces the restricted profile on everything in the namespace.
apiVersion: v1
kind: Namespace
metadata:
  name: ${v.name}-${env}
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
`;

const replace = (kind: string, name: string, path: string, value: string | number) =>
  `  - target: { kind: ${kind}, name: ${name} }
    patch: |-
      - op: replace
        path: ${path}
        value: ${value}`;

function overlay(v: Values, env: (typeof ENVIRONMENTS)[number]): string {
  const prod = env === 'prod';
  const replicas = prod ? v.prod_replicas : env === 'staging' ? 2 : 1;
  const image = [`  - name: ${v.image}`, `    newTag: "${v.version}"`];
  if (prod && v.digest) image.push(`    digest: ${v.digest}`);
  const patches = [
    replace('Deployment', v.name, '/spec/replicas', replicas),
    replace('HorizontalPodAutoscaler', v.name, '/spec/minReplicas', Math.max(replicas, 1)),
    replace('ExternalSecret', v.name, '/spec/dataFrom/0/extract/key', `${v.name}/${env}`),
  ];
  return [
    `# ${env}: namespace ${v.name}-${env}, ${replicas} replica${replicas === 1 ? '' : 's'}.${prod ? ' Promote by pull request: copy the tag (and digest) verified in staging.' : ''}`,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    `namespace: ${v.name}-${env}`,
    'resources:',
    '  - ../../base',
    '  - namespace.yaml',
    'labels:',
    `  - pairs: { app.kubernetes.io/environment: ${env} }`,
    prod && !v.digest
      ? `# Digest slot: pin prod to the digest CI pushed (kustomize edit set image ${v.image}:${v.version}@sha256:…).`
      : undefined,
    'images:',
    ...image,
    'patches:',
    ...patches,
    '',
  ]
    .filter((l) => l !== undefined)
    .join('\n');
}

export const k8sAppRecipe = defineRecipe({
  name: 'k8s-app',
  summary:
    'Kustomize base + dev/staging/prod overlays: hardened Deployment, Service, HPA, PDB, default-deny NetworkPolicies, ServiceAccount, ExternalSecret',
  options,
  generate: (v) => {
    const files: Record<string, string> = {
      'k8s/base/kustomization.yaml': baseKustomization(v),
      'k8s/base/serviceaccount.yaml': serviceAccount(v),
      'k8s/base/deployment.yaml': deployment(v),
      'k8s/base/service.yaml': service(v),
      'k8s/base/hpa.yaml': hpa(v),
      'k8s/base/pdb.yaml': pdb(v),
      'k8s/base/networkpolicy.yaml': networkPolicies(v),
      'k8s/base/externalsecret.yaml': externalSecret(v),
    };
    for (const env of ENVIRONMENTS) {
      files[`k8s/overlays/${env}/kustomization.yaml`] = overlay(v, env);
      files[`k8s/overlays/${env}/namespace.yaml`] = namespace(v, env);
    }
    return files;
  },
  nextSteps: (v) => ({
    fill: [
      ...(v.digest
        ? []
        : [
            `prod digest slot: re-run with --set digest=sha256:… --force, or kustomize edit set image in k8s/overlays/prod`,
          ]),
      `secret values in the store "${v.secret_store}" under ${v.name}/dev, ${v.name}/staging, ${v.name}/prod`,
    ],
    validate: [
      'kubectl kustomize k8s/overlays/prod   (builds; shows the rendered objects)',
      'proagent-devops review k8s',
      'kubectl diff -k k8s/overlays/staging',
      'kubectl apply -k k8s/overlays/staging --dry-run=server',
    ],
    apply: [
      'kubectl apply -k k8s/overlays/staging && kubectl -n ' +
        `${v.name}-staging rollout status deploy/${v.name} --timeout=5m`,
      `kubectl apply -k k8s/overlays/prod && kubectl -n ${v.name}-prod rollout status deploy/${v.name} --timeout=5m`,
    ],
    rollback: [
      `kubectl -n ${v.name}-prod rollout undo deploy/${v.name} && kubectl -n ${v.name}-prod rollout status deploy/${v.name}`,
      'then revert the overlay change in git so the next apply does not roll forward again',
    ],
  }),
});
