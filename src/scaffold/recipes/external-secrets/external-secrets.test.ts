import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run external-secrets', () => {
  it('vault, namespaced: SecretStore with Kubernetes auth, ExternalSecret with refresh, runbook', () => {
    g = generate('external-secrets');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual([
      'docs/runbooks/secret-rotation.md',
      'k8s/external-secrets/external-secret.yaml',
      'k8s/external-secrets/secret-store.yaml',
    ]);
    const [sa, store] = g.yaml('k8s/external-secrets/secret-store.yaml');
    expect(at(sa, 'automountServiceAccountToken')).toBe(false);
    expect(at(store, 'kind')).toBe('SecretStore');
    expect(at(store, 'spec', 'provider', 'vault', 'auth', 'kubernetes', 'role')).toBe('app-secrets-reader');
    const [es] = g.yaml('k8s/external-secrets/external-secret.yaml');
    expect(at(es, 'spec', 'refreshInterval')).toBe('1h');
    expect(at(es, 'spec', 'secretStoreRef')).toEqual({ kind: 'SecretStore', name: 'app-vault' });
    const runbook = g.read('docs/runbooks/secret-rotation.md');
    for (const heading of ['## Rotate', '## Roll back', '## When the sync itself fails'])
      expect(runbook).toContain(heading);
    expect(runbook).toContain('vault kv put secret/app/prod');
  });

  it('aws, cluster scope: IRSA role on the service account, store limited to the namespace', () => {
    g = generate('external-secrets', ['provider=aws', 'scope=cluster', 'refresh=15m']);
    expect(problems(g.result)).toEqual([]);
    const [sa, store] = g.yaml('k8s/external-secrets/secret-store.yaml');
    expect(at(sa, 'metadata', 'annotations', 'eks.amazonaws.com/role-arn')).toBe(
      'arn:aws:iam::123456789012:role/app-external-secrets',
    );
    expect(at(store, 'kind')).toBe('ClusterSecretStore');
    expect(at(store, 'spec', 'conditions')).toEqual([{ namespaces: ['app-prod'] }]);
    expect(at(store, 'spec', 'provider', 'aws', 'auth', 'jwt', 'serviceAccountRef')).toEqual({
      name: 'app-secrets-reader',
      namespace: 'app-prod',
    });
    expect(at(g.yaml('k8s/external-secrets/external-secret.yaml')[0], 'spec', 'refreshInterval')).toBe('15m');
  });

  it('gcp: Workload Identity', () => {
    g = generate('external-secrets', ['provider=gcp']);
    expect(problems(g.result)).toEqual([]);
    const [sa, store] = g.yaml('k8s/external-secrets/secret-store.yaml');
    expect(at(sa, 'metadata', 'annotations', 'iam.gke.io/gcp-service-account')).toBe(
      'app-secrets@example-project.iam.gserviceaccount.com',
    );
    expect(at(store, 'spec', 'provider', 'gcpsm', 'projectID')).toBe('example-project');
  });
});
