import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { RULES } from '../registry.js';
import { rule } from './KUS005-rendered-overlay.js';
import { K8S_RULES } from './k8s-rules.js';

/** A hardened base: the K8S rules find nothing in it, whatever overlay includes it. */
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      automountServiceAccountToken: false
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: api
          image: ghcr.io/shop/api:1.4.2
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: "1", memory: 256Mi }
          livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
          readinessProbe: { httpGet: { path: /readyz, port: 8080 } }
`;
const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: api }
`;
const base = {
  'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - policies.yaml\n',
  'k8s/base/deployment.yaml': deployment,
  'k8s/base/policies.yaml': policies,
};
const overlay = (env: string, extra = '') => `namespace: shop-${env}\nresources:\n  - ../../base\n${extra}`;

ruleTester(rule, {
  valid: [
    {
      name: 'overlays that only set namespace, labels, a pinned image and more replicas',
      files: {
        ...base,
        'k8s/overlays/staging/kustomization.yaml': overlay(
          'staging',
          'labels:\n  - pairs: { env: staging }\nimages:\n  - name: ghcr.io/shop/api\n    newTag: "1.5.0"\n',
        ),
        'k8s/overlays/prod/kustomization.yaml': overlay(
          'prod',
          'namePrefix: prod-\nreplicas:\n  - name: api\n    count: 4\npatches:\n  - target: { kind: Deployment, name: api }\n    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/resources/limits/memory\n        value: 512Mi\n',
        ),
      },
    },
    {
      name: 'a problem of the base is left to the K8S rule that reports it on the base',
      files: {
        ...base,
        'k8s/base/deployment.yaml': deployment.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false'),
        'k8s/overlays/prod/kustomization.yaml': overlay('prod'),
      },
    },
  ],
  invalid: [
    {
      name: 'an inline JSON patch makes prod privileged and an images entry sets latest in dev',
      files: {
        ...base,
        'k8s/overlays/dev/kustomization.yaml': overlay(
          'dev',
          'images:\n  - name: ghcr.io/shop/api\n    newTag: latest\n',
        ),
        'k8s/overlays/prod/kustomization.yaml': overlay(
          'prod',
          'patches:\n  - target: { kind: Deployment, name: api }\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/securityContext/privileged\n        value: true\n',
        ),
      },
      errors: [
        {
          file: 'k8s/overlays/dev/kustomization.yaml',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 19,
          severity: 'error',
          message:
            'After `kustomize build` of `k8s/overlays/dev`: The container "api" of Deployment "api" uses ghcr.io/shop/api:latest: latest is not a version. (K8S003)',
        },
        {
          file: 'k8s/overlays/prod/kustomization.yaml',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 20,
          severity: 'error',
          message: /^After `kustomize build` of `k8s\/overlays\/prod`: .*privileged.* \(K8S002\)$/,
        },
      ],
    },
    {
      name: 'a strategic-merge patch file runs prod as root with one replica',
      files: {
        ...base,
        'k8s/overlays/prod/kustomization.yaml': overlay('prod', 'patches:\n  - path: root.yaml\n'),
        'k8s/overlays/prod/root.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    spec:\n      securityContext:\n        runAsUser: 0\n',
      },
      errors: [
        {
          file: 'k8s/overlays/prod/root.yaml',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 14,
          severity: 'warning',
          message:
            /^After `kustomize build` of `k8s\/overlays\/prod`: Production Deployment "api" runs 1 replica\. \(K8S012\)$/,
        },
        {
          file: 'k8s/overlays/prod/root.yaml',
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 21,
          severity: 'error',
          message: /runAsUser: 0.* \(K8S001\)$/,
        },
      ],
    },
    {
      name: 'features the renderer does not reproduce are reported, not guessed',
      files: {
        ...base,
        'k8s/overlays/prod/kustomization.yaml': overlay('prod', 'helmCharts:\n  - name: redis\n'),
        'k8s/remote/kustomization.yaml': 'resources:\n  - https://github.com/example/shop//k8s/base?ref=v1.0.0\n',
        'k8s/broken/kustomization.yaml': 'resources:\n  - missing.yaml\n',
      },
      errors: [
        {
          file: 'k8s/broken/kustomization.yaml',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 17,
          severity: 'info',
          message:
            'Kustomization `k8s/broken` is not rendered: `missing.yaml` is not in the reviewed files; the K8S rules did not check its output.',
        },
        {
          file: 'k8s/overlays/prod/kustomization.yaml',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 11,
          severity: 'info',
          message: /^Kustomization `k8s\/overlays\/prod` is not rendered: it uses `helmCharts`;/,
        },
        {
          file: 'k8s/remote/kustomization.yaml',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 57,
          severity: 'info',
          message: /is not rendered: it includes remote `https:\/\/github.com\/example\/shop\/\/k8s\/base\?ref=v1.0.0`/,
        },
      ],
    },
  ],
});

describe('KUS005 K8S rule list', () => {
  it('runs every K8S rule of the catalog on rendered overlays', () => {
    const catalog = RULES.filter((r) => r.id.startsWith('K8S')).map((r) => r.id);
    expect(K8S_RULES.map((r) => r.id)).toEqual(catalog);
  });
});
