import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classify } from '../src/workspace/classify.js';
import { discover } from '../src/workspace/discover.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-discover-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: string | Buffer): void {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

describe('discover', () => {
  it('walks sorted, honours nested .gitignore files with negation, and never enters .git or node_modules', () => {
    write('.gitignore', 'build/\n*.log\n!keep.log\n');
    write('b.yaml', 'a: 1\n');
    write('a/Dockerfile', 'FROM x\n');
    write('a/.gitignore', 'secret.txt\n');
    write('a/secret.txt', 'x');
    write('build/out.yaml', 'x: 1\n');
    write('debug.log', 'x');
    write('keep.log', 'x');
    write('.git/config', 'x');
    write('node_modules/p/index.js', 'x');
    const { files, skipped } = discover({ paths: [dir], root: dir });
    expect(files.map((f) => f.path)).toEqual(['.gitignore', 'a/.gitignore', 'a/Dockerfile', 'b.yaml', 'keep.log']);
    expect(skipped).toEqual([]);
  });

  it('applies ignorePaths globs', () => {
    write('vendor/x/compose.yaml', 'services: {}\n');
    write('app/compose.yaml', 'services: {}\n');
    const { files } = discover({ paths: [dir], root: dir, ignorePaths: ['vendor/**'] });
    expect(files.map((f) => f.path)).toEqual(['app/compose.yaml']);
  });

  it('skips oversized, binary and invalid UTF-8 files with a reason, and binaries by name silently', () => {
    write('big.yaml', 'a'.repeat(2000));
    write('blob.dat', Buffer.from([0x41, 0x00, 0x42]));
    write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
    write('ok.yaml', 'a: 1\n');
    const { files, skipped } = discover({ paths: [dir], root: dir, maxFileSize: 1000 });
    expect(files.map((f) => f.path)).toEqual(['ok.yaml']);
    expect(skipped).toEqual([
      { file: 'big.yaml', reason: 'too large: 2000 bytes (limit 1000)' },
      { file: 'blob.dat', reason: 'binary content' },
      { file: 'latin1.txt', reason: 'invalid UTF-8' },
    ]);
  });

  it('survives symlink loops and dangling links', () => {
    write('a/x.yaml', 'a: 1\n');
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling.yaml'));
    const { files, skipped } = discover({ paths: [dir], root: dir });
    expect(files.map((f) => f.path)).toEqual(['a/x.yaml']);
    expect(skipped).toEqual([
      { file: 'a/loop', reason: 'symlink loop' },
      { file: 'dangling.yaml', reason: 'unreadable: ENOENT' },
    ]);
  });

  it('strips a UTF-8 BOM', () => {
    write('a.yaml', '\ufeffa: 1\n');
    expect(discover({ paths: [dir], root: dir }).files[0]?.text).toBe('a: 1\n');
  });
});

describe('classify', () => {
  it.each([
    ['Dockerfile', '', 'dockerfile'],
    ['api/Dockerfile.prod', '', 'dockerfile'],
    ['web.Dockerfile', '', 'dockerfile'],
    ['Containerfile', '', 'dockerfile'],
    ['docker-compose.prod.yml', '', 'compose'],
    ['compose.yaml', '', 'compose'],
    ['deploy/stack.yml', 'services:\n  web:\n    image: nginx:1\n', 'compose'],
    ['k8s/app.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'k8s'],
    ['k8s/rules.yaml', 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\n', 'prometheus-rules'],
    ['alerts.yml', 'groups:\n  - name: a\n    rules:\n      - alert: X\n', 'prometheus-rules'],
    ['prometheus.yml', 'global:\n  scrape_interval: 15s\nscrape_configs: []\n', 'prometheus-config'],
    ['alertmanager.yml', 'route:\n  receiver: a\nreceivers: []\n', 'alertmanager-config'],
    ['.github/workflows/ci.yml', '', 'github-workflow'],
    ['.gitlab-ci.yml', '', 'gitlab-ci'],
    ['Jenkinsfile', '', 'jenkinsfile'],
    ['infra/main.tf', '', 'terraform'],
    ['infra/prod.tfvars', '', 'tfvars'],
    ['.env.production', '', 'dotenv'],
    ['dash.json', '{"title":"x","panels":[]}', 'grafana-dashboard'],
    ['tsconfig.json', '{}', 'json'],
    ['src/server.ts', '', 'source'],
    ['README.md', '', 'text'],
    ['overlays/prod/kustomization.yaml', '', 'kustomization'],
  ])('%s is %s', (path, text, kind) => {
    expect(classify(path, text)).toBe(kind);
  });

  it('recognises Helm files by their place in a chart', () => {
    const charts = new Set(['charts/shop']);
    expect(classify('charts/shop/Chart.yaml', '', charts)).toBe('helm-chart');
    expect(classify('charts/shop/values-prod.yaml', 'a: 1', charts)).toBe('helm-values');
    expect(classify('charts/shop/templates/deploy.yaml', 'apiVersion: v1\nkind: Pod\n', charts)).toBe('helm-template');
  });
});

describe('explicit paths', () => {
  it('reviews a directory named explicitly even when a parent .gitignore ignores it', () => {
    write('.gitignore', 'generated/\n');
    write('generated/a.yaml', 'a: 1\n');
    write('generated/.gitignore', 'skip.yaml\n');
    write('generated/skip.yaml', 'a: 1\n');
    expect(discover({ paths: [dir], root: dir }).files.map((f) => f.path)).toEqual(['.gitignore']);
    const explicit = discover({ paths: [join(dir, 'generated')], root: dir }).files.map((f) => f.path);
    expect(explicit).toEqual(['generated/.gitignore', 'generated/a.yaml']);
  });
});
