import { afterEach, describe, expect, it } from 'vitest';
import { RULES } from '../../../rules/registry.js';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run gitops', () => {
  it('argocd: project, automated Applications with retry, pinned staging/prod, app of apps, README', () => {
    g = generate('gitops');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual([
      'gitops/README.md',
      'gitops/argocd/applications/app-dev.yaml',
      'gitops/argocd/applications/app-prod.yaml',
      'gitops/argocd/applications/app-staging.yaml',
      'gitops/argocd/project.yaml',
      'gitops/argocd/root.yaml',
    ]);
    const revisions: Record<string, unknown> = {};
    for (const env of ['dev', 'staging', 'prod']) {
      const [app] = g.yaml(`gitops/argocd/applications/app-${env}.yaml`);
      expect(at(app, 'spec', 'project'), env).toBe('app');
      expect(at(app, 'spec', 'syncPolicy', 'automated'), env).toEqual({ prune: true, selfHeal: true });
      expect(at(app, 'spec', 'syncPolicy', 'retry', 'limit'), env).toBe(5);
      expect(at(app, 'spec', 'source', 'path'), env).toBe(`k8s/overlays/${env}`);
      revisions[env] = at(app, 'spec', 'source', 'targetRevision');
    }
    expect(revisions).toEqual({ dev: 'main', staging: 'v1.0.0', prod: 'v1.0.0' });
    // The deliberate moving revisions carry their reason once the catalog has the GitOps rule.
    const annotated = g.read('gitops/argocd/applications/app-dev.yaml').includes('proagent-devops.io/ignore-GOP002');
    expect(annotated).toBe(RULES.some((r) => r.id === 'GOP002'));
    expect(at(g.yaml('gitops/argocd/root.yaml')[0], 'spec', 'source', 'path')).toBe('gitops/argocd/applications');
    expect(at(g.yaml('gitops/argocd/project.yaml')[0], 'spec', 'destinations')).toHaveLength(3);
    expect(g.read('gitops/README.md')).toContain('## Promotion is a pull request');
  });

  it('flux: GitRepository per environment and Kustomizations with prune, wait, timeout', () => {
    g = generate('gitops', ['engine=flux', 'prod_revision=v2.0.1', `staging_revision=${'d'.repeat(40)}`]);
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual([
      'gitops/README.md',
      'gitops/flux/app-dev.yaml',
      'gitops/flux/app-prod.yaml',
      'gitops/flux/app-staging.yaml',
    ]);
    const [source, kustomization] = g.yaml('gitops/flux/app-prod.yaml');
    expect(at(source, 'spec', 'ref')).toEqual({ tag: 'v2.0.1' });
    expect(at(g.yaml('gitops/flux/app-staging.yaml')[0], 'spec', 'ref')).toEqual({ commit: 'd'.repeat(40) });
    expect(at(kustomization, 'spec')).toMatchObject({
      prune: true,
      wait: true,
      timeout: '5m',
      interval: '10m',
      path: './k8s/overlays/prod',
    });
  });

  it('prod never tracks a branch', () => {
    expect(() => generate('gitops', ['prod_revision=main'])).toThrow('prod never tracks a branch');
  });
});
