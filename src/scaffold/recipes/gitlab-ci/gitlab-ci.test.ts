import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run gitlab-ci', () => {
  it('stages, pinned images, Trivy jobs, validation before deploy, manual prod with environment, rollback', () => {
    g = generate('gitlab-ci');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['.gitlab-ci.yml']);
    const [ci] = g.yaml('.gitlab-ci.yml');
    expect(at(ci, 'stages')).toEqual([
      'test',
      'security',
      'build',
      'scan',
      'validate',
      'deploy-staging',
      'deploy-prod',
    ]);
    expect(g.read('.gitlab-ci.yml')).not.toMatch(/^\s*(only|except):/m);
    const jobs = ci as Record<string, Record<string, unknown>>;
    // Every image is pinned to a version (no implicit latest).
    for (const [name, job] of Object.entries(jobs)) {
      const image = typeof job?.image === 'string' ? job.image : (job?.image as { name?: string } | undefined)?.name;
      if (image !== undefined) expect(image, name).toMatch(/:[\w.-]*\d[\w.-]*$/);
    }
    expect(at(jobs, 'trivy-fs', 'script', 0)).toContain('trivy fs');
    expect(at(jobs, 'trivy-image', 'script', 0)).toContain('trivy image');
    expect(at(jobs, 'secret-scan', 'script', 0)).toContain('gitleaks detect');
    expect(at(jobs, 'deploy-prod', 'rules', 0)).toMatchObject({ when: 'manual', allow_failure: false });
    expect(at(jobs, 'deploy-prod', 'environment')).toEqual({ name: 'production', deployment_tier: 'production' });
    expect(at(jobs, 'deploy-prod', 'needs')).toEqual(['render-prod', 'deploy-staging']);
    expect(at(jobs, 'render-prod', 'stage')).toBe('validate');
    expect(at(jobs, 'render-prod', 'script', 2)).toContain('kustomize build');
    const script = at(jobs, 'deploy-prod', 'script') as string[];
    expect(script.findIndex((l) => l.includes('--dry-run=server'))).toBeLessThan(
      script.findIndex((l) => l.startsWith('kubectl apply -f')),
    );
    expect(String(at(jobs, 'deploy-prod', 'after_script', 0))).toContain('kubectl -n app-prod rollout undo deploy/app');
  });

  it('name, image and test options', () => {
    g = generate('gitlab-ci', [
      'name=billing',
      'image=registry.gitlab.com/acme/billing',
      'test_image=python:3.12.8-slim-bookworm',
      'test_command=pytest -q',
    ]);
    expect(problems(g.result)).toEqual([]);
    const [ci] = g.yaml('.gitlab-ci.yml');
    expect(at(ci, 'variables', 'IMAGE')).toBe('registry.gitlab.com/acme/billing');
    expect(at(ci, 'test')).toMatchObject({ image: 'python:3.12.8-slim-bookworm', script: ['pytest -q'] });
    expect(String(at(ci, 'deploy-staging', 'script', 4))).toBe(
      'kubectl -n billing-staging rollout status deploy/billing --timeout=5m',
    );
  });
});
