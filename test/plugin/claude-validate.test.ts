/**
 * `claude plugin validate --strict` from the pinned @anthropic-ai/claude-code devDependency, on the plugin and
 * on the marketplace at the repository root: offline, no login, an empty HOME.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './hook-runner.js';

const CLAUDE = join(REPO_ROOT, 'node_modules/.bin/claude');
const home = mkdtempSync(join(tmpdir(), 'pdo-claude-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Report {
  success: boolean;
  strict: boolean;
  manifest: { type: string; errors: unknown[]; warnings: unknown[] };
  contents: unknown[];
  provides: Record<string, unknown[]> | null;
}

function validate(target: string): Report {
  const run = spawnSync(CLAUDE, ['plugin', 'validate', target, '--strict', '--json'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) throw new Error(`claude plugin validate did not run: ${run.error.message}`);
  let report: Report;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`claude plugin validate printed no JSON (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  }
  // Exit code and report agree: 0 exactly when the strict validation succeeded.
  expect(run.status).toBe(report.success ? 0 : 1);
  return report;
}

describe('claude plugin validate --strict', () => {
  it('accepts the plugin and lists what it provides', () => {
    const report = validate('plugins/proagent-devops');
    expect({
      success: report.success,
      strict: report.strict,
      manifest: report.manifest,
      contents: report.contents,
    }).toMatchObject({
      success: true,
      strict: true,
      manifest: { type: 'plugin', errors: [], warnings: [] },
      contents: [],
    });
    const provides = report.provides ?? {};
    const hook = (event: string, arg: string, matcher?: string) => ({
      event,
      ...(matcher ? { matcher } : {}),
      type: 'command',
      command: 'node',
      args: ['${CLAUDE_PLUGIN_ROOT}/dist/hook.mjs', arg],
    });
    expect(provides.hooks).toEqual([
      hook('PreToolUse', 'pre-tool-use', 'Bash|Write|Edit'),
      hook('PostToolUse', 'post-tool-use', 'Write|Edit'),
      hook('SessionStart', 'session-start'),
      hook('Stop', 'stop'),
    ]);
    expect(provides.commands).toEqual([
      'proagent-devops:proagent-devops-hub',
      'proagent-devops:proagent-devops-review',
      'proagent-devops:proagent-devops-run',
    ]);
    expect(provides.skills).toEqual(['proagent-devops:devops-assistant']);
    expect(provides.agents).toEqual(['proagent-devops:devops-specialist']);
    expect(
      (provides.mcpServers as { name: string; type: string; target: string }[]).map((s) => [s.name, s.type, s.target]),
    ).toEqual([
      ['devops', 'stdio', 'node'],
      ['excalidraw', 'http', 'https://mcp.excalidraw.com/mcp'],
      ['gdrive', 'stdio', 'npx'],
      ['github', 'http', 'https://api.githubcopilot.com/mcp/'],
      ['gitlab', 'stdio', 'npx'],
      ['gsuite', 'stdio', 'uvx'],
      ['rube', 'http', 'https://rube.app/mcp'],
      ['slack', 'stdio', 'npx'],
    ]);
    for (const key of ['modules', 'lspServers', 'monitors', 'outputStyles', 'themes', 'workflows', 'bin']) {
      expect(provides[key], key).toEqual([]);
    }
  });

  it('accepts the marketplace at the repository root', () => {
    const report = validate('.');
    expect(report).toMatchObject({
      success: true,
      strict: true,
      manifest: { type: 'marketplace', errors: [], warnings: [] },
      contents: [],
    });
  });
});
