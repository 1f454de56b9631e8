import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture, putFile } from '../../../test/helpers/cli-io.js';
import { hubCommand } from './hub-command.js';
import type { CliIO } from './io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-hub-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, content: string) => putFile(dir, rel, content);
const run = (args: string[], opts: Partial<CliIO> = {}) => capture(hubCommand, args, { cwd: dir, ...opts });

const REPO = {
  'app/Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
  'app/server.js': "require('http').createServer(() => {}).listen(8080);\n",
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
};

describe('hub command', () => {
  it('prints the one-screen text report of a directory, relative to cwd', async () => {
    for (const [p, c] of Object.entries(REPO)) put(`repo/${p}`, c);
    const { code, stdout, stderr } = await run(['repo']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^proagent-devops hub {2}repo {2}overall \d+\/100 \([A-F]\)$/);
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(stdout).toMatch(/^CI\/CD pipelines {13}/m);
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it('prints version 1 JSON, and writes HTML with --output', async () => {
    for (const [p, c] of Object.entries(REPO)) put(p, c);
    const json = await run(['--format', 'json']);
    const report = JSON.parse(json.stdout);
    expect(report.version).toBe(1);
    expect(report.root).toBe(dir);
    expect(report.domains.find((d: { id: string }) => d.id === 'cicd').evidence[0]).toEqual({
      id: 'github-workflows',
      label: 'GitHub Actions workflows',
      files: ['.github/workflows/ci.yml'],
    });
    const html = await run(['.', '--format', 'html', '--output', 'hub.html']);
    expect(html).toEqual({ code: 0, stdout: '', stderr: 'proagent-devops: wrote the html hub report to hub.html\n' });
    const page = readFileSync(join(dir, 'hub.html'), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('Score by domain');
  });

  it('colours on a TTY unless NO_COLOR', async () => {
    put('Dockerfile', 'FROM node:20\n');
    expect((await run([], { isTTY: true })).stdout).toMatch(/\x1b\[1m/);
    expect((await run([], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
  });

  it.each([
    [['missing'], /no such directory/],
    [['a', 'b'], /hub takes one PATH/],
    [['--format', 'sarif'], /--format must be one of text, json, html \(got "sarif"\)/],
    [['--colour'], /Unknown option '--colour'/],
  ])('%j is a usage error', async (args, message) => {
    put('a/x.txt', 'x');
    put('b/x.txt', 'x');
    await expect(run(args)).rejects.toThrow(message);
  });

  it('refuses a file and reports a bad config like review does', async () => {
    put('Dockerfile', 'FROM node:20\n');
    await expect(run(['Dockerfile'])).rejects.toThrow(/hub assesses a directory, not a file/);
    put('.proagent-devops.yaml', 'rules:\n  NOPE001: off\n');
    await expect(run([])).rejects.toThrow(/unknown rule NOPE001/);
  });
});
