/**
 * End-to-end smoke: the real `claude -p --plugin-dir plugins/proagent-devops` against a scripted Messages API on
 * 127.0.0.1. The script makes Claude Code attempt `terraform destroy -auto-approve` and a Write of a file with
 * an AWS key; both must come back denied with our reasons. A second run expands the review command, which must
 * run the bundled CLI. Loopback only: MCP servers are off (`--strict-mcp-config`), and any other HTTP request
 * goes to a dead proxy on 127.0.0.1. The request shape is not a public contract: this is a smoke test.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdictText } from '../../src/adapters/hook/pre-bash.js';
import { guardCommand, loadGuardPolicy } from '../../src/guard/index.js';
import { PLUGIN_DIR, REPO_ROOT } from './hook-runner.js';
import { type MockApi, type RecordedRequest, type Script, startMockApi } from './mock-messages-api.js';

const CLAUDE = join(REPO_ROOT, 'node_modules/.bin/claude');
const RUN_TIMEOUT_MS = 120_000;
// Fake AWS key ID, built by concatenation so that this repository holds no scannable secret verbatim.
const AWS_KEY_ID = `AKIA${'Q3ZL7RBDUXWN4MPF'}`;
const DESTROY = 'terraform destroy -auto-approve';

let base: string;
beforeAll(() => {
  if (!existsSync(CLAUDE))
    throw new Error(`${CLAUDE} is missing: npm ci installs the pinned @anthropic-ai/claude-code`);
  base = mkdtempSync(join(tmpdir(), 'pdo-e2e-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface ClaudeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh project and HOME per run, so no user settings, trust or history leak in. */
function workspace(name: string): { project: string; home: string } {
  const project = join(base, name, 'shop');
  const home = join(base, name, 'home');
  mkdirSync(project, { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(project, 'Dockerfile'), 'FROM node:latest\nCMD ["node"]\n');
  return { project, home };
}

async function runClaude(prompt: string, api: MockApi, ws: { project: string; home: string }): Promise<ClaudeRun> {
  const args = [
    '-p',
    prompt,
    '--plugin-dir',
    PLUGIN_DIR,
    // Tools are pre-approved, so only our hooks can stop them.
    '--allowedTools',
    'Bash,Write',
    '--strict-mcp-config',
    '--mcp-config',
    '{"mcpServers":{}}',
    '--output-format',
    'json',
  ];
  const child = spawn(CLAUDE, args, {
    cwd: ws.project,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: ws.home,
      XDG_CONFIG_HOME: join(ws.home, '.config'),
      ANTHROPIC_BASE_URL: api.url,
      ANTHROPIC_API_KEY: 'dummy',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1,localhost',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, RUN_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (timedOut || code !== 0) {
    throw new Error(
      `claude -p ${timedOut ? `timed out after ${RUN_TIMEOUT_MS / 1000}s` : `exited ${code}`}; ` +
        `the mock API saw ${api.requests.length} request(s).\nstderr: ${stderr.slice(0, 1500)}\nstdout: ${stdout.slice(0, 500)}`,
    );
  }
  return { code, stdout, stderr };
}

/** The tool_result block Claude Code sent back for a tool call, from the recorded requests. */
function toolResult(requests: RecordedRequest[], id: string): { content: string; is_error?: boolean } {
  for (const r of requests) {
    for (const message of (r.body.messages as { role: string; content: unknown }[]) ?? []) {
      if (!Array.isArray(message.content)) continue;
      for (const block of message.content as {
        type: string;
        tool_use_id?: string;
        content?: unknown;
        is_error?: boolean;
      }[]) {
        if (block.type !== 'tool_result' || block.tool_use_id !== id) continue;
        const content = Array.isArray(block.content)
          ? (block.content as { text?: string }[]).map((c) => c.text ?? '').join('')
          : String(block.content ?? '');
        return { content, ...(block.is_error !== undefined ? { is_error: block.is_error } : {}) };
      }
    }
  }
  throw new Error(`no tool_result for ${id} in ${requests.length} request(s)`);
}

const allText = (requests: RecordedRequest[]) => requests.map((r) => JSON.stringify(r.body)).join('\n');

describe('claude -p with the plugin, against a local Messages API', () => {
  it('denies terraform destroy and a Write holding an AWS key, with our reasons', async () => {
    const ws = workspace('deny');
    const secretFile = join(ws.project, 'deploy.env');
    const script: Script = [
      [{ type: 'tool_use', id: 'toolu_destroy', name: 'Bash', input: { command: DESTROY, description: 'Tear down' } }],
      [
        {
          type: 'tool_use',
          id: 'toolu_write',
          name: 'Write',
          input: { file_path: secretFile, content: `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\nAWS_REGION=eu-west-1\n` },
        },
      ],
      [{ type: 'text', text: 'Both actions were refused.' }],
    ];
    const api = await startMockApi(script);
    try {
      await runClaude('Tear down the staging infrastructure and save the deploy credentials.', api, ws);
      const loop = api.mainLoop();
      expect(loop.length).toBeGreaterThanOrEqual(3);

      const verdict = guardCommand(DESTROY, { cwd: ws.project, env: {}, policy: loadGuardPolicy(ws.project) });
      expect(verdict.decision).toBe('deny');
      const bash = toolResult(loop, 'toolu_destroy');
      expect(bash.is_error).toBe(true);
      expect(bash.content).toContain(verdictText(verdict));

      const write = toolResult(loop, 'toolu_write');
      expect(write.is_error).toBe(true);
      expect(write.content).toContain(
        'proagent-devops SEC001: this Write would hard-code a credential in deploy.env:\n' +
          '- line 1, column 19: Hard-coded AWS access key ID AKIA**** (detector aws-access-key-id).',
      );
      expect(write.content).not.toContain(AWS_KEY_ID);
      expect(existsSync(secretFile)).toBe(false);

      // The SessionStart hook put the posture summary in the model's context.
      expect(allText(loop)).toContain('proagent-devops posture of shop: Dockerfile ×1.');
    } finally {
      await api.close();
    }
  });

  it('expands /proagent-devops:proagent-devops-review by running the bundled CLI', async () => {
    const ws = workspace('review');
    const api = await startMockApi([[{ type: 'text', text: 'Two errors in the Dockerfile.' }]]);
    try {
      await runClaude('/proagent-devops:proagent-devops-review', api, ws);
      const [first] = api.mainLoop();
      const prompt = JSON.stringify(first?.body.messages ?? []);
      // The `!` line ran: the Markdown report of the bundled CLI, with the project's findings.
      expect(prompt).toContain('<!-- proagent-devops:review -->');
      expect(prompt).toMatch(/\| error \| \[DKR001\]\([^)]+\) \| `Dockerfile:1` \|/);
      expect(prompt).toMatch(/\| error \| \[DKR002\]\([^)]+\) \| `Dockerfile:1` \|/);
      // The command body followed, with ${CLAUDE_PLUGIN_ROOT} resolved to this plugin folder.
      expect(prompt).toContain('## How to present it');
      expect(prompt).toContain(JSON.stringify(`node "${PLUGIN_DIR}/dist/cli.mjs" rules <ID>`).slice(1, -1));
    } finally {
      await api.close();
    }
  });
});
