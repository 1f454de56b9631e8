// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold GitHub `${{ }}` expressions, not JS templates
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import { projectFromSources } from '../review.js';
import { githubWorkflow, repoRoot, upstreamJobs } from './github-actions.js';
import { prodReason, resolveLocal, workflowActivities } from './github-jobs.js';

const workflowFile = (text: string, path = '.github/workflows/ci.yml') => new SourceFile(path, 'github-workflow', text);
const slice = (file: SourceFile, s: { start: number; end: number }) => file.text.slice(s.start, s.end);

describe('githubWorkflow: run scripts parsed as shell with file offsets', () => {
  const text = [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    '      - run: |',
    '          set -e',
    '            kubectl apply -f k8s/ \\',
    '              -n "${{ inputs.namespace }}"',
    '      - run: >-',
    '          helm upgrade api ./chart',
    '          --atomic',
    '      - run: "docker build -t \\"app:${{ github.sha }}\\" ."',
    "      - run: 'echo ''quoted'' && trivy fs .'",
    '      - run: npm ci && npm test',
    '      - shell: pwsh',
    '        run: Write-Host "${{ github.event.issue.title }}"',
    '',
  ].join('\n');
  const file = workflowFile(text);
  const steps = githubWorkflow(file)?.jobs[0]?.steps ?? [];

  it('maps every command back to its exact text in block literal, folded, quoted and plain scalars', () => {
    const commands = steps.map((s) => (s.run?.shell?.commands ?? []).map((c) => slice(file, c)));
    expect(commands).toEqual([
      ['set -e', 'kubectl apply -f k8s/ \\\n              -n "${{ inputs.namespace }}"'],
      ['helm upgrade api ./chart\n          --atomic'],
      ['docker build -t \\"app:${{ github.sha }}\\" .'],
      ["echo ''quoted''", 'trivy fs .'],
      ['npm ci', 'npm test'],
      [],
    ]);
  });

  it('words keep their file spans; an expression makes its word non-literal', () => {
    const kubectl = steps[0]?.run?.shell?.commands[1];
    expect(kubectl?.words.map((w) => w.value)).toEqual(['kubectl', 'apply', '-f', 'k8s/', '-n', undefined]);
    expect(kubectl && slice(file, kubectl.words[5] as { start: number; end: number })).toBe(
      '"${{ inputs.namespace }}"',
    );
  });

  it('locates ${{ }} expressions with their context references', () => {
    const expressions = steps.flatMap((s) => s.run?.expressions ?? []);
    expect(expressions.map((e) => [slice(file, e), e.refs, e.range.line, e.range.column])).toEqual([
      ['${{ inputs.namespace }}', ['inputs.namespace'], 9, 19],
      ['${{ github.sha }}', ['github.sha'], 13, 37],
      ['${{ github.event.issue.title }}', ['github.event.issue.title'], 17, 26],
    ]);
  });

  it('does not parse non-POSIX shells as sh, but still finds their expressions', () => {
    expect(steps[5]?.run?.shell).toBeUndefined();
    expect(steps[5]?.run?.expressions).toHaveLength(1);
  });

  it('classifies what each step does, at the command', () => {
    expect(steps.map((s) => s.activities.map((a) => `${a.category}:${a.label}@${a.range.line}`))).toEqual([
      ['deploy:kubectl apply@8'],
      ['deploy:helm upgrade@11'],
      ['image-build:docker build@13'],
      ['trivy:trivy fs@14', 'secret-scan:trivy@14'],
      [],
      [],
    ]);
    expect(steps[1]?.activities[0]?.selfRollback).toBe(true);
  });
});

describe('githubWorkflow: triggers, permissions, jobs', () => {
  const file = workflowFile(
    [
      'name: release',
      'on:',
      '  push:',
      '    branches: [main]',
      '    tags: ["v*"]',
      '  workflow_dispatch:',
      '    inputs:',
      '      note: {}',
      '      env: { type: choice, options: [a, b] }',
      'permissions: read-all',
      'concurrency: release',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    needs: c',
      '    permissions: { contents: write }',
      '    environment: production',
      '    steps:',
      '      - uses: docker://ghcr.io/org/tool:1.2@sha256:0123',
      '      - uses: ./.github/actions/setup',
      '      - uses: Org/Action/sub/path@v1',
      '  b:',
      '    needs: [a]',
      '    uses: org/repo/.github/workflows/x.yml@main',
      '  c:',
      '    needs: b',
      '    runs-on: ubuntu-24.04',
      '    environment:',
      '      name: staging',
      '      url: https://staging.example.com',
      '    steps: []',
      '',
    ].join('\n'),
  );
  const wf = githubWorkflow(file);

  it('reads triggers with their filters and dispatch input types', () => {
    expect(wf?.triggers.map((t) => [t.event, t.branches, t.tags, t.inputs])).toEqual([
      ['push', ['main'], ['v*'], []],
      [
        'workflow_dispatch',
        undefined,
        undefined,
        [
          { name: 'note', type: 'string' },
          { name: 'env', type: 'choice' },
        ],
      ],
    ]);
  });

  it('reads permissions (scalar and map), concurrency, environments, needs and uses refs', () => {
    expect(wf?.permissions?.scalar).toBe('read-all');
    expect(wf?.concurrency?.keyRange).toEqual({ line: 11, column: 1, endLine: 11, endColumn: 12 });
    const [a, b, c] = wf?.jobs ?? [];
    expect(a?.permissions?.scopes.get('contents')).toBe('write');
    expect(a?.environment?.name?.value).toBe('production');
    expect(c?.environment?.name?.value).toBe('staging');
    expect(b?.uses).toMatchObject({ kind: 'action', name: 'org/repo/.github/workflows/x.yml', ref: 'main' });
    expect(a?.steps.map((s) => [s.uses?.kind, s.uses?.name, s.uses?.ref, s.uses?.digest])).toEqual([
      ['docker', 'ghcr.io/org/tool:1.2@sha256:0123', '1.2', 'sha256:0123'],
      ['local', './.github/actions/setup', undefined, undefined],
      ['action', 'org/action/sub/path', 'v1', undefined],
    ]);
  });

  it('walks the needs graph transitively and tolerates cycles', () => {
    const [a, b] = wf?.jobs ?? [];
    expect(a && wf && upstreamJobs(wf, a).map((j) => j.id)).toEqual(['c', 'b']);
    expect(b && wf && upstreamJobs(wf, b).map((j) => j.id)).toEqual(['a', 'c']);
  });
});

describe('composite actions, local references, repository roots', () => {
  it('models a composite action as one job of steps', () => {
    const file = new SourceFile(
      '.github/actions/build/action.yml',
      'github-action',
      'name: build\nruns:\n  using: composite\n  steps:\n    - run: docker build -t app .\n      shell: bash\n',
    );
    const action = githubWorkflow(file);
    expect(action?.kind).toBe('action');
    expect(action?.jobs.map((j) => [j.id, j.steps.flatMap((s) => s.activities.map((a) => a.label))])).toEqual([
      ['build', ['docker build']],
    ]);
    expect(
      githubWorkflow(new SourceFile('action.yml', 'github-action', 'runs:\n  using: node20\n  main: x.js\n'))?.jobs,
    ).toEqual([]);
  });

  it('resolves local actions and reusable workflows from the repository root', () => {
    const project = projectFromSources({
      'shop/.github/workflows/ci.yml':
        'on: push\njobs:\n  scan:\n    uses: ./.github/workflows/scan.yml\n  build:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/setup\n',
      'shop/.github/workflows/scan.yml':
        'on: workflow_call\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: trivy fs .\n',
      'shop/.github/actions/setup/action.yml':
        'runs:\n  using: composite\n  steps:\n    - run: helm lint chart\n      shell: bash\n',
    });
    const file = project.get('shop/.github/workflows/ci.yml');
    const wf = file && githubWorkflow(file);
    expect(wf?.root).toBe('shop/');
    const ref = wf?.jobs[1]?.steps[0]?.uses;
    expect(ref && wf && resolveLocal(project, wf, ref)?.file.path).toBe('shop/.github/actions/setup/action.yml');
    expect(wf && workflowActivities(project, wf).map((a) => a.label)).toEqual(['trivy fs', 'trivy', 'helm lint']);
  });

  it('finds the repository root of workflows and actions', () => {
    expect(repoRoot('.github/workflows/ci.yml')).toBe('');
    expect(repoRoot('examples/shop/.github/workflows/ci.yml')).toBe('examples/shop/');
    expect(repoRoot('action.yml')).toBe('');
    expect(repoRoot('tools/lint/action.yml')).toBe('tools/lint/');
  });
});

describe('prodReason', () => {
  const isProd = (...names: (string | undefined)[]) =>
    names.some((n) => n !== undefined && /(^|[-_./])(prod|production)([-_./]|$)/i.test(n));
  const reason = (text: string) => {
    const wf = githubWorkflow(workflowFile(text));
    const job = wf?.jobs[0];
    return wf && job ? prodReason(wf, job, isProd) : 'no job';
  };
  const job = (extra = '') =>
    `jobs:\n  ship:\n    runs-on: x\n${extra}    steps:\n      - run: kubectl apply -f k8s/\n`;

  it('explains why a deploy job is production, or says nothing', () => {
    expect(reason(`on: pull_request\n${job()}`)).toBeUndefined();
    expect(reason(`on: pull_request\njobs:\n  ship:\n    name: Deploy prod\n    steps: []\n`)).toBe(
      'job name `Deploy prod`',
    );
    expect(reason(`on: push\n${job()}`)).toBe('it runs on every push, including the default branch');
    expect(reason(`on:\n  push:\n    branches: [develop]\n${job()}`)).toBeUndefined();
    expect(reason(`on: release\n${job()}`)).toBe('it runs on releases');
    expect(reason(`on: workflow_dispatch\n${job("    if: github.ref == 'refs/heads/main'\n")}`)).toBe(
      'it runs on the default branch or tags',
    );
  });
});
