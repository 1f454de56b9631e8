import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

const FILE = '.github/workflows/ci-cd.yml';
type Step = { uses?: string; run?: string; if?: string; name?: string };

function workflow(gen: Generated) {
  const [doc] = gen.yaml(FILE);
  const jobs = at(doc, 'jobs') as Record<string, Record<string, unknown>>;
  const steps = (job: string) => (at(jobs, job, 'steps') as Step[]) ?? [];
  return { doc, jobs, steps };
}

describe('run github-actions', () => {
  it('default (k8s): pipeline order, least privilege, SHA pins, scans, approval, validation, rollback', () => {
    g = generate('github-actions');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual([FILE]);
    const { doc, jobs, steps } = workflow(g);
    expect(Object.keys(jobs)).toEqual(['test', 'security', 'build', 'deploy-staging', 'deploy-prod']);
    expect(at(jobs, 'security', 'needs')).toEqual(['test']);
    expect(at(jobs, 'build', 'needs')).toEqual(['security']);
    expect(at(jobs, 'deploy-prod', 'needs')).toEqual(['build', 'deploy-staging']);
    expect(at(doc, 'permissions')).toEqual({ contents: 'read' });
    expect(at(jobs, 'build', 'permissions')).toEqual({
      contents: 'read',
      packages: 'write',
      'security-events': 'write',
    });

    // Every action is pinned to a full SHA with its version in a comment.
    const usesLines = g.read(FILE).match(/uses: \S+.*$/gm) ?? [];
    expect(usesLines.length).toBeGreaterThan(10);
    for (const line of usesLines) expect(line).toMatch(/^uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);

    const security = steps('security');
    expect(security.some((s) => s.run?.includes('gitleaks') && s.run.includes('detect'))).toBe(true);
    expect(security.some((s) => s.uses?.startsWith('aquasecurity/trivy-action@'))).toBe(true);
    expect(security.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    const build = steps('build');
    expect(build.filter((s) => s.uses?.startsWith('aquasecurity/trivy-action@'))).toHaveLength(1);
    expect(build.map((s) => s.uses?.split('@')[0]).filter(Boolean)).toEqual([
      'actions/checkout',
      'docker/setup-buildx-action',
      'docker/metadata-action',
      'docker/build-push-action',
      'aquasecurity/trivy-action',
      'github/codeql-action/upload-sarif',
      'docker/login-action',
      'docker/build-push-action',
    ]);

    expect(at(jobs, 'deploy-prod', 'environment')).toBe('production');
    expect(at(jobs, 'deploy-prod', 'concurrency')).toEqual({ group: 'deploy-prod', 'cancel-in-progress': false });
    const prod = steps('deploy-prod');
    const names = prod.map((s) => s.name);
    expect(names.indexOf('Validate (server-side dry run, then diff)')).toBeLessThan(names.indexOf('Deploy'));
    const rollback = prod.find((s) => s.name === 'Roll back on failure');
    expect(rollback?.if).toBe('failure()');
    expect(rollback?.run).toContain('kubectl -n app-prod rollout undo deploy/app');
    // No expression is interpolated into a script: values reach run: through env.
    for (const job of Object.keys(jobs)) for (const s of steps(job)) expect(s.run ?? '', `${job}`).not.toContain('${{');
  });

  for (const [target, deploy, rollback] of [
    [
      'ecs',
      'aws ecs update-service',
      'aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" --task-definition "$PREVIOUS"',
    ],
    ['cloudrun', 'gcloud run services update-traffic', '--to-revisions "$PREVIOUS=100"'],
    ['compose', 'docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d --wait', 'APP_VERSION'],
  ] as const) {
    it(`target=${target}: OIDC where the cloud allows it, deploy and rollback steps`, () => {
      g = generate('github-actions', [`target=${target}`, 'lang=python', 'image=registry.example.com/team/app']);
      expect(problems(g.result)).toEqual([]);
      const { jobs, steps } = workflow(g);
      const prod = steps('deploy-prod');
      expect(prod.find((s) => s.name?.startsWith('Deploy'))?.run).toContain(deploy);
      const back = prod.find((s) => s.name === 'Roll back on failure');
      expect(back?.if).toMatch(/^failure\(\)/);
      expect(`${back?.run} ${JSON.stringify(back)}`).toContain(rollback);
      const idToken = at(jobs, 'deploy-prod', 'permissions', 'id-token');
      expect(idToken).toBe(target === 'compose' ? undefined : 'write');
      expect(steps('test').some((s) => s.uses?.startsWith('actions/setup-python@'))).toBe(true);
      expect(g.read(FILE)).toContain('password: ${{ secrets.REGISTRY_TOKEN }}');
    });
  }
});
