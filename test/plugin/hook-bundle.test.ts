/**
 * The committed hook bundle runs where an installed plugin runs: a folder with no node_modules anywhere above
 * it. Each event loads its own chunk (PreToolUse on Bash never loads the review engine), and the review's
 * WebAssembly grammar is found beside the bundle.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOOK_BUNDLE } from './hook-runner.js';

let base: string;
let hook: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pdo-installed-'));
  const dist = join(base, 'plugin', 'dist');
  mkdirSync(dist, { recursive: true });
  const source = join(HOOK_BUNDLE, '..');
  for (const f of readdirSync(source).filter((n) => /^hook.*\.[cm]js$|\.wasm$/.test(n))) {
    copyFileSync(join(source, f), join(dist, f));
  }
  hook = join(dist, 'hook.mjs');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function run(event: string, payload: Record<string, unknown>) {
  const project = join(base, 'project');
  const result = spawnSync(process.execPath, [hook, event], {
    cwd: base,
    input: JSON.stringify({ session_id: 's', cwd: project, ...payload }),
    env: { PATH: process.env.PATH ?? '', HOME: base, CLAUDE_PLUGIN_DATA: join(base, 'data') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr, output: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('the hook bundle outside the repository', () => {
  it('guards a Bash command', () => {
    const r = run('pre-tool-use', {
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'terraform destroy -auto-approve' },
    });
    expect(r.stderr).toBe('');
    expect(r.output.hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it('reviews a written Terraform file with the bundled HCL grammar', () => {
    const dir = join(base, 'project', 'infra');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'main.tf');
    writeFileSync(file, 'resource "aws_s3_bucket" "logs" {\n  bucket = "shop-logs"\n}\n');
    const r = run('post-tool-use', {
      hook_event_name: 'PostToolUse',
      tool_name: 'Write',
      tool_input: { file_path: file, content: readFileSync(file, 'utf8') },
    });
    expect(r.code).toBe(0);
    const text = JSON.stringify(r.output ?? {});
    expect(text).toMatch(/infra\/main\.tf:\d+:\d+/);
    // Parsed, not reported as unparseable: the wasm was found beside the bundle.
    expect(text).not.toContain('PDO000');
  });

  it('loads only its own chunks: the Bash guard path does not import the review engine', () => {
    const entry = readFileSync(hook, 'utf8');
    const lazy = [...entry.matchAll(/import\("\.\/(hook-[\w-]+\.mjs)"\)/g)].map((m) => m[1]);
    expect(lazy.length).toBe(5);
    const bash = lazy.find((f) => f?.startsWith('hook-pre-bash-')) as string;
    const reachable = new Set<string>();
    const visit = (file: string) => {
      if (reachable.has(file)) return;
      reachable.add(file);
      const text = readFileSync(join(hook, '..', file), 'utf8');
      for (const m of text.matchAll(/from "\.\/(hook-[\w-]+\.mjs)"/g)) visit(m[1] as string);
    };
    visit(bash);
    const code = [...reachable].map((f) => readFileSync(join(hook, '..', f), 'utf8')).join('\n');
    expect(code).not.toContain('tree-sitter-hcl.wasm');
    expect(code).not.toContain('function lint(');
  });
});
