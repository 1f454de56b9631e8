import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewSources } from '../../../review.js';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';
import { findExecutable } from '../../validate.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

const DIGEST = `sha256:${'b'.repeat(64)}`;

describe('run k8s-app', () => {
  it('default: hardened Deployment, probes, RollingUpdate, HPA, PDB, policies, ExternalSecret, overlays', () => {
    g = generate('k8s-app');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual([
      'k8s/base/deployment.yaml',
      'k8s/base/externalsecret.yaml',
      'k8s/base/hpa.yaml',
      'k8s/base/kustomization.yaml',
      'k8s/base/networkpolicy.yaml',
      'k8s/base/pdb.yaml',
      'k8s/base/service.yaml',
      'k8s/base/serviceaccount.yaml',
      ...['dev', 'prod', 'staging'].flatMap((e) => [
        `k8s/overlays/${e}/kustomization.yaml`,
        `k8s/overlays/${e}/namespace.yaml`,
      ]),
    ]);
    const [deploy] = g.yaml('k8s/base/deployment.yaml');
    const pod = at(deploy, 'spec', 'template', 'spec');
    const c = at(pod, 'containers', 0);
    expect(at(pod, 'securityContext')).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(at(pod, 'automountServiceAccountToken')).toBe(false);
    expect(at(c, 'securityContext')).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(at(c, 'resources')).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    });
    expect(at(c, 'startupProbe', 'httpGet', 'path')).toBe('/health');
    expect(at(c, 'livenessProbe', 'httpGet', 'path')).toBe('/health');
    expect(at(c, 'readinessProbe', 'httpGet', 'path')).toBe('/ready');
    expect(at(deploy, 'spec', 'strategy')).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    const policies = g.yaml('k8s/base/networkpolicy.yaml');
    expect(policies.map((p) => at(p, 'metadata', 'name'))).toEqual([
      'app-default-deny',
      'app-allow-dns',
      'app-allow-ingress',
    ]);
    expect(at(policies[0], 'spec')).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(at(g.yaml('k8s/base/serviceaccount.yaml')[0], 'automountServiceAccountToken')).toBe(false);
    expect(at(g.yaml('k8s/base/externalsecret.yaml')[0], 'spec', 'refreshInterval')).toBe('1h');
    expect(g.paths.some((p) => /secret\.ya?ml$/.test(p) && !p.includes('external'))).toBe(false);
    // No digest given: prod pins the tag and says where the digest goes.
    expect(g.read('k8s/overlays/prod/kustomization.yaml')).toContain('# Digest slot');
    expect(g.result.next.fill?.[0]).toMatch(/^prod digest slot/);
  });

  it('prod overlay: replicas ≥ 3, HPA minimum, digest-pinned image, own namespace', () => {
    g = generate('k8s-app', ['name=shop-api', `digest=${DIGEST}`, 'prod_replicas=4', 'version=2.3.4']);
    expect(problems(g.result)).toEqual([]);
    const [prod] = g.yaml('k8s/overlays/prod/kustomization.yaml');
    expect(at(prod, 'namespace')).toBe('shop-api-prod');
    expect(at(prod, 'images')).toEqual([{ name: 'ghcr.io/example/app', newTag: '2.3.4', digest: DIGEST }]);
    const patches = (at(prod, 'patches') as { patch: string }[]).map((p) => p.patch);
    expect(patches[0]).toContain('path: /spec/replicas\n  value: 4');
    expect(patches[1]).toContain('/spec/minReplicas');
    expect(at(g.yaml('k8s/overlays/staging/kustomization.yaml')[0], 'images')).toEqual([
      { name: 'ghcr.io/example/app', newTag: '2.3.4' },
    ]);
  });

  it.runIf(findExecutable('kubectl') !== undefined)(
    'rendered overlays pass the whole catalog too (as KUS005 will check)',
    () => {
      g = generate('k8s-app', [`digest=${DIGEST}`]);
      for (const env of ['dev', 'staging', 'prod']) {
        const rendered = spawnSync('kubectl', ['kustomize', `${g.dir}/k8s/overlays/${env}`], { encoding: 'utf8' });
        expect(rendered.status, rendered.stderr).toBe(0);
        if (env === 'prod') {
          expect(rendered.stdout).toMatch(/replicas: 3\n/);
          expect(rendered.stdout).toContain(`image: ghcr.io/example/app:1.0.0@${DIGEST}`);
        }
        const findings = reviewSources({ [`rendered/${env}/all.yaml`]: rendered.stdout }).filter((f) => !f.suppressed);
        expect(findings.map((f) => `${env}: ${f.ruleId} ${f.message}`)).toEqual([]);
      }
    },
  );
});
