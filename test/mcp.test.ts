import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mcpCommand } from '../src/adapters/cli/mcp-command.js';
import { type RunningHttpServer, startHttpServer } from '../src/adapters/mcp/http.js';
import { createMcpServer } from '../src/adapters/mcp/server.js';
import type { ToolContext } from '../src/adapters/mcp/tool.js';

const repo = new URL('..', import.meta.url).pathname;
const SECRET = 'Zx9vQ2mL7pR4sT8w';
let dir: string;
let ctx: ToolContext;
let logs: string[];
const cleanups: Array<() => Promise<unknown>> = [];

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), content);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-mcp-'));
  logs = [];
  ctx = { root: join(dir, 'ws'), version: '9.9.9-test', log: (l) => logs.push(l) };
  put('ws/Dockerfile', 'FROM node\nCMD ["node", "server.js"]\n');
  put(
    'ws/docker-compose.yml',
    `services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${SECRET}\n`,
  );
  put('outside/Dockerfile', 'FROM node\n');
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  rmSync(dir, { recursive: true, force: true });
});

async function inProcessClient(): Promise<Client> {
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(ctx);
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  cleanups.push(
    () => client.close(),
    () => server.close(),
  );
  return client;
}

async function call(client: Client, name: string, args: unknown): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args as Record<string, unknown> })) as CallToolResult;
}

const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

type Positioned = { ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number };
const positions = (findings: Positioned[]) =>
  findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);

describe('in process (InMemoryTransport)', () => {
  it('lists the tools with their schemas and truthful annotations', async () => {
    const client = await inProcessClient();
    const { tools } = await client.listTools();
    const shape = tools.map((t) => ({
      name: t.name,
      title: t.title,
      annotations: t.annotations,
      input: t.inputSchema.properties,
      required: t.inputSchema.required ?? [],
      additionalProperties: (t.inputSchema as { additionalProperties?: boolean }).additionalProperties,
      output: Object.keys(t.outputSchema?.properties ?? {}),
    }));
    expect(shape).toMatchInlineSnapshot(`
      [
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "Review DevOps artifacts",
          },
          "input": {
            "minSeverity": {
              "default": "info",
              "description": "Leave out findings below this severity",
              "enum": [
                "error",
                "warning",
                "info",
              ],
              "type": "string",
            },
            "only": {
              "description": "Run only these rule IDs or families",
              "items": {
                "maxLength": 32,
                "minLength": 1,
                "type": "string",
              },
              "maxItems": 200,
              "type": "array",
            },
            "paths": {
              "default": [
                ".",
              ],
              "description": "Files or directories to review, relative to the workspace root (default: the whole workspace)",
              "items": {
                "maxLength": 4096,
                "minLength": 1,
                "type": "string",
              },
              "maxItems": 100,
              "minItems": 1,
              "type": "array",
            },
            "skip": {
              "description": "Skip these rule IDs or families",
              "items": {
                "maxLength": 32,
                "minLength": 1,
                "type": "string",
              },
              "maxItems": 200,
              "type": "array",
            },
            "top": {
              "default": 10,
              "description": "How many findings to list in the text answer",
              "maximum": 100,
              "minimum": 0,
              "type": "integer",
            },
          },
          "name": "review",
          "output": [
            "version",
            "tool",
            "root",
            "summary",
            "findings",
            "skipped",
          ],
          "required": [],
          "title": "Review DevOps artifacts",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "Explain a review rule",
          },
          "input": {
            "id": {
              "description": "Rule ID, e.g. DKR002 (case-insensitive)",
              "maxLength": 32,
              "minLength": 1,
              "type": "string",
            },
          },
          "name": "explain_rule",
          "output": [
            "id",
            "title",
            "severity",
            "domain",
            "kinds",
            "enabledByDefault",
            "rationale",
            "fix",
            "rollback",
            "peers",
            "notes",
            "docsUrl",
          ],
          "required": [
            "id",
          ],
          "title": "Explain a review rule",
        },
      ]
    `);
  });

  it('review: summary and most severe findings as text, the full JSON report as structured content', async () => {
    const client = await inProcessClient();
    const result = await call(client, 'review', { only: ['DKR001', 'DKR002', 'CMP006'], top: 2 });
    expect(result.isError).toBeFalsy();
    const report = result.structuredContent as {
      version: number;
      tool: { name: string; version: string };
      root: string;
      summary: { files: number; findings: number; bySeverity: Record<string, number> };
      findings: Positioned[];
    };
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'proagent-devops', version: '9.9.9-test' });
    expect(report.root).toBe(ctx.root);
    expect(report.summary.files).toBe(2);
    expect(report.summary.bySeverity).toEqual({ error: 3, warning: 0, info: 0 });
    expect(positions(report.findings)).toEqual([
      'DKR001 Dockerfile:1:1-1:10',
      'DKR002 Dockerfile:1:6-1:10',
      'CMP006 docker-compose.yml:5:26-5:42',
    ]);
    const answer = text(result);
    expect(answer).toMatch(/^Reviewed 2 files: 3 findings \(3 error, 0 warning, 0 info\)\./);
    expect(answer).toContain('1. [error] DKR001 Dockerfile:1:1 The final stage (FROM node) sets no USER');
    expect(answer).toContain('1 more in the structured content.');
    // The secret is redacted in both the text and the structured content.
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(report.findings)).toContain('Zx9v****');
  });

  it('review: paths, families and a minimum severity narrow the report', async () => {
    const client = await inProcessClient();
    const result = await call(client, 'review', { paths: ['Dockerfile'], only: ['dkr'], minSeverity: 'error' });
    const report = result.structuredContent as { findings: Positioned[]; summary: { files: number } };
    expect(report.summary.files).toBe(1);
    expect(report.findings.every((f) => f.ruleId.startsWith('DKR') && f.file === 'Dockerfile')).toBe(true);
    expect(positions(report.findings)).toContain('DKR002 Dockerfile:1:6-1:10');
    const skipped = await call(client, 'review', { only: ['CMP006'], skip: ['CMP'] });
    expect((skipped.structuredContent as { findings: unknown[] }).findings).toEqual([]);
    expect(text(skipped)).toBe('Reviewed 2 files: 0 findings (0 error, 0 warning, 0 info).');
  });

  it('explain_rule: rationale, fix, rollback and docs, case-insensitive', async () => {
    const client = await inProcessClient();
    const result = await call(client, 'explain_rule', { id: 'dkr002' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      id: 'DKR002',
      title: 'Pin base images to a version',
      severity: 'error',
      domain: 'containers',
      kinds: ['dockerfile'],
      enabledByDefault: true,
      docsUrl: 'https://github.com/proagent/proagent-devops/blob/main/docs/rules/DKR002.md',
    });
    const rule = result.structuredContent as { rationale: string; fix: string; rollback: string; peers: string[] };
    expect(rule.rollback).toMatch(/known-good/);
    expect(rule.peers).toContain('hadolint:DL3007');
    expect(text(result)).toMatch(/^DKR002 {2}Pin base images to a version\n/);
    expect(text(result)).toContain(`Fix: ${rule.fix}`);
  });

  it('invalid input and failures come back as isError results, and the server keeps serving', async () => {
    const client = await inProcessClient();
    const cases: Array<[string, unknown, RegExp]> = [
      ['review', { paths: 'Dockerfile' }, /Input validation error.*expected array.*paths/],
      ['review', { paths: [] }, /Input validation error.*paths/],
      ['review', { minSeverity: 'fatal' }, /Input validation error.*minSeverity/],
      ['review', { pathz: ['.'] }, /Input validation error.*pathz/],
      ['review', { paths: ['../outside'] }, /^\.\.\/outside is outside the workspace root$/],
      ['review', { paths: [join(dir, 'outside')] }, /is outside the workspace root$/],
      ['review', { paths: ['nope'] }, /^no such file or directory: nope$/],
      ['review', { only: ['NOPE1', 'DKR'] }, /^only: unknown rule or family NOPE1$/],
      ['explain_rule', {}, /Input validation error.*id/],
      ['explain_rule', { id: 'DKR999' }, /^unknown rule "DKR999"; rules of family DKR: DKR001, DKR002/],
      ['explain_rule', { id: 'zzz1' }, /^unknown rule "zzz1"; families: .*CMP.*DKR/],
      ['no_such_tool', {}, /Tool no_such_tool not found/],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(client, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(text(result)).toMatch(message);
    }
    // A symlink out of the workspace is outside too.
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(dir, 'outside'), join(ctx.root, 'link'));
    expect(text(await call(client, 'review', { paths: ['link'] }))).toBe('link is outside the workspace root');
    // A broken config is the user's to fix: its message, no stack.
    put('ws/.proagent-devops.yaml', 'rules:\n  NOPE001: error\n');
    const broken = await call(client, 'review', {});
    expect(broken.isError).toBe(true);
    expect(text(broken)).toMatch(/NOPE001/);
    expect(text(broken)).not.toMatch(/\n\s+at /);
    expect(logs).toEqual([]);
    // Still alive.
    expect((await call(client, 'explain_rule', { id: 'DKR001' })).isError).toBeFalsy();
  });
});

/** One sample of the Prometheus text: `name{labels} value`, labels in any order. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    const keys = Object.keys(labels);
    if (Object.keys(got).length === keys.length && keys.every((k) => got[k] === labels[k])) return Number(m[3]);
  }
  return undefined;
}

/** A raw request, for headers fetch() will not send (Host) and bodies it would not frame the same way. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function httpServer(options: Partial<Parameters<typeof startHttpServer>[0]> = {}): Promise<RunningHttpServer> {
  const running = await startHttpServer({ ctx, port: 0, warmUp: Promise.resolve(), ...options });
  cleanups.push(() => running.close());
  return running;
}

async function httpClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  cleanups.push(() => client.close());
  return client;
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

describe('streamable HTTP', () => {
  it('answers /health at once, /ready and /mcp with 503 until warmed up, then serves tools and RED metrics', async () => {
    let finishWarmUp: () => void = () => {};
    const warmUp = new Promise<void>((resolve) => {
      finishWarmUp = resolve;
    });
    const running = await httpServer({ warmUp });
    const base = running.url.replace(/\/mcp$/, '');
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', version: '9.9.9-test' });
    const notReady = await fetch(`${base}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', checks: { registry: 'fail' } });
    const early = await raw(running.url, { method: 'POST', headers: MCP_HEADERS, body: INIT });
    expect(early.status).toBe(503);
    expect(early.headers['retry-after']).toBe('1');

    finishWarmUp();
    await warmUp;
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    const client = await httpClient(running.url);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['review', 'explain_rule']);
    const reviewed = await call(client, 'review', { only: ['DKR002'] });
    expect(positions((reviewed.structuredContent as { findings: Positioned[] }).findings)).toEqual([
      'DKR002 Dockerfile:1:6-1:10',
    ]);
    expect((await call(client, 'explain_rule', { id: 'DKR001' })).isError).toBeFalsy();
    expect((await call(client, 'explain_rule', { id: 'NOPE001' })).isError).toBe(true);
    expect((await call(client, 'explain_rule', { idd: 'x' })).isError).toBe(true);
    expect((await call(client, 'no_such_tool', {})).isError).toBe(true);

    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const metrics = await scrape.text();
    const calls = (tool: string, status: string) => sample(metrics, 'proagent_mcp_requests_total', { tool, status });
    expect(calls('review', 'ok')).toBe(1);
    expect(calls('explain_rule', 'ok')).toBe(1);
    expect(calls('explain_rule', 'error')).toBe(2);
    // A tool name the server does not have is not a label value.
    expect(calls('unknown', 'error')).toBe(1);
    expect(metrics).not.toContain('no_such_tool');
    expect(sample(metrics, 'proagent_mcp_request_duration_seconds_count', { tool: 'explain_rule' })).toBe(3);
    expect(sample(metrics, 'proagent_mcp_request_duration_seconds_bucket', { tool: 'review', le: '30' })).toBe(1);
    expect(sample(metrics, 'proagent_mcp_request_duration_seconds_bucket', { tool: 'review', le: '+Inf' })).toBe(1);
    expect(metrics).toMatch(/^proagent_mcp_request_duration_seconds_bucket\{le="0\.001",tool="review"\} \d/m);
    expect(sample(metrics, 'proagent_mcp_requests_in_flight')).toBe(0);
    expect(sample(metrics, 'proagent_mcp_build_info', { version: '9.9.9-test' })).toBe(1);
    expect(metrics).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d/m);
    const http = (route: string, status: string, method = 'POST') =>
      sample(metrics, 'proagent_mcp_http_requests_total', { method, route, status_class: status });
    expect(http('/mcp', '5xx')).toBe(1);
    expect(http('/ready', '5xx', 'GET')).toBe(1);
    expect(http('/ready', '2xx', 'GET')).toBe(1);
    expect(http('/health', '2xx', 'GET')).toBe(1);
    expect(http('/mcp', '2xx')).toBeGreaterThanOrEqual(7);
  });

  it('guards against DNS rebinding, oversized bodies and the wrong method', async () => {
    const running = await httpServer({ maxBodyBytes: 4096 });
    const forged = await raw(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, host: 'attacker.example:8787' },
      body: INIT,
    });
    expect(forged.status).toBe(403);
    const fromPage = await raw(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, origin: 'http://attacker.example' },
      body: INIT,
    });
    expect(fromPage.status).toBe(403);
    const metricsByName = await raw(running.url.replace('/mcp', '/metrics'), { headers: { host: 'attacker.example' } });
    expect(metricsByName.status).toBe(403);
    const localPage = await raw(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, origin: 'http://localhost:3000', host: `localhost:${running.port}` },
      body: INIT,
    });
    expect(localPage.status).toBe(200);

    const big = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: { pad: 'x'.repeat(8000) } });
    const declared = await raw(running.url, { method: 'POST', headers: MCP_HEADERS, body: big });
    expect(declared.status).toBe(413);
    const chunked = await raw(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);

    const get = await raw(running.url, { headers: { accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await raw(running.url.replace('/mcp', '/nope'), {})).status).toBe(404);
  });

  it('with a token, every request but the probes needs it (401 otherwise); allowed host names pass', async () => {
    const token = 'test-token-0123456789abcdef';
    const running = await httpServer({ token, allowedHosts: ['mcp.example.internal'] });
    const base = running.url.replace(/\/mcp$/, '');
    const named = await raw(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, host: 'mcp.example.internal', authorization: `Bearer ${token}` },
      body: INIT,
    });
    expect(named.status).toBe(200);
    expect(JSON.parse(named.body).result.serverInfo).toEqual({ name: 'proagent-devops', version: '9.9.9-test' });
    const anonymous = await raw(running.url, { method: 'POST', headers: MCP_HEADERS, body: INIT });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="proagent-devops"');
    const wrong = await raw(running.url, {
      method: 'POST',
      headers: { ...MCP_HEADERS, authorization: `Bearer ${token.slice(0, -1)}X` },
      body: INIT,
    });
    expect(wrong.status).toBe(401);
    expect((await raw(`${base}/metrics`, {})).status).toBe(401);
    expect((await raw(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await raw(`${base}/health`, {})).status).toBe(200);
    expect((await raw(`${base}/ready`, {})).status).toBe(200);

    const client = await httpClient(running.url, { authorization: `Bearer ${token}` });
    expect((await call(client, 'explain_rule', { id: 'DKR001' })).isError).toBeFalsy();
  });

  it('refuses to start on a non-loopback address without a token, or with a short one', async () => {
    await expect(startHttpServer({ ctx, host: '0.0.0.0', port: 0, warmUp: Promise.resolve() })).rejects.toThrow(
      'refusing to listen on 0.0.0.0 without PROAGENT_MCP_TOKEN',
    );
    await expect(
      startHttpServer({ ctx, host: '0.0.0.0', port: 0, token: 'short', warmUp: Promise.resolve() }),
    ).rejects.toThrow('PROAGENT_MCP_TOKEN must be at least 16 characters');
  });
});

describe('mcp command', () => {
  const io = (env: NodeJS.ProcessEnv = {}) => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        cwd: dir,
        stdout: (s: string) => {
          out.stdout += s;
        },
        stderr: (s: string) => {
          out.stderr += s;
        },
        isTTY: false,
        stderrIsTTY: false,
        env,
      },
    };
  };

  it('prints its usage and rejects bad flags as usage errors', async () => {
    const help = io();
    expect(await mcpCommand(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/^Usage: proagent-devops mcp \[--http\]/);
    await expect(mcpCommand(['--port', '9000'], io().io)).rejects.toThrow(
      '--host, --port and --allowed-host need --http',
    );
    await expect(mcpCommand(['--http', '--port', 'eighty'], io().io)).rejects.toThrow('--port must be 0-65535');
    await expect(mcpCommand(['--http', '--root', 'missing'], io().io)).rejects.toThrow('--root is not a directory');
    await expect(mcpCommand(['--http', '--host', '10.1.2.3', '--port', '0'], io().io)).rejects.toThrow(
      'refusing to listen on 10.1.2.3',
    );
  });
});

describe('the bundle (plugins/proagent-devops/dist/mcp.mjs)', () => {
  /** Copied out of the repository so that no node_modules can be resolved from it. */
  function isolatedBundle(): string {
    mkdirSync(join(dir, 'bundle'), { recursive: true });
    // With the grammar's wasm, which ships beside the bundles in dist/.
    for (const file of ['mcp.mjs', 'web-tree-sitter.wasm', 'tree-sitter-hcl.wasm']) {
      copyFileSync(join(repo, 'plugins/proagent-devops/dist', file), join(dir, 'bundle', file));
    }
    return join(dir, 'bundle', 'mcp.mjs');
  }

  it('serves the tools over stdio with logs only on stderr', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [isolatedBundle()],
      cwd: ctx.root,
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    cleanups.push(() => client.close());
    expect(client.getServerVersion()?.name).toBe('proagent-devops');
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['review', 'explain_rule']);
    const reviewed = await call(client, 'review', { only: ['DKR001', 'CMP006'] });
    expect(positions((reviewed.structuredContent as { findings: Positioned[] }).findings)).toEqual([
      'DKR001 Dockerfile:1:1-1:10',
      'CMP006 docker-compose.yml:5:26-5:42',
    ]);
    expect(JSON.stringify(reviewed)).not.toContain(SECRET);
    put('ws/infra/main.tf', 'resource "aws_db_instance" "db" {\n  password = "Sup3rS3cretValue!"\n}\n');
    const terraform = await call(client, 'review', { paths: ['infra'], only: ['TF004', 'PDO000'] });
    expect(positions((terraform.structuredContent as { findings: Positioned[] }).findings)).toEqual([
      'TF004 infra/main.tf:2:14-2:33',
    ]);
    const explained = await call(client, 'explain_rule', { id: 'DKR002' });
    expect((explained.structuredContent as { id: string }).id).toBe('DKR002');
    expect((await call(client, 'review', { paths: ['../outside'] })).isError).toBe(true);
    expect(stderr).toBe('');
  });

  it('refuses a non-loopback bind without a token: exit 2, one line on stderr', () => {
    const r = spawnSync(process.execPath, [isolatedBundle(), '--http', '--host', '0.0.0.0', '--port', '0'], {
      cwd: ctx.root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'proagent-devops mcp: refusing to listen on 0.0.0.0 without PROAGENT_MCP_TOKEN: a non-loopback address ' +
        'needs a bearer token (set PROAGENT_MCP_TOKEN, or bind 127.0.0.1)\n',
    );
  });
});
