import { afterEach, describe, expect, it } from 'vitest';
import { type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run jenkins', () => {
  it('declarative stages, Trivy, withCredentials, input before prod behind a branch guard', () => {
    g = generate('jenkins');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['Jenkinsfile']);
    const jf = g.read('Jenkinsfile');
    expect([...jf.matchAll(/stage\('([^']+)'\)/g)].map((m) => m[1])).toEqual([
      'Test',
      'Security',
      'Secret scan',
      'Trivy filesystem',
      'Build',
      'Trivy image',
      'Push',
      'Deploy staging',
      'Deploy prod',
    ]);
    const prod = jf.slice(jf.indexOf("stage('Deploy prod')"));
    expect(prod).toMatch(/when \{\n\s+beforeInput true\n\s+branch 'main'\n\s+\}/);
    expect(prod).toMatch(
      /input \{\n\s+message 'Deploy app to production\?'\n\s+ok 'Deploy'\n\s+submitter 'release-managers'/,
    );
    expect(prod).toContain("failure { rollBack('prod') }");
    expect(jf).toContain("withCredentials([usernamePassword(credentialsId: 'registry'");
    expect(jf).toContain('withCredentials([file(credentialsId: "kubeconfig-${target}", variable: \'KUBECONFIG\')])');
    // Shell steps that see credentials are single-quoted: Groovy never interpolates a secret.
    expect(jf).not.toMatch(/sh "[^"]*\$\{?REGISTRY_TOKEN/);
    expect(jf.indexOf('kubectl apply --dry-run=server')).toBeLessThan(jf.indexOf('kubectl apply -f'));
  });

  it('approvers and test options', () => {
    g = generate('jenkins', ['approvers=sre,leads', 'test_command=make test']);
    expect(problems(g.result)).toEqual([]);
    expect(g.read('Jenkinsfile')).toContain("submitter 'sre,leads'");
    expect(g.read('Jenkinsfile')).toContain("sh 'make test'");
  });
});
