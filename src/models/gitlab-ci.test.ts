import { describe, expect, it } from 'vitest';
import { projectFromSources } from '../review.js';
import { gitlabPipelines, isDeployJob, isManual, upstreamGitlabJobs } from './gitlab-ci.js';

describe('gitlabPipelines', () => {
  const project = projectFromSources({
    'app/.gitlab-ci.yml': [
      'include:',
      '  - local: /ci/templates.yml',
      '  - /ci/jobs/*.yml',
      '  - template: Security/Container-Scanning.gitlab-ci.yml',
      '  - remote: https://example.com/ci.yml',
      'stages: [build, test, deploy]',
      'default:',
      '  image: node:20.18.1',
      '.base: &base',
      '  before_script:',
      '    - echo base',
      'build:',
      '  <<: *base',
      '  stage: build',
      '  script:',
      '    - docker build -t app .',
      'deploy:',
      '  extends: [.kubectl, .prod]',
      '  script:',
      '    - !reference [.setup, script]',
      '    - kubectl apply -f k8s/',
      '  rules:',
      '    - if: $CI_COMMIT_BRANCH == "main"',
      '      when: manual',
      '',
    ].join('\n'),
    'app/ci/templates.yml':
      '.kubectl:\n  image: bitnami/kubectl:1.31.3\n  stage: deploy\n.prod:\n  environment:\n    name: production\n    deployment_tier: production\n.setup:\n  script:\n    - kubectl config use-context prod\n',
    'app/ci/jobs/lint.yml': 'lint:\n  stage: test\n  script: |\n    helm lint chart\n    kubectl diff -f k8s\n',
  });
  const [pipeline] = gitlabPipelines(project);

  it('is one pipeline: included files are not pipelines of their own', () => {
    expect(gitlabPipelines(project)).toHaveLength(1);
    expect(pipeline?.files.map((f) => f.path)).toEqual([
      'app/.gitlab-ci.yml',
      'app/ci/templates.yml',
      'app/ci/jobs/lint.yml',
    ]);
    expect(pipeline?.includes.map((i) => [i.kind, i.value, i.resolved.length])).toEqual([
      ['local', '/ci/templates.yml', 1],
      ['local', '/ci/jobs/*.yml', 1],
      ['template', 'Security/Container-Scanning.gitlab-ci.yml', 0],
      ['remote', 'https://example.com/ci.yml', 0],
    ]);
    expect(pipeline?.stages).toEqual(['.pre', 'build', 'test', 'deploy', '.post']);
  });

  it('resolves jobs through anchors, extends, default: and !reference, keeping where each value is written', () => {
    const jobs = pipeline?.jobs ?? [];
    expect(jobs.map((j) => [j.name, j.stage, j.stageIndex, j.image?.value, j.image?.file.path])).toEqual([
      ['build', 'build', 1, 'node:20.18.1', 'app/.gitlab-ci.yml'],
      ['deploy', 'deploy', 3, 'bitnami/kubectl:1.31.3', 'app/ci/templates.yml'],
      ['lint', 'test', 2, 'node:20.18.1', 'app/.gitlab-ci.yml'],
    ]);
    const [build, deploy, lint] = jobs;
    expect(build?.scripts.map((s) => [s.phase, s.value])).toEqual([
      ['before_script', 'echo base'],
      ['script', 'docker build -t app .'],
    ]);
    expect(deploy?.scripts.map((s) => [s.file.path, s.value, s.range.line])).toEqual([
      ['app/ci/templates.yml', 'kubectl config use-context prod', 10],
      ['app/.gitlab-ci.yml', 'kubectl apply -f k8s/', 21],
    ]);
    expect(deploy?.environment).toMatchObject({ name: 'production', tier: 'production', action: undefined });
    expect(deploy?.extends).toEqual(['.kubectl', '.prod']);
    expect(deploy && isManual(deploy)).toBe(true);
    expect(deploy && isDeployJob(deploy)).toBe(true);
    expect(lint?.activities.map((a) => [a.label, a.file.path, a.range.line, a.range.column])).toEqual([
      ['helm lint', 'app/ci/jobs/lint.yml', 4, 5],
      ['kubectl diff', 'app/ci/jobs/lint.yml', 5, 5],
    ]);
  });

  it('orders jobs by stage, or by needs when given', () => {
    const [build, deploy, lint] = pipeline?.jobs ?? [];
    expect(deploy && pipeline && upstreamGitlabJobs(pipeline, deploy).map((j) => j.name)).toEqual(['build', 'lint']);
    expect(build && pipeline && upstreamGitlabJobs(pipeline, build)).toEqual([]);
    expect(lint && pipeline && upstreamGitlabJobs(pipeline, lint).map((j) => j.name)).toEqual(['build']);
  });

  it('survives extends cycles, missing templates and include loops', () => {
    const looping = projectFromSources({
      '.gitlab-ci.yml': 'include: a.yml\na:\n  extends: .b\n  script: [make]\n.b:\n  extends: .c\n.c:\n  extends: .b\n',
      'a.yml': 'include: /.gitlab-ci.yml\n.x:\n  extends: .missing\n',
    });
    const pipelines = gitlabPipelines(looping);
    expect(pipelines.flatMap((p) => p.jobs.map((j) => [j.name, j.stage, j.image]))).toEqual([['a', 'test', undefined]]);
  });
});
