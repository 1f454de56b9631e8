import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../adapters/cli/io.js';
import { UsageError } from '../adapters/cli/io.js';
import { runCommand } from '../adapters/cli/scaffold-command.js';
import { RECIPES } from './recipes/index.js';
import { scaffold } from './scaffold.js';
import { defineRecipe } from './types.js';
import { findExecutable } from './validate.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'scaffold-cli-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
    stderrIsTTY: false,
    env: process.env,
  };
  const code = await runCommand(argv, io);
  return { code, stdout, stderr };
}

const files = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;

describe('run --list and --help', () => {
  it('lists every recipe on one line each', async () => {
    const { code, stdout } = await run('--list');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(RECIPES.length + 1);
    expect(RECIPES.map((r) => r.name)).toEqual([
      'dockerfile',
      'compose',
      'monitoring',
      'alerts',
      'dashboard',
      'k8s-app',
      'helm-chart',
      'github-actions',
      'release',
      'gitlab-ci',
      'jenkins',
      'terraform-module',
      'terraform-backend',
      'gitops',
      'external-secrets',
      'cost-guardrails',
    ]);
    for (const r of RECIPES) expect(stdout).toMatch(new RegExp(`^${r.name}\\s+\\S`, 'm'));
  });

  it('shows a recipe’s options with their defaults', async () => {
    const { code, stdout } = await run('alerts', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--set slo=99\.9\s+Availability SLO/);
    expect(stdout).toMatch(/--set latency_p95=0\.3\s+p95 latency/);
    expect(files(cwd)).toBe(0);
  });

  it('refuses unknown recipes, extra arguments and bad options as usage errors', async () => {
    await expect(run('kubernetes')).rejects.toThrow(
      new UsageError('unknown recipe "kubernetes" (run "proagent-devops run --list")'),
    );
    await expect(run()).rejects.toThrow('run needs a recipe name, or --list to see them');
    await expect(run('alerts', 'dashboard')).rejects.toThrow('run takes one recipe');
    await expect(run('alerts', '--set', 'colour=red')).rejects.toThrow('unknown option "colour" for recipe alerts');
    await expect(run('alerts', '--set', 'slo=abc')).rejects.toThrow('--set slo="abc": must be a number');
    await expect(run('alerts', '--bogus')).rejects.toThrow(UsageError);
    expect(files(cwd)).toBe(0);
  });
});

describe('run RECIPE', () => {
  it('writes under --out and ends with what was written, validate, apply and rollback', async () => {
    const { code, stdout } = await run('alerts', '--out', 'obs', '--set', 'service=checkout', '--set', 'slo=99.5');
    expect(code).toBe(0);
    expect(existsSync(join(cwd, 'obs/prometheus/rules/checkout.rules.yml'))).toBe(true);
    expect(stdout).toContain('review with the whole rule catalog: 0 findings');
    expect(stdout).toContain('Wrote 1 file(s) under obs:\n  create     prometheus/rules/checkout.rules.yml');
    const tail = stdout.slice(stdout.indexOf('Validate:'));
    expect(tail).toMatch(/^Validate:\n {2}promtool check rules prometheus\/rules\/checkout\.rules\.yml/);
    expect(tail).toContain('\nApply:\n');
    expect(tail).toContain('\nRollback:\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '  undo this scaffold (files created): (cd obs && rm -- prometheus/rules/checkout.rules.yml)',
    );
  });

  it('--dry-run writes nothing and prints the files as diffs', async () => {
    const { code, stdout } = await run('dockerfile', '--out', 'svc', '--dry-run', '--set', 'lang=go');
    expect(code).toBe(0);
    expect(existsSync(join(cwd, 'svc'))).toBe(false);
    expect(stdout).toContain('Dry run: nothing was written. 2 file(s) under svc:');
    expect(stdout).toContain('--- /dev/null\n+++ b/Dockerfile\n');
    expect(stdout).toContain('+FROM gcr.io/distroless/static-debian12:nonroot AS runtime');
  });

  it('--dry-run over existing files shows a unified diff against them', async () => {
    mkdirSync(join(cwd, 'svc'));
    await run('dockerfile', '--out', 'svc');
    const { code, stdout } = await run('dockerfile', '--out', 'svc', '--dry-run', '--set', 'port=9090');
    expect(code).toBe(0);
    expect(stdout).toContain('  CONFLICT   Dockerfile');
    expect(stdout).toContain('  unchanged  .dockerignore');
    expect(stdout).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(stdout).toContain('-EXPOSE 8080\n+EXPOSE 9090');
    expect(stdout).toContain('1 existing file(s) differ: a real run needs --force.');
    expect(readFileSync(join(cwd, 'svc/Dockerfile'), 'utf8')).toContain('EXPOSE 8080');
  });

  it('never overwrites without --force (exit 1, nothing written), and does with it', async () => {
    mkdirSync(join(cwd, 'svc'));
    writeFileSync(join(cwd, 'svc/Dockerfile'), 'FROM scratch\n');
    const refused = await run('dockerfile', '--out', 'svc');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Nothing was written: 1 existing file(s) would be overwritten:\n  Dockerfile');
    expect(readFileSync(join(cwd, 'svc/Dockerfile'), 'utf8')).toBe('FROM scratch\n');
    expect(existsSync(join(cwd, 'svc/.dockerignore'))).toBe(false);

    const forced = await run('dockerfile', '--out', 'svc', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('  overwrite  Dockerfile');
    expect(forced.stdout).toContain('restore the files overwritten: (cd svc && git checkout -- Dockerfile)');
    expect(readFileSync(join(cwd, 'svc/Dockerfile'), 'utf8')).toContain('HEALTHCHECK');
  });

  it('refuses an --out that is a file as a usage error', async () => {
    writeFileSync(join(cwd, 'file'), '');
    await expect(run('alerts', '--out', 'file')).rejects.toThrow('--out');
  });
});

describe('validation before writing', () => {
  // A real recipe object whose output breaks the conventions: the pipeline must refuse it.
  const broken = defineRecipe({
    name: 'broken',
    summary: 'Produces a root, unpinned image.',
    options: {},
    generate: () => ({ Dockerfile: 'FROM node:latest\nCMD ["node", "server.js"]\n' }),
    nextSteps: () => ({ validate: [], apply: [], rollback: [] }),
  });

  it('refuses to write output that has findings, and says why', () => {
    const out = join(cwd, 'out');
    const result = scaffold({ recipe: broken, sets: [], outDir: out, dryRun: false, force: false });
    expect(result.outcome).toBe('invalid');
    expect(result.validation.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['DKR001', 'DKR002']));
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(findExecutable('yamllint') !== undefined)('refuses YAML that yamllint rejects (duplicate keys)', () => {
    const badYaml = defineRecipe({
      name: 'bad-yaml',
      summary: 'Duplicate keys.',
      options: {},
      generate: () => ({ 'config.yaml': 'a: 1\na: 2\n' }),
      nextSteps: () => ({ validate: [], apply: [], rollback: [] }),
    });
    const result = scaffold({ recipe: badYaml, sets: [], outDir: join(cwd, 'out'), dryRun: false, force: false });
    expect(result.outcome).toBe('invalid');
    expect(result.validation.findings).toEqual([]);
    expect(result.validation.checks.map((c) => [c.tool, c.status])).toEqual([['yamllint', 'failed']]);
    expect(result.validation.checks[0]?.detail).toMatch(
      /config\.yaml:2:1: \[error\] duplication of key "a" in mapping \(key-duplicates\)/,
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
