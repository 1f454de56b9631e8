import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseUnifiedDiff } from '../src/adapters/action/changed-lines.js';
import { annotation, escapeProperty, inert } from '../src/adapters/action/workflow-commands.js';
import { runCli } from '../src/adapters/cli/run.js';
import type { Finding } from '../src/core/types.js';

const repo = new URL('..', import.meta.url).pathname;
let dir: string;
let bundle: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-action-'));
  // Copied out of the repository so that no node_modules can be resolved from it: the runner has none.
  // The grammar's wasm ships beside the bundle in dist/, as in a checkout of the Action.
  bundle = join(dir, 'action', 'action.mjs');
  mkdirSync(dirname(bundle), { recursive: true });
  for (const file of ['action.mjs', 'web-tree-sitter.wasm', 'tree-sitter-hcl.wasm']) {
    copyFileSync(join(repo, 'dist', file), join(dir, 'action', file));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  annotations: string[];
}

/** Runs the bundle the way the runner does: `node dist/action.mjs` with INPUT_* and GITHUB_* variables. */
function runAction(cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}): Run {
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const r = spawnSync(process.execPath, [bundle], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: cwd,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      ...inputEnv,
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs,
    annotations: r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l)),
  };
}

/** The report the Action printed between `::stop-commands::TOKEN` and `::TOKEN::`. */
function reportOf(stdout: string): string {
  const token = /^::stop-commands::(pdo-[0-9a-f]{32})\n/.exec(stdout)?.[1];
  expect(token).toBeDefined();
  return stdout.slice(stdout.indexOf('\n') + 1, stdout.indexOf(`\n::${token}::\n`) + 1);
}

interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
}

describe('the Action bundle (dist/action.mjs) on examples/', () => {
  it('writes SARIF, the job summary, step outputs and annotations, and fails on errors', () => {
    const run = runAction(repo, {
      path: 'examples',
      format: 'text',
      'fail-on': 'error',
      'sarif-file': join(dir, 'reports/review.sarif'),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);

    const sarif = JSON.parse(readFileSync(join(dir, 'reports/review.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results: SarifResult[] = sarif.runs[0].results;
    const uris = results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri ?? '');
    expect(uris.every((u) => u.startsWith('examples/'))).toBe(true);
    expect(uris).toContain('examples/insecure-shop/api/Dockerfile');

    const errors = results.filter((r) => r.level === 'error').length;
    expect(run.outputs).toEqual({
      'sarif-file': join(dir, 'reports/review.sarif'),
      findings: String(results.length),
      errors: String(errors),
      annotated: String(run.annotations.length),
    });

    // Outside a pull request every finding is a candidate; GitHub keeps 10 per level and step.
    const perLevel = (level: string) => run.annotations.filter((a) => a.startsWith(`::${level} `)).length;
    const count = (level: string) => results.filter((r) => r.level === level).length;
    expect(perLevel('error')).toBe(Math.min(10, count('error')));
    expect(perLevel('warning')).toBe(Math.min(10, count('warning')));
    expect(perLevel('notice')).toBe(Math.min(10, count('note')));
    for (const a of run.annotations)
      expect(a).toMatch(/^::(error|warning|notice) file=examples\/[^,]+,line=\d+,endLine=\d+,/);

    // The report is in the log, inert to the runner, followed by the failure line.
    const report = reportOf(run.stdout);
    expect(report).toContain('examples/insecure-shop/api/Dockerfile');
    expect(report).toContain('DKR002');
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error::proagent-devops: ${results.length} findings \\(${errors} error, \\d+ warning, \\d+ info\\); fail-on is error$`,
        'm',
      ),
    );

    expect(run.summary).toMatch(/^<!-- proagent-devops:review -->\n## proagent-devops review\n/);
    expect(run.summary).toContain('DKR002');
    expect(run.summary).toContain(
      `Annotated ${run.annotations.length} of ${results.length} findings: every finding (not a pull request).`,
    );
    // Secrets from the example stay redacted in every output.
    for (const text of [run.stdout, run.summary, readFileSync(join(dir, 'reports/review.sarif'), 'utf8')]) {
      expect(text).not.toContain('SuperSecret123');
    }
  });

  it('passes with fail-on never and a clean tree, and writes no SARIF when sarif-file is empty', () => {
    const never = runAction(repo, { path: 'examples/insecure-shop/k8s', 'fail-on': 'never', 'sarif-file': '' });
    expect(never.status).toBe(0);
    expect(never.outputs['sarif-file']).toBe('');
    expect(never.stdout).not.toContain('::error::');
    const clean = runAction(repo, {
      // Directories, so the review sees each Dockerfile's .dockerignore (DKR011) and the Dockerfiles compose builds.
      path: 'examples/hardened-shop/docker-compose.yml\nexamples/hardened-shop/api\nexamples/hardened-shop/web',
      format: 'json',
      'sarif-file': join(dir, 'clean.sarif'),
    });
    expect(clean.status).toBe(0);
    expect(JSON.parse(reportOf(clean.stdout)).summary.files).toBe(11);
  });

  it('reviews Terraform with the grammar shipped beside the bundle', () => {
    const work = join(dir, 'tf');
    mkdirSync(work);
    writeFileSync(join(work, 'main.tf'), 'resource "aws_db_instance" "db" {\n  password = "Sup3rS3cretValue!"\n}\n');
    const run = runAction(work, { 'fail-on': 'never', 'sarif-file': 'out/tf.sarif' });
    expect(run.stderr).toBe('');
    const results: SarifResult[] = JSON.parse(readFileSync(join(work, 'out/tf.sarif'), 'utf8')).runs[0].results;
    expect(results.map((r) => r.ruleId)).toContain('TF004');
    expect(results.map((r) => r.ruleId)).not.toContain('PDO000');
    const tf004 = run.annotations.find((a) => a.includes('title=TF004 '));
    expect(tf004).toMatch(/^::error file=main\.tf,line=2,endLine=2,col=14,endColumn=33,title=TF004 [^:]+::/);
    expect(tf004).toContain('::`password` of `aws_db_instance.db` holds a literal secret (Sup3****).%0AFix: ');
    expect(run.stdout).not.toContain('Sup3rS3cretValue');
  });

  it('rejects bad inputs with one ::error:: line and exit 2, never a stack trace', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'fail-on': 'fatal' }, 'input fail-on must be one of error, warning, info, never (got "fatal")'],
      [{ format: 'html' }, 'input format must be one of text, json, sarif, markdown (got "html")'],
      [{ path: '../..' }, 'input path ../.. is outside the workspace'],
      [{ path: 'nope' }, 'input path nope: no such file or directory'],
      [{ config: 'missing.yaml' }, 'input config missing.yaml: no such file'],
      [{ 'sarif-file': 'a.sarif\nfindings=0' }, 'input sarif-file must be a single path'],
    ];
    for (const [inputs, message] of cases) {
      const run = runAction(repo, { path: 'examples', ...inputs });
      expect(run.status, message).toBe(2);
      expect(run.stdout).toBe(`::error::proagent-devops: ${message}\n`);
      expect(run.stderr).toBe('');
    }
  });
});

describe('annotations on a pull request', () => {
  const gitEnv = {
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.invalid',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv, HOME: dir }, stdio: 'pipe' }).toString();

  /** examples/insecure-shop on `main`, and a branch that edits one line of a Dockerfile and adds a new one. */
  function pullRequest(): string {
    const work = join(dir, 'repo');
    cpSync(join(repo, 'examples/insecure-shop'), work, { recursive: true });
    git(work, 'init', '-q', '-b', 'main');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'base');
    git(work, 'checkout', '-q', '-b', 'feature');
    const dockerfile = readFileSync(join(work, 'api/Dockerfile'), 'utf8');
    writeFileSync(join(work, 'api/Dockerfile'), dockerfile.replace('FROM node:latest', 'FROM node'));
    mkdirSync(join(work, 'worker'));
    writeFileSync(join(work, 'worker/Dockerfile'), 'FROM alpine\nCMD ["true"]\n');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'change');
    return work;
  }

  const annotated = (run: Run) =>
    run.annotations.map((a) => /file=([^,]+),line=(\d+),.*title=(\S+)/.exec(a)?.slice(1, 4).join(' '));

  it('annotates only findings on changed lines, diffing against origin/<base>', () => {
    const work = pullRequest();
    git(work, 'update-ref', 'refs/remotes/origin/main', 'main');
    const run = runAction(work, { 'fail-on': 'never' }, { GITHUB_BASE_REF: 'main' });
    expect(run.status).toBe(0);
    expect(annotated(run).sort()).toEqual([
      'api/Dockerfile 1 DKR001',
      'api/Dockerfile 1 DKR002',
      'worker/Dockerfile 1 DKR001',
      'worker/Dockerfile 1 DKR002',
    ]);
    expect(run.annotations).toContain(
      '::error file=api/Dockerfile,line=1,endLine=1,col=6,endColumn=10,title=DKR002 Pin base images to a version::' +
        'Base image node has no tag: it resolves to the moving latest.%0A' +
        'Fix: Use `FROM <image>:<version>` (and `@sha256:<digest>` for production images).',
    );
    expect(run.outputs.annotated).toBe('4');
    expect(Number(run.outputs.findings)).toBeGreaterThan(20);
    expect(run.summary).toContain('Annotated 4 of 4 findings: findings on lines changed since origin/main.');
  });

  it('falls back to the merge commit of a shallow pull-request checkout, else annotates every finding', () => {
    const work = pullRequest();
    git(work, 'checkout', '-q', 'main');
    git(work, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
    const merged = runAction(work, { 'fail-on': 'never' }, { GITHUB_BASE_REF: 'main' });
    expect(annotated(merged).sort()).toEqual([
      'api/Dockerfile 1 DKR001',
      'api/Dockerfile 1 DKR002',
      'worker/Dockerfile 1 DKR001',
      'worker/Dockerfile 1 DKR002',
    ]);
    expect(merged.summary).toContain('findings on lines changed since the merge commit’s base parent.');

    git(work, 'checkout', '-q', 'feature');
    const unknown = runAction(work, { 'fail-on': 'never' }, { GITHUB_BASE_REF: 'main' });
    expect(unknown.stdout).toContain(
      '::warning::proagent-devops: cannot diff against main: check out with fetch-depth: 0 (or 2) so the base is available; annotating every finding',
    );
    expect(unknown.annotations.length).toBe(Number(unknown.outputs.annotated));
    expect(unknown.annotations.length).toBeGreaterThan(4);
    const hostile = runAction(work, { 'fail-on': 'never' }, { GITHUB_BASE_REF: '--output=/tmp/x' });
    expect(hostile.stdout).toContain(
      '::warning::proagent-devops: GITHUB_BASE_REF "--output=/tmp/x" is not a branch name',
    );
  });
});

describe('workflow commands', () => {
  const finding: Finding = {
    ruleId: 'X001',
    severity: 'warning',
    message: 'bad, value: 100%\n::error::injected',
    file: 'dir,with:odd/Dockerfile',
    line: 3,
    column: 2,
    endLine: 4,
    endColumn: 1,
    domain: 'containers',
    docsUrl: 'https://example.invalid',
    fingerprint: 'f',
  };

  it('escapes messages and properties so repository text cannot start a command', () => {
    expect(annotation(finding, 'X001 Title: yes')).toBe(
      '::warning file=dir%2Cwith%3Aodd/Dockerfile,line=3,endLine=4,title=X001 Title%3A yes::bad, value: 100%25%0A::error::injected\n',
    );
    expect(escapeProperty('a\r\nb')).toBe('a%0D%0Ab');
  });

  it('brackets quoted output with stop-commands and a fresh token', () => {
    const a = inert('line\n  ::error::from a file\n');
    const b = inert('x');
    const token = /^::stop-commands::(\S+)\n/.exec(a)?.[1];
    expect(a).toBe(`::stop-commands::${token}\nline\n  ::error::from a file\n::${token}::\n`);
    expect(b).not.toContain(token as string);
  });

  it('reads the added side of a unified diff', () => {
    const diff = [
      'diff --git a/a.yml b/a.yml',
      '--- a/a.yml',
      '+++ b/a.yml',
      '@@ -1,0 +2,3 @@',
      '@@ -10 +12 @@',
      '@@ -20,2 +23,0 @@',
      'diff --git a/gone b/gone',
      '--- a/gone',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '+++ "b/odd\\tname\\303\\251.yml"',
      '@@ -0,0 +1 @@',
    ].join('\n');
    expect([...parseUnifiedDiff(diff)]).toEqual([
      [
        'a.yml',
        [
          [2, 4],
          [12, 12],
        ],
      ],
      ['odd\tnameé.yml', [[1, 1]]],
    ]);
  });
});

describe('action.yml and the documented workflow', () => {
  it('declares the inputs the bundle reads and runs the committed node20 bundle', () => {
    const action = parseYaml(readFileSync(join(repo, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node20', main: 'dist/action.mjs' });
    expect(Object.keys(action.inputs)).toEqual(['path', 'format', 'fail-on', 'config', 'sarif-file']);
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'findings', 'errors', 'annotated']);
    expect(action.inputs['sarif-file'].default).toBe('proagent-devops.sarif');
  });

  it('documents a workflow with full-SHA pins and least privilege that our own review passes', async () => {
    const doc = readFileSync(join(repo, 'docs/github-action.md'), 'utf8');
    // The placeholder stands for the release commit a user pins; any full SHA takes its place here.
    const yamlText = (/```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '').replace(
      'PROAGENT_DEVOPS_COMMIT_SHA',
      '0123456789abcdef0123456789abcdef01234567',
    );
    const workflow = parseYaml(yamlText);
    expect(workflow.permissions).toEqual({});
    const job = workflow.jobs.review;
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const uses: string[] = job.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
    expect(uses).toHaveLength(3);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    expect(job.steps.some((s: { run?: string }) => s.run !== undefined)).toBe(false);
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.jobs.trivy.steps.map((s: { uses?: string }) => s.uses?.split('@')[0])).toEqual([
      'actions/checkout',
      'aquasecurity/trivy-action',
      'github/codeql-action/upload-sarif',
    ]);

    const work = join(dir, 'wf');
    mkdirSync(join(work, '.github/workflows'), { recursive: true });
    writeFileSync(join(work, '.github/workflows/devops-review.yml'), yamlText);
    // SEC005 is repository-level: the documented setup leaves secret scanning to GitHub's own.
    writeFileSync(join(work, '.github/secret_scanning.yml'), 'paths-ignore:\n  - "docs/**"\n');
    let stdout = '';
    const code = await runCli(['review', '.', '--fail-on', 'info'], {
      cwd: work,
      stdout: (s) => {
        stdout += s;
      },
      stderr: () => {},
      isTTY: false,
      stderrIsTTY: false,
      env: {},
    });
    expect(stdout).toBe('No problems found in 2 files.\n');
    expect(code).toBe(0);
  });
});

describe('pre-commit hook', () => {
  it('reviews the files pre-commit passes with the bin, failing on errors', () => {
    const hooks = parseYaml(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hooks).toHaveLength(1);
    const hook = hooks[0];
    expect(hook).toMatchObject({ id: 'proagent-devops', language: 'node', pass_filenames: true, require_serial: true });
    const [bin, ...args] = String(hook.entry).split(' ');
    expect(bin).toBe('proagent-devops');
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    const entry = join(repo, pkg.bin[bin as string]);

    const work = join(dir, 'staged');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), 'FROM node\nCMD ["node"]\n');
    writeFileSync(join(work, 'notes.txt'), 'nothing to see\n');
    const bad = spawnSync(process.execPath, [entry, ...args, 'Dockerfile', 'notes.txt'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('DKR002');
    const good = spawnSync(process.execPath, [entry, ...args, 'notes.txt'], { cwd: work, encoding: 'utf8' });
    expect(good.stdout).toBe('No problems found in 1 file.\n');
    expect(good.status).toBe(0);
  });
});
