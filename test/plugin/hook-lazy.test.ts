/**
 * The PreToolUse hook runs on every Bash, Write and Edit call, so its bundle loads what a call needs and no
 * more (scripts/build.mjs, HOOK_LAZY): the handlers and the heavy libraries are CommonJS files beside the
 * hook, loaded on first use and compiled with V8's code cache under CLAUDE_PLUGIN_DATA. Checked here on a
 * copy of the committed bundle, as an installed plugin runs it.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOOK_BUNDLE } from './hook-runner.js';

const AWS_KEY_ID = `AKIA${'Q3ZL7RBDUXWN4MPF'}`;
/** The libraries a plain command line or an ordinary write never needs. */
const HEAVY = ['hook-lazy-mvdan-sh.cjs', 'hook-lazy-yaml.cjs', 'hook-lazy-picomatch.cjs'];

let base: string;
/** The plugin as installed, and a copy without the heavy libraries. */
let full: string;
let lean: string;
let project: string;

function installed(name: string, without: readonly string[]): string {
  const dist = join(base, name, 'dist');
  mkdirSync(dist, { recursive: true });
  const source = join(HOOK_BUNDLE, '..');
  for (const f of readdirSync(source).filter((n) => /^hook.*\.[cm]js$|\.wasm$/.test(n) && !without.includes(n))) {
    copyFileSync(join(source, f), join(dist, f));
  }
  return join(dist, 'hook.mjs');
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pdo-hook-lazy-'));
  full = installed('full', []);
  lean = installed('lean', HEAVY);
  project = join(base, 'project');
  mkdirSync(project);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function run(hook: string, tool: string, input: Record<string, unknown>, data = join(base, 'data')) {
  const result = spawnSync(process.execPath, [hook, 'pre-tool-use'], {
    cwd: base,
    input: JSON.stringify({
      session_id: 's',
      cwd: project,
      hook_event_name: 'PreToolUse',
      tool_name: tool,
      tool_input: input,
    }),
    env: { PATH: process.env.PATH ?? '', HOME: base, CLAUDE_PLUGIN_DATA: data },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('PreToolUse loads only what the call needs', () => {
  it.each([
    ['Bash', { command: 'terraform destroy -auto-approve' }],
    ['Bash', { command: 'kubectl diff -f k8s/ && kubectl apply -f k8s/' }],
    ['Bash', { command: 'git push --force origin main 2>&1 | tail -5' }],
    ['Bash', { command: 'ls -la' }],
    ['Write', { file_path: 'app.yaml', content: 'a: 1\n' }],
    ['Write', { file_path: 'deploy.sh', content: `export AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\n` }],
    ['Edit', { file_path: 'notes.txt', old_string: 'a', new_string: 'b' }],
  ])('%s %j: the same answer without the shell parser, YAML or glob libraries', (tool, input) => {
    const answer = run(full, tool, input);
    expect(run(lean, tool, input)).toBe(answer);
  });

  it('loads the shell parser for a command line the fast path does not read', () => {
    const out = JSON.parse(run(full, 'Bash', { command: 'echo "$(terraform destroy -auto-approve)"' }));
    expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(out.hookSpecificOutput.permissionDecisionReason).toMatch(/^proagent-devops guard GRD001: /);
  });

  it('keeps no handler in ES module chunks: the guard path is one CommonJS file without the review engine', () => {
    const dist = join(full, '..');
    const handler = readFileSync(join(dist, 'hook-lazy-pre-bash.cjs'), 'utf8');
    expect(handler).toContain('function guardCommand(');
    expect(handler).not.toContain('function lint(');
    expect(handler).not.toContain('tree-sitter-hcl.wasm');
  });
});

describe('the V8 code cache of the lazily loaded files', () => {
  const command = { command: 'echo "$(kubectl delete ns shop)"' };

  it('is written once in a private directory of CLAUDE_PLUGIN_DATA, then reused', () => {
    const data = join(base, 'cache-data');
    const answer = run(full, 'Bash', command, data);
    const dir = join(data, 'v8-cache');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files.map((f) => f.replace(/\.cjs-.*$/, '.cjs'))).toEqual([
      'hook-lazy-mvdan-sh.cjs',
      'hook-lazy-pre-bash.cjs',
    ]);
    for (const f of files) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const before = files.map((f) => readFileSync(join(dir, f)));
    expect(run(full, 'Bash', command, data)).toBe(answer);
    expect(readdirSync(dir).sort()).toEqual(files);
    for (const [i, f] of files.entries()) expect(readFileSync(join(dir, f)).equals(before[i] as Buffer)).toBe(true);
  });

  it('is ignored and rewritten when V8 rejects it', () => {
    const data = join(base, 'cache-damaged');
    const answer = run(full, 'Bash', command, data);
    const dir = join(data, 'v8-cache');
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), 'not a code cache');
    expect(run(full, 'Bash', command, data)).toBe(answer);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toBe('not a code cache');
  });

  it('is neither read nor written in a directory that others can write to', () => {
    const data = join(base, 'cache-shared');
    const answer = run(full, 'Bash', command, data);
    const dir = join(data, 'v8-cache');
    chmodSync(dir, 0o777);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), 'planted');
    expect(run(full, 'Bash', command, data)).toBe(answer);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).toBe('planted');
  });
});
