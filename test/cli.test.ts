import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliIO, runCli } from '../src/adapters/cli/run.js';
import { capture, putFile } from './helpers/cli-io.js';

const root = new URL('..', import.meta.url).pathname;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, content: string) => putFile(dir, rel, content);
const cli = (args: string[], opts: Partial<CliIO> = {}) => capture(runCli, args, { cwd: dir, ...opts });

/** A compose file that does not parse: one PDO000 error at 3:1. */
const BROKEN = 'services:\n  web:\n image: [\n';

describe('review', () => {
  it('exits 1 on an error finding and 0 with --fail-on never; stdout holds only the report', async () => {
    put('docker-compose.yml', BROKEN);
    const failing = await cli(['review', '--only', 'PDO000']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe('');
    expect(failing.stdout).toContain('docker-compose.yml');
    expect(failing.stdout).toContain('PDO000');
    expect(failing.stdout).not.toMatch(/\x1b\[/);
    expect((await cli(['review', '--only', 'PDO000', '--fail-on', 'never'])).code).toBe(0);
  });

  it('writes the version 1 JSON report with repo-relative paths', async () => {
    put('app/docker-compose.yml', BROKEN);
    const { code, stdout } = await cli(['review', 'app', '--format', 'json', '--only', 'PDO000']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('proagent-devops');
    expect(report.summary.files).toBe(1);
    expect(
      report.findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line]),
    ).toEqual([['PDO000', 'app/docker-compose.yml', 2]]);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    put('docker-compose.yml', BROKEN);
    const { code, stdout } = await cli(['review', '--format', 'sarif', '--output', 'out.sarif', '--only', 'PDO000']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('PDO000');
  });

  it('honours a config found by walking up, and rejects an invalid one with exit 2', async () => {
    put('docker-compose.yml', BROKEN);
    put('.proagent-devops.yaml', 'rules:\n  PDO000: warning\n');
    const relaxed = await cli(['review', '--format', 'json']);
    expect(relaxed.code).toBe(0);
    expect(JSON.parse(relaxed.stdout).findings[0].severity).toBe('warning');
    put('.proagent-devops.yaml', 'rules:\n  NOPE001: off\n');
    const bad = await cli(['review']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^proagent-devops: .*\.proagent-devops\.yaml: rules: unknown rule NOPE001\n$/);
  });

  it('accepts a baseline written earlier and reports only new findings', async () => {
    put('a/docker-compose.yml', BROKEN);
    expect((await cli(['review', '--write-baseline', 'base.json'])).code).toBe(1);
    expect((await cli(['review', '--baseline', 'base.json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).findings).toHaveLength(1);
    put('b/docker-compose.yml', BROKEN);
    const { code, stdout } = await cli(['review', '--baseline', 'base.json', '--format', 'json']);
    expect(code).toBe(1);
    const open = JSON.parse(stdout).findings.filter((f: { suppressed?: unknown }) => !f.suppressed);
    expect(open.map((f: { file: string }) => f.file)).toEqual(['b/docker-compose.yml']);
  });

  it('--changed-since reports only on files changed versus the ref', async () => {
    put('old/docker-compose.yml', BROKEN);
    const git = (...a: string[]) => execFileSync('git', ['-C', dir, ...a], { stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'base');
    git('add', '.');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-q', '-m', 'old');
    put('new/docker-compose.yml', BROKEN);
    const { stdout } = await cli(['review', '--changed-since', 'HEAD', '--format', 'json']);
    expect(JSON.parse(stdout).findings.map((f: { file: string }) => f.file)).toEqual(['new/docker-compose.yml']);
    const bad = await cli(['review', '--changed-since', 'no-such-ref']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^proagent-devops: --changed-since no-such-ref/);
  });

  it.each([
    [['review', '--format', 'xml'], /--format must be one of text, json, sarif, markdown, html/],
    [['review', '--only', 'DKR999'], /--only: unknown rule or family DKR999/],
    [['review', '--skip', 'NOPE'], /--skip: unknown rule or family NOPE/],
    [['review', 'missing-dir'], /no such file or directory/],
    [['review', '--bogus'], /Unknown option '--bogus'/],
    [['launch'], /unknown command "launch"/],
    [['rules', 'XYZ001'], /unknown rule XYZ001/],
  ])('usage error %j exits 2 with one line on stderr', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('rule selection', () => {
  it('--only accepts whole families', async () => {
    put('Dockerfile', 'FROM node\n');
    put('docker-compose.yml', 'services:\n  a:\n    image: redis\n');
    const { stdout } = await cli(['review', '--only', 'dkr', '--format', 'json']);
    const ids = new Set(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId.slice(0, 3)));
    expect([...ids]).toEqual(['DKR']);
  });
});

describe('rules', () => {
  it('lists every rule and explains one', async () => {
    const list = await cli(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^PDO000 +error +cicd +File could not be parsed$/m);
    const one = await cli(['rules', 'pdo002']);
    expect(one.stdout).toMatch(/^PDO002 {2}File was skipped/);
    expect(one.stdout).toContain('Docs: https://');
  });
});

describe('bundled CLI', () => {
  it('the committed bundle matches the sources', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the CLI bundle is Latin-1, so V8 keeps its source one byte per character', () => {
    // One `…` in a regex literal makes V8 hold the whole multi-megabyte source as UTF-16 (≈ +4 MB RSS).
    const source = readFileSync(join(root, 'plugins/proagent-devops/dist/cli.mjs'), 'utf8');
    const wide = [...source.matchAll(/[^\u0000-\u00ff]/g)].slice(0, 5).map((m) => m[0]);
    expect(wide).toEqual([]);
  });

  it('runs from the bin without node_modules resolution and keeps piped output whole', () => {
    const bundle = join(root, 'plugins/proagent-devops/dist/cli.mjs');
    expect(existsSync(bundle)).toBe(true);
    for (let i = 0; i < 300; i++) put(`svc${i}/docker-compose.yml`, BROKEN);
    // Copy the bundle out of the repo so that no node_modules can be found from it.
    const isolated = join(dir, 'cli.mjs');
    writeFileSync(isolated, readFileSync(bundle));
    const r = spawnSync(process.execPath, [isolated, 'review', '.', '--format', 'json', '--only', 'PDO000'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(300);
  });
});

describe('config paths', () => {
  it('resolves override globs and ignorePaths relative to the config file, wherever review runs from', async () => {
    put(
      'shop/.proagent-devops.yaml',
      'ignorePaths: ["vendor/**"]\noverrides:\n  - files: ["legacy/**"]\n    rules: { PDO000: info }\n',
    );
    put('shop/legacy/docker-compose.yml', BROKEN);
    put('shop/app/docker-compose.yml', BROKEN);
    put('shop/vendor/docker-compose.yml', BROKEN);
    const { stdout } = await cli(['review', 'shop', '--format', 'json']);
    const findings = JSON.parse(stdout).findings.map(
      (f: { file: string; severity: string }) => `${f.file} ${f.severity}`,
    );
    expect(findings).toEqual(['shop/app/docker-compose.yml error', 'shop/legacy/docker-compose.yml info']);
  });
});

describe('--changed-since dependencies', () => {
  it('reports on the Dockerfile a changed compose file builds, not on unrelated files', async () => {
    put('app/Dockerfile', 'FROM node:20.11-alpine\nCMD ["node", "a.js"]\n');
    put('other/Dockerfile', 'FROM node:20.11-alpine\nCMD ["node", "a.js"]\n');
    put('app/docker-compose.yml', 'services:\n  api:\n    build: .\n');
    const git = (...a: string[]) => execFileSync('git', ['-C', dir, ...a], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
    put('app/docker-compose.yml', 'services:\n  api:\n    build: .\n    restart: always\n');
    const { stdout } = await cli(['review', '--changed-since', 'HEAD', '--format', 'json', '--only', 'DKR001,CMP003']);
    const files = new Set(JSON.parse(stdout).findings.map((f: { file: string }) => f.file));
    expect([...files]).toEqual(['app/Dockerfile']);
  });
});
