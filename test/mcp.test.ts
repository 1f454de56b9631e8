import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardCliCommand } from '../src/adapters/cli/guard-command.js';
import { hubCommand } from '../src/adapters/cli/hub-command.js';
import { incidentCommand } from '../src/adapters/cli/incident-command.js';
import type { Command } from '../src/adapters/cli/io.js';
import { mcpCommand } from '../src/adapters/cli/mcp-command.js';
import { type RunningHttpServer, startHttpServer } from '../src/adapters/mcp/http.js';
import { createMcpServer } from '../src/adapters/mcp/server.js';
import type { ToolContext } from '../src/adapters/mcp/tool.js';
import { postmortemTemplate } from '../src/incident/postmortem.js';
import { RECIPES } from '../src/scaffold/recipes/index.js';

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

const TOOL_NAMES = [
  'review',
  'explain_rule',
  'guard_check',
  'hub',
  'scaffold_list',
  'scaffold',
  'incident_classify',
  'runbook',
  'postmortem',
];

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
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "Check a shell command before running it",
          },
          "input": {
            "command": {
              "description": "The whole shell command line, as it would be run (pipes, &&, sh -c … are followed)",
              "maxLength": 262144,
              "minLength": 1,
              "type": "string",
            },
            "cwd": {
              "default": ".",
              "description": "Directory the command would run in, relative to the workspace root (default: the root)",
              "maxLength": 4096,
              "minLength": 1,
              "type": "string",
            },
          },
          "name": "guard_check",
          "output": [
            "decision",
            "ruleId",
            "reason",
            "commands",
            "validateFirst",
            "rollback",
          ],
          "required": [
            "command",
          ],
          "title": "Check a shell command before running it",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "DevOps posture across the nine domains",
          },
          "input": {
            "path": {
              "default": ".",
              "description": "Directory to assess, relative to the workspace root (default: the whole workspace)",
              "maxLength": 4096,
              "minLength": 1,
              "type": "string",
            },
          },
          "name": "hub",
          "output": [
            "version",
            "tool",
            "root",
            "overall",
            "domains",
            "nextActions",
            "summary",
            "method",
          ],
          "required": [],
          "title": "DevOps posture across the nine domains",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "List scaffold recipes",
          },
          "input": {},
          "name": "scaffold_list",
          "output": [
            "recipes",
          ],
          "required": [],
          "title": "List scaffold recipes",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": true,
            "idempotentHint": false,
            "openWorldHint": false,
            "readOnlyHint": false,
            "title": "Scaffold a convention-compliant artifact",
          },
          "input": {
            "dryRun": {
              "default": true,
              "description": "Default true: generate and validate, write nothing. Writing needs dryRun: false",
              "type": "boolean",
            },
            "force": {
              "default": false,
              "description": "Replace existing files that differ (never without it). Review the dry-run diff first",
              "type": "boolean",
            },
            "options": {
              "additionalProperties": {
                "anyOf": [
                  {
                    "maxLength": 4096,
                    "type": "string",
                  },
                  {
                    "type": "number",
                  },
                  {
                    "type": "boolean",
                  },
                ],
              },
              "default": {},
              "description": "Recipe options (see scaffold_list), e.g. {"lang": "python", "port": 8000}; unknown ones are refused",
              "propertyNames": {
                "pattern": "^[A-Za-z0-9_.-]{1,64}$",
                "type": "string",
              },
              "type": "object",
            },
            "out": {
              "default": ".",
              "description": "Output directory, relative to the workspace root and inside it (created if missing)",
              "maxLength": 4096,
              "minLength": 1,
              "type": "string",
            },
            "recipe": {
              "description": "Recipe name (see scaffold_list)",
              "enum": [
                "dockerfile",
                "compose",
                "monitoring",
                "alerts",
                "dashboard",
                "k8s-app",
                "helm-chart",
                "github-actions",
                "release",
                "gitlab-ci",
                "jenkins",
                "terraform-module",
                "terraform-backend",
                "gitops",
                "external-secrets",
                "cost-guardrails",
              ],
              "type": "string",
            },
          },
          "name": "scaffold",
          "output": [
            "outcome",
            "recipe",
            "options",
            "out",
            "dryRun",
            "files",
            "written",
            "validation",
            "next",
          ],
          "required": [
            "recipe",
          ],
          "title": "Scaffold a convention-compliant artifact",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "Classify an incident (SEV1-SEV4)",
          },
          "input": {
            "dataLoss": {
              "description": "Data was lost",
              "type": "boolean",
            },
            "env": {
              "description": "Environment name; production per the configured pattern (assumed production when absent)",
              "maxLength": 200,
              "minLength": 1,
              "type": "string",
            },
            "revenueImpact": {
              "enum": [
                "none",
                "low",
                "medium",
                "high",
              ],
              "type": "string",
            },
            "security": {
              "description": "It is a security incident (exposure, breach)",
              "type": "boolean",
            },
            "state": {
              "description": "The state of the service",
              "enum": [
                "down",
                "degraded",
                "ok",
              ],
              "type": "string",
            },
            "usersAffected": {
              "description": "Share of users affected, in percent (0-100)",
              "maximum": 100,
              "minimum": 0,
              "type": "number",
            },
          },
          "name": "incident_classify",
          "output": [
            "version",
            "severity",
            "name",
            "description",
            "rationale",
            "assumptions",
            "impact",
            "response",
            "config",
          ],
          "required": [],
          "title": "Classify an incident (SEV1-SEV4)",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "Runbooks from alert rules",
          },
          "input": {
            "alerts": {
              "description": "Only these alerts (by name)",
              "items": {
                "maxLength": 200,
                "minLength": 1,
                "type": "string",
              },
              "maxItems": 200,
              "minItems": 1,
              "type": "array",
            },
            "linkFrom": {
              "default": ".",
              "description": "Where the runbooks will be kept (relative to the root), so their links to the rules resolve",
              "maxLength": 4096,
              "minLength": 1,
              "type": "string",
            },
            "project": {
              "default": ".",
              "description": "Directory whose deploy method (Kubernetes, Helm, Argo CD, compose …) the rollback steps use",
              "maxLength": 4096,
              "minLength": 1,
              "type": "string",
            },
            "rules": {
              "description": "Prometheus rule files (groups: with alert rules), relative to the workspace root",
              "items": {
                "maxLength": 4096,
                "minLength": 1,
                "type": "string",
              },
              "maxItems": 50,
              "minItems": 1,
              "type": "array",
            },
          },
          "name": "runbook",
          "output": [
            "runbooks",
          ],
          "required": [
            "rules",
          ],
          "title": "Runbooks from alert rules",
        },
        {
          "additionalProperties": false,
          "annotations": {
            "destructiveHint": false,
            "idempotentHint": true,
            "openWorldHint": false,
            "readOnlyHint": true,
            "title": "Blameless postmortem",
          },
          "input": {
            "path": {
              "description": "Incident record (YAML or JSON), relative to the workspace root",
              "maxLength": 4096,
              "minLength": 1,
              "type": "string",
            },
            "record": {
              "additionalProperties": {},
              "description": "The incident record inline (title, severity, commander, started, summary, impact, detection, timeline, contributingFactors, fiveWhys, actionItems, lessons); positions refer to its 2-space JSON rendering",
              "propertyNames": {
                "type": "string",
              },
              "type": "object",
            },
          },
          "name": "postmortem",
          "output": [
            "kind",
            "source",
            "markdown",
            "problems",
          ],
          "required": [],
          "title": "Blameless postmortem",
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

/** Runs a CLI command in process in the workspace root, for parity checks: the tools call the same engine. */
async function cli(command: Command, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await command(argv, {
    cwd: ctx.root,
    stdout: (s) => {
      out.stdout += s;
    },
    stderr: (s) => {
      out.stderr += s;
    },
    isTTY: false,
    stderrIsTTY: false,
    env: process.env,
  });
  return { code, ...out };
}

const ALERTS = [
  'groups:',
  '  - name: api',
  '    rules:',
  '      - record: job:http_errors:ratio_rate5m',
  '        expr: sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))',
  '      - alert: ApiDown',
  '        expr: up{job="api"} == 0',
  '        for: 5m',
  '        labels: { severity: critical }',
  '        annotations:',
  '          summary: API down',
  '      - alert: ApiErrorsHigh',
  '        expr: job:http_errors:ratio_rate5m{job="api"} > 0.05',
  '        for: 10m',
  '        labels: { severity: warning }',
  '        annotations:',
  '          summary: API errors above 5%',
  '',
].join('\n');

const INCIDENT = [
  'title: Checkout errors',
  'severity: SEV2',
  'commander: Dana',
  'started: 2024-05-02T14:05Z',
  'resolved: 2024-05-02T15:30Z',
  'summary: Checkouts failed.',
  'impact: { description: 30% of checkouts failed. }',
  'detection: { how: alert }',
  'timeline: [{ at: 2024-05-02T14:05Z, event: Deploy }]',
  'contributingFactors: [No load test of the pool.]',
  'fiveWhys: [a, b, c]',
  'actionItems: [{ action: Add a load test, owner: team-api, due: 2024-05-10 }]',
  'lessons: { wentWell: [Fast page] }',
  '',
].join('\n');

type GuardOut = { decision: string; ruleId: string; reason: string; commands: string[] };
type ScaffoldOut = {
  outcome: string;
  out: string;
  dryRun: boolean;
  options: Record<string, unknown>;
  files: { path: string; status: string; content: string; diff?: string }[];
  written: string[];
  validation: { ok: boolean; findings: unknown[]; suppressed: { ruleId: string }[]; checks: unknown[] };
  next: { validate: string[]; rollback: string[] };
};
const files = (r: CallToolResult) => (r.structuredContent as ScaffoldOut).files.map((f) => `${f.status} ${f.path}`);

describe('guard_check', () => {
  it('gives the same verdict as `guard --format json`: deny, allow, and the project policy', async () => {
    const client = await inProcessClient();
    const destroy = await call(client, 'guard_check', { command: 'terraform destroy -auto-approve' });
    expect(destroy.isError).toBeFalsy();
    expect(destroy.structuredContent).toEqual({
      decision: 'deny',
      ruleId: 'GRD001',
      reason: '`terraform destroy -auto-approve` destroys the infrastructure it manages (databases and data included).',
      commands: ['terraform destroy -auto-approve'],
      validateFirst: '`terraform plan -destroy` and read every resource it would delete',
      rollback:
        'None for data: restore databases and volumes from snapshots, then `terraform apply` the configuration.',
    });
    const viaCli = await cli(guardCliCommand, ['--format', 'json', '--', 'terraform destroy -auto-approve']);
    expect(destroy.structuredContent).toEqual(JSON.parse(viaCli.stdout));
    expect(text(destroy).split('\n')[0]).toBe(
      'deny GRD001: `terraform destroy -auto-approve` destroys the infrastructure it manages (databases and data included).',
    );
    expect(text(destroy)).toContain('validate first: `terraform plan -destroy`');

    const read = await call(client, 'guard_check', { command: 'kubectl get pods' });
    expect(read.structuredContent).toEqual({
      decision: 'allow',
      ruleId: 'GRD000',
      reason: 'no destructive or production-changing command found.',
      commands: ['kubectl get pods'],
    });
    expect(text(read)).toBe(
      'allow GRD000: no destructive or production-changing command found.\ncommands judged: kubectl get pods',
    );

    // The guard follows `&&` and `sh -c`, and never echoes a password given on the command line.
    const chained = await call(client, 'guard_check', {
      command: `cd db && sh -c 'mysql -u root -p${SECRET} -e "DROP DATABASE shop"'`,
    });
    expect((chained.structuredContent as GuardOut).decision).toBe('deny');
    expect((chained.structuredContent as GuardOut).ruleId).toBe('GRD008');
    expect(JSON.stringify(chained)).not.toContain(SECRET);
    expect(JSON.stringify(chained)).toContain('-pZx9v****');

    // The project's policy applies, found from cwd upwards, as for the CLI.
    put('ws/deploy/.proagent-devops.yaml', "guard:\n  deny:\n    - '^make release\\b'\n");
    const policy = await call(client, 'guard_check', { command: 'make release', cwd: 'deploy' });
    expect((policy.structuredContent as GuardOut).decision).toBe('deny');
    expect((policy.structuredContent as GuardOut).ruleId).toBe('GRD090');
    expect(
      ((await call(client, 'guard_check', { command: 'make release' })).structuredContent as GuardOut).ruleId,
    ).toBe('GRD000');
  });
});

describe('hub', () => {
  it('returns the version 1 hub report (as `hub --format json`) with a one-screen summary', async () => {
    const client = await inProcessClient();
    const result = await call(client, 'hub', {});
    expect(result.isError).toBeFalsy();
    const report = result.structuredContent as {
      version: number;
      root: string;
      tool: { version: string };
      domains: { id: string; status: string; artifacts: number; evidence: { files: string[] }[] }[];
      summary: { files: number; findings: number; bySeverity: Record<string, number> };
    };
    expect(report.version).toBe(1);
    expect(report.root).toBe(ctx.root);
    expect(report.tool.version).toBe('9.9.9-test');
    expect(report.domains.map((d) => d.id)).toEqual([
      'cicd',
      'containers',
      'iac',
      'observability',
      'incident',
      'cloud',
      'secrets',
      'gitops',
      'cost',
    ]);
    const containers = report.domains.find((d) => d.id === 'containers');
    expect(containers?.artifacts).toBe(2);
    expect([...new Set(containers?.evidence.flatMap((e) => e.files))].sort()).toEqual([
      'Dockerfile',
      'docker-compose.yml',
    ]);
    expect(report.domains.find((d) => d.id === 'cicd')?.status).toBe('absent');
    expect(report.summary.files).toBe(2);
    const viaCli = JSON.parse((await cli(hubCommand, ['--format', 'json'])).stdout);
    expect(report).toEqual({ ...viaCli, tool: { ...viaCli.tool, version: '9.9.9-test' } });
    const lines = text(result).split('\n');
    expect(lines[0]).toMatch(/^proagent-devops hub {2}\. {2}overall \d+\/100 \([A-F]\)$/);
    expect(lines[1]).toBe(
      `2 files reviewed · ${report.summary.findings} findings (${report.summary.bySeverity.error} errors, ` +
        `${report.summary.bySeverity.warning} warnings, ${report.summary.bySeverity.info} info)`,
    );
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(JSON.stringify(result)).not.toContain(SECRET);

    put('ws/svc/Dockerfile', 'FROM node:22.12.0\nUSER node\n');
    const sub = (await call(client, 'hub', { path: 'svc' })).structuredContent as typeof report;
    expect(sub.root).toBe(join(ctx.root, 'svc'));
    expect(sub.summary.files).toBe(1);
  });
});

describe('scaffold_list and scaffold', () => {
  it('scaffold_list: every recipe with its summary and typed options', async () => {
    const client = await inProcessClient();
    const result = await call(client, 'scaffold_list', {});
    const { recipes } = result.structuredContent as {
      recipes: { name: string; summary: string; options: { name: string; type: string; default: unknown }[] }[];
    };
    expect(recipes.map((r) => r.name)).toEqual(RECIPES.map((r) => r.name));
    expect(recipes).toHaveLength(16);
    const dockerfile = recipes[0];
    expect(dockerfile?.summary).toMatch(/^Multi-stage Dockerfile/);
    expect(dockerfile?.options.find((o) => o.name === 'port')).toEqual({
      name: 'port',
      type: 'number',
      default: 8080,
      description: 'Port the service listens on (EXPOSE, health check)',
    });
    expect(dockerfile?.options.find((o) => o.name === 'lang')).toMatchObject({
      type: 'string',
      default: 'node',
      choices: ['node', 'python', 'go', 'java'],
    });
    expect(text(result).split('\n')[1]).toBe(
      '  options: lang=node name=app version=default port=8080 uid=10001 source=https://github.com/example/app ' +
        'digest=(empty) build_digest=(empty)',
    );
    expect(text(result)).toMatch(/\n16 recipes\. Scaffold one with the `scaffold` tool/);
  });

  it('scaffold: a dry run by default, writes with dryRun false, never overwrites without force', async () => {
    const client = await inProcessClient();
    const args = { recipe: 'dockerfile', options: { name: 'web', port: 3000 }, out: 'svc' };
    const svc = join(ctx.root, 'svc');

    const dry = await call(client, 'scaffold', args);
    expect(dry.isError).toBeFalsy();
    const plan = dry.structuredContent as ScaffoldOut;
    expect(plan).toMatchObject({ outcome: 'dry-run', out: 'svc', dryRun: true, written: [] });
    expect(plan.options).toMatchObject({ lang: 'node', name: 'web', port: 3000, uid: 10001, digest: '' });
    expect(files(dry)).toEqual(['create .dockerignore', 'create Dockerfile']);
    const dockerfile = plan.files.find((f) => f.path === 'Dockerfile')?.content ?? '';
    expect(dockerfile).toContain('EXPOSE 3000\n');
    expect(plan.validation).toMatchObject({ ok: true, findings: [], checks: [] });
    expect(plan.validation.suppressed.map((f) => f.ruleId)).toEqual(['DKR003', 'DKR003']);
    expect(text(dry)).toContain(
      '  undo this scaffold (files would be created): (cd svc && rm -- .dockerignore Dockerfile)',
    );
    expect(text(dry)).toContain('Dry run: nothing was written. 2 file(s) under svc:');
    expect(text(dry)).toMatch(/To write these files, call scaffold again with dryRun: false\.$/);
    expect(existsSync(svc)).toBe(false);

    const write = await call(client, 'scaffold', { ...args, dryRun: false });
    expect(write.isError).toBeFalsy();
    expect(write.structuredContent).toMatchObject({ outcome: 'written', dryRun: false });
    expect((write.structuredContent as ScaffoldOut).written).toEqual(['.dockerignore', 'Dockerfile']);
    expect(readdirSync(svc).sort()).toEqual(['.dockerignore', 'Dockerfile']);
    for (const f of plan.files) expect(readFileSync(join(svc, f.path), 'utf8')).toBe(f.content);
    expect(text(write)).toContain('Wrote 2 file(s) under svc:');

    // Same content again: nothing to do, nothing refused.
    const again = await call(client, 'scaffold', { ...args, dryRun: false });
    expect(again.isError).toBeFalsy();
    expect(files(again)).toEqual(['unchanged .dockerignore', 'unchanged Dockerfile']);
    expect((again.structuredContent as ScaffoldOut).written).toEqual([]);

    // A local edit is never overwritten without force: refused, content unchanged.
    const edited = `${dockerfile}# local edit\n`;
    writeFileSync(join(svc, 'Dockerfile'), edited);
    const refused = await call(client, 'scaffold', { ...args, dryRun: false });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({ outcome: 'conflict', written: [] });
    expect(files(refused)).toEqual(['unchanged .dockerignore', 'conflict Dockerfile']);
    const conflict = (refused.structuredContent as ScaffoldOut).files.find((f) => f.path === 'Dockerfile');
    expect(conflict?.diff).toMatch(/^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n/);
    expect(conflict?.diff).toContain('\n-# local edit\n');
    expect(text(refused)).toContain('Nothing was written: 1 existing file(s) would be overwritten:\n  Dockerfile');
    expect(text(refused)).toMatch(/call scaffold again with dryRun: false and force: true\.$/);
    expect(readFileSync(join(svc, 'Dockerfile'), 'utf8')).toBe(edited);

    // force without dryRun: false is still a dry run.
    const forcedDry = await call(client, 'scaffold', { ...args, force: true });
    expect(files(forcedDry)).toEqual(['unchanged .dockerignore', 'overwrite Dockerfile']);
    expect(readFileSync(join(svc, 'Dockerfile'), 'utf8')).toBe(edited);

    const forced = await call(client, 'scaffold', { ...args, dryRun: false, force: true });
    expect(forced.isError).toBeFalsy();
    expect((forced.structuredContent as ScaffoldOut).written).toEqual(['Dockerfile']);
    expect(readFileSync(join(svc, 'Dockerfile'), 'utf8')).toBe(dockerfile);
    expect(readdirSync(svc).sort()).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('scaffold: refuses an out directory outside the root and bad options, writing nothing', async () => {
    const client = await inProcessClient();
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(dir, 'outside'), join(ctx.root, 'link'));
    const cases: Array<[unknown, RegExp]> = [
      [{ recipe: 'dockerfile', out: '../outside', dryRun: false }, /^\.\.\/outside is outside the workspace root$/],
      [{ recipe: 'dockerfile', out: join(dir, 'elsewhere'), dryRun: false }, /is outside the workspace root$/],
      [{ recipe: 'dockerfile', out: 'link/svc', dryRun: false }, /^link\/svc is outside the workspace root$/],
      [{ recipe: 'dockerfile', out: 'Dockerfile', dryRun: false }, /exists and is not a directory$/],
      [{ recipe: 'nope' }, /Input validation error.*recipe/],
      [{ recipe: 'dockerfile', dryRun: 'no' }, /Input validation error.*dryRun/],
      [{ recipe: 'dockerfile', outDir: 'x' }, /Input validation error.*outDir/],
      [{ recipe: 'dockerfile', options: { 'a=b': 'c' } }, /Input validation error/],
      [
        { recipe: 'dockerfile', options: { nope: 1 } },
        /^unknown option "nope" for recipe dockerfile \(options: lang, name, .*; see scaffold_list\)$/,
      ],
      [
        { recipe: 'dockerfile', options: { port: 'eighty', uid: 5 } },
        /^options\.port="eighty": must be a number; options\.uid="5": must be at least 1000$/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await call(client, 'scaffold', args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(text(result)).toMatch(message);
    }
    expect(readdirSync(join(dir, 'outside'))).toEqual(['Dockerfile']);
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    expect(readFileSync(join(ctx.root, 'Dockerfile'), 'utf8')).toBe('FROM node\nCMD ["node", "server.js"]\n');
    expect(logs).toEqual([]);
  });
});

describe('incident tools', () => {
  type Classified = { severity: string; rationale: string[]; assumptions: string[]; response: { page: string[] } };
  const severity = async (client: Client, impact: Record<string, unknown>) =>
    (await call(client, 'incident_classify', impact)).structuredContent as Classified;

  it('incident_classify: severity, rationale and response targets, with edge cases', async () => {
    const client = await inProcessClient();
    const down = await call(client, 'incident_classify', { state: 'down', env: 'prod' });
    expect(down.structuredContent).toEqual({
      version: 1,
      severity: 'SEV1',
      name: 'Critical',
      description: 'Production is down, data is lost or exposed, or most users or revenue are hit.',
      rationale: ['`prod` is production, the service is down'],
      assumptions: [],
      impact: { state: 'down', env: 'prod' },
      response: {
        acknowledge: '5m',
        updateEvery: '30m',
        resolveWithin: '4h',
        page: [
          'on-call primary',
          'on-call secondary',
          'incident commander',
          'engineering manager',
          'communications lead',
        ],
        postmortem: { required: true, within: '2 business days' },
      },
    });
    expect(text(down).split('\n').slice(0, 2)).toEqual([
      'SEV1 — Critical: Production is down, data is lost or exposed, or most users or revenue are hit.',
      'Why: `prod` is production, the service is down.',
    ]);
    // The same answer as the CLI's JSON.
    const viaCli = JSON.parse(
      (await cli(incidentCommand, ['classify', '--down', '--env', 'prod', '--format', 'json'])).stdout,
    );
    expect(down.structuredContent).toEqual(viaCli);

    // Nothing known: the fallback, production assumed.
    const nothing = await call(client, 'incident_classify', {});
    expect(nothing.structuredContent).toMatchObject({
      severity: 'SEV4',
      rationale: ['No criterion of SEV1, SEV2, SEV3 matched the impact.'],
      assumptions: ['No --env given: assumed production.'],
      impact: {},
      response: { page: [], postmortem: { required: false } },
    });
    expect(text(nothing)).toContain('\nWhy: No criterion of SEV1, SEV2, SEV3 matched the impact.\n');
    expect(text(nothing)).toContain('\nPage: nobody (ticket to the owning team).\n');
    // Thresholds are inclusive: 50% is SEV1, 49.9% SEV2, 10% SEV2, 9.9% SEV3, 0% nothing.
    expect((await severity(client, { usersAffected: 50 })).severity).toBe('SEV1');
    expect((await severity(client, { usersAffected: 49.9 })).severity).toBe('SEV2');
    expect((await severity(client, { usersAffected: 10, env: 'production' })).rationale).toEqual([
      '`production` is production, 10% of users are affected (at least 10%)',
    ]);
    expect((await severity(client, { usersAffected: 9.9 })).severity).toBe('SEV3');
    expect((await severity(client, { usersAffected: 0 })).severity).toBe('SEV4');
    // Outside production: an outage is SEV3, a degradation SEV4, a security issue still SEV2.
    expect((await severity(client, { state: 'down', env: 'staging' })).severity).toBe('SEV3');
    expect((await severity(client, { state: 'degraded', env: 'dev' })).severity).toBe('SEV4');
    expect((await severity(client, { security: true, env: 'staging' })).severity).toBe('SEV2');
    expect((await severity(client, { revenueImpact: 'high', dataLoss: false })).severity).toBe('SEV1');
    expect((await severity(client, { revenueImpact: 'medium', env: 'prod-eu' })).severity).toBe('SEV2');
    // `down` is worse than `degraded`: a degraded criterion matches an outage, not the reverse.
    expect((await severity(client, { state: 'degraded' })).severity).toBe('SEV3');
  });

  it('incident_classify: honours the matrix override of the project config, and refuses a broken one', async () => {
    const client = await inProcessClient();
    put(
      'ws/.proagent-devops.yaml',
      'incident:\n  severities:\n    SEV2:\n      criteria: [{ prod: true, usersAffectedAtLeast: 5 }]\n',
    );
    const result = await call(client, 'incident_classify', { usersAffected: 6, env: 'production' });
    expect(result.structuredContent).toMatchObject({
      severity: 'SEV2',
      rationale: ['`production` is production, 6% of users are affected (at least 5%)'],
      config: '.proagent-devops.yaml',
    });
    put('ws/.proagent-devops.yaml', 'incident:\n  severities:\n    SEV1: { response: { acknowledge: soon } }\n');
    const broken = await call(client, 'incident_classify', { state: 'down' });
    expect(broken.isError).toBe(true);
    expect(text(broken)).toMatch(/incident\.severities\.SEV1\.response\.acknowledge: must be a duration/);
    expect(logs).toEqual([]);
  });

  it('runbook: one Markdown runbook per alert, as `incident runbook` prints them; writes nothing', async () => {
    put('ws/monitoring/alerts.yml', ALERTS);
    const client = await inProcessClient();
    const result = await call(client, 'runbook', { rules: ['monitoring/alerts.yml'] });
    expect(result.isError).toBeFalsy();
    const { runbooks } = result.structuredContent as {
      runbooks: { alert: string; slug: string; ruleFile: string; markdown: string }[];
    };
    expect(runbooks.map((r) => [r.alert, r.slug, r.ruleFile])).toEqual([
      ['ApiDown', 'api-down', 'monitoring/alerts.yml'],
      ['ApiErrorsHigh', 'api-errors-high', 'monitoring/alerts.yml'],
    ]);
    const [down, errors] = runbooks.map((r) => r.markdown.split('\n'));
    expect(down?.[0]).toBe('# Runbook: ApiDown');
    expect(down).toContain(
      '| `ApiDown` | critical | SEV2 (Major) | api | 5m | [monitoring/alerts.yml:6](monitoring/alerts.yml#L6) |',
    );
    expect(errors).toContain(
      '| `ApiErrorsHigh` | warning | SEV3 (Minor) | api | 10m | [monitoring/alerts.yml:12](monitoring/alerts.yml#L12) |',
    );
    // The recording rule behind the alert is broken down into the series to check.
    expect(runbooks[1]?.markdown).toContain('job:http_errors:ratio_rate5m');
    const viaCli = await cli(incidentCommand, ['runbook', '--rules', 'monitoring/alerts.yml']);
    expect(text(result)).toBe(viaCli.stdout);
    expect(readFileSync(join(ctx.root, 'monitoring/alerts.yml'), 'utf8')).toBe(ALERTS);
    expect(readdirSync(join(ctx.root, 'monitoring'))).toEqual(['alerts.yml']);

    const one = await call(client, 'runbook', {
      rules: ['monitoring/alerts.yml'],
      alerts: ['ApiErrorsHigh'],
      linkFrom: 'docs/runbooks',
    });
    const only = (one.structuredContent as { runbooks: { alert: string; markdown: string }[] }).runbooks;
    expect(only.map((r) => r.alert)).toEqual(['ApiErrorsHigh']);
    expect(only[0]?.markdown).toContain('[monitoring/alerts.yml:12](../../monitoring/alerts.yml#L12)');
    expect(existsSync(join(ctx.root, 'docs'))).toBe(false);
  });

  it('postmortem: the template, a record from a file or inline, and problems with positions', async () => {
    const client = await inProcessClient();
    const template = await call(client, 'postmortem', {});
    expect(template.structuredContent).toEqual({ kind: 'template', markdown: postmortemTemplate(), problems: [] });
    expect(text(template)).toMatch(/^# Postmortem: <short title of what users experienced>\n/);

    put('ws/incidents/2024-05-02.yaml', INCIDENT);
    const fromFile = await call(client, 'postmortem', { path: 'incidents/2024-05-02.yaml' });
    expect(fromFile.isError).toBeFalsy();
    const pm = fromFile.structuredContent as { kind: string; source: string; markdown: string; problems: unknown[] };
    expect(pm).toMatchObject({ kind: 'postmortem', source: 'incidents/2024-05-02.yaml', problems: [] });
    expect(pm.markdown.split('\n')[0]).toBe('# Postmortem: Checkout errors');
    expect(pm.markdown).toContain('| Duration | 1h 25m |');
    expect(pm.markdown).toContain('| 1 | Add a load test | team-api | 2024-05-10 | — | — |');
    expect(text(fromFile)).toBe(pm.markdown);

    // Inline: the same record as an object gives the same postmortem.
    const { parse } = await import('yaml');
    const inline = await call(client, 'postmortem', { record: parse(INCIDENT) });
    expect(inline.structuredContent).toMatchObject({
      kind: 'postmortem',
      source: '<inline record>',
      markdown: pm.markdown,
    });

    // Blame language is a warning with its position; a secret in the record is not echoed.
    put(
      'ws/incidents/blame.yaml',
      INCIDENT.replace(
        'summary: Checkouts failed.',
        `summary: Human error by the operator, token ghp_${SECRET}${SECRET}Ab12.`,
      ),
    );
    const blamed = await call(client, 'postmortem', { path: 'incidents/blame.yaml' });
    expect(blamed.isError).toBeFalsy();
    expect((blamed.structuredContent as { problems: unknown[] }).problems).toEqual([
      {
        severity: 'warning',
        message: '`summary` uses blame language ("Human error"): describe what the system allowed, not who erred.',
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 86,
      },
    ]);
    expect(text(blamed).split('\n')[0]).toBe(
      'incidents/blame.yaml:6:10: warning: `summary` uses blame language ("Human error"): describe what the system allowed, not who erred.',
    );
    expect(JSON.stringify(blamed)).not.toContain(SECRET);

    // Invalid: isError, the problems with line and column, no Markdown.
    put('ws/incidents/bad.yaml', 'title: X\nseverity: SEV9\nstarted: yesterday\n');
    const bad = await call(client, 'postmortem', { path: 'incidents/bad.yaml' });
    expect(bad.isError).toBe(true);
    const problems = (bad.structuredContent as { kind: string; problems: Record<string, unknown>[] }).problems;
    expect(bad.structuredContent).toMatchObject({ kind: 'invalid', source: 'incidents/bad.yaml' });
    expect(bad.structuredContent).not.toHaveProperty('markdown');
    expect(problems).toContainEqual({
      severity: 'error',
      message: 'Missing required field `commander`.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 6,
    });
    expect(problems.find((p) => String(p.message).startsWith('`severity`'))).toMatchObject({ line: 2, column: 11 });
    expect(problems.find((p) => String(p.message).startsWith('`started`'))).toEqual({
      severity: 'error',
      message: '`started` must be a date-time such as 2024-05-02T14:05Z (got "yesterday").',
      line: 3,
      column: 10,
      endLine: 3,
      endColumn: 19,
    });
    expect(text(bad)).toContain('incidents/bad.yaml:3:10: error: `started` must be a date-time');
    expect(text(bad)).toMatch(/\nincidents\/bad\.yaml: \d+ error\(s\); fix the record and call postmortem again\.$/);

    const badInline = await call(client, 'postmortem', { record: { title: 'X', severity: 'SEV2' } });
    expect(badInline.isError).toBe(true);
    expect(text(badInline).split('\n')[0]).toBe(
      '<inline record>:2:3: error: Missing required field `impact` (a mapping).',
    );
  });

  it('invalid input and paths outside the root are isError results', async () => {
    put('ws/notrules.yml', 'services:\n  a:\n    image: x\n');
    put('ws/monitoring/alerts.yml', ALERTS);
    put('outside/incident.yaml', INCIDENT);
    const client = await inProcessClient();
    const cases: Array<[string, unknown, RegExp]> = [
      ['guard_check', {}, /Input validation error.*command/],
      ['guard_check', { command: '' }, /Input validation error.*command/],
      ['guard_check', { command: 'ls', shell: 'bash' }, /Input validation error.*shell/],
      ['guard_check', { command: 'ls', cwd: '../outside' }, /^\.\.\/outside is outside the workspace root$/],
      ['guard_check', { command: 'ls', cwd: 'Dockerfile' }, /^Dockerfile is not a directory$/],
      ['guard_check', { command: 'ls', cwd: 'nope' }, /^no such file or directory: nope$/],
      ['hub', { path: '../outside' }, /^\.\.\/outside is outside the workspace root$/],
      ['hub', { path: 'Dockerfile' }, /^Dockerfile is not a directory$/],
      ['hub', { paths: ['.'] }, /Input validation error.*paths/],
      ['scaffold_list', { all: true }, /Input validation error.*all/],
      ['incident_classify', { usersAffected: 120 }, /Input validation error.*usersAffected/],
      ['incident_classify', { revenueImpact: 'huge' }, /Input validation error.*revenueImpact/],
      ['incident_classify', { state: 'broken' }, /Input validation error.*state/],
      ['incident_classify', { down: true }, /Input validation error.*down/],
      ['runbook', {}, /Input validation error.*rules/],
      ['runbook', { rules: [] }, /Input validation error.*rules/],
      [
        'runbook',
        { rules: ['../outside/incident.yaml'] },
        /^\.\.\/outside\/incident\.yaml is outside the workspace root$/,
      ],
      ['runbook', { rules: ['monitoring'] }, /^monitoring is not a file$/],
      ['runbook', { rules: ['missing.yml'] }, /^no such file or directory: missing\.yml$/],
      ['runbook', { rules: ['notrules.yml'] }, /^notrules\.yml is not a Prometheus rule file/],
      ['runbook', { rules: ['monitoring/alerts.yml'], alerts: ['Nope'] }, /^no alert named Nope in the rule files$/],
      ['runbook', { rules: ['monitoring/alerts.yml'], linkFrom: '../x' }, /^\.\.\/x is outside the workspace root$/],
      ['runbook', { rules: ['monitoring/alerts.yml'], out: 'runbooks' }, /Input validation error.*out/],
      ['runbook', { rules: ['monitoring/alerts.yml'], link: 'https://x' }, /Input validation error.*link/],
      [
        'postmortem',
        { path: '../outside/incident.yaml' },
        /^\.\.\/outside\/incident\.yaml is outside the workspace root$/,
      ],
      ['postmortem', { path: 'x.yaml', record: {} }, /^give the incident record as path or as record, not both$/],
      ['postmortem', { record: 'title: X' }, /Input validation error.*record/],
      ['postmortem', { output: 'pm.md' }, /Input validation error.*output/],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(client, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(text(result), `${name} ${JSON.stringify(args)}`).toMatch(message);
    }
    expect(logs).toEqual([]);
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
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(TOOL_NAMES);
    const reviewed = await call(client, 'review', { only: ['DKR002'] });
    expect(positions((reviewed.structuredContent as { findings: Positioned[] }).findings)).toEqual([
      'DKR002 Dockerfile:1:6-1:10',
    ]);
    expect((await call(client, 'explain_rule', { id: 'DKR001' })).isError).toBeFalsy();
    expect((await call(client, 'explain_rule', { id: 'NOPE001' })).isError).toBe(true);
    expect((await call(client, 'explain_rule', { idd: 'x' })).isError).toBe(true);
    expect((await call(client, 'no_such_tool', {})).isError).toBe(true);
    const guarded = await call(client, 'guard_check', { command: 'terraform destroy -auto-approve' });
    expect((guarded.structuredContent as { decision: string }).decision).toBe('deny');

    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const metrics = await scrape.text();
    const calls = (tool: string, status: string) => sample(metrics, 'proagent_mcp_requests_total', { tool, status });
    expect(calls('review', 'ok')).toBe(1);
    expect(calls('explain_rule', 'ok')).toBe(1);
    expect(calls('explain_rule', 'error')).toBe(2);
    // Every tool is a label value; only the tools called have samples.
    expect(calls('guard_check', 'ok')).toBe(1);
    expect(calls('scaffold', 'ok')).toBeUndefined();
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
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(TOOL_NAMES);
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
    // The other engines are bundled too: guard, hub, recipes (dry run: nothing written), incident.
    const guarded = await call(client, 'guard_check', { command: 'terraform destroy -auto-approve' });
    expect(guarded.structuredContent).toMatchObject({ decision: 'deny', ruleId: 'GRD001' });
    expect((await call(client, 'hub', {})).structuredContent).toMatchObject({ version: 1, summary: { files: 3 } });
    const recipes = (await call(client, 'scaffold_list', {})).structuredContent as { recipes: unknown[] };
    expect(recipes.recipes).toHaveLength(16);
    const planned = await call(client, 'scaffold', { recipe: 'dockerfile', out: 'svc' });
    expect(files(planned)).toEqual(['create .dockerignore', 'create Dockerfile']);
    expect(existsSync(join(ctx.root, 'svc'))).toBe(false);
    const classified = await call(client, 'incident_classify', { state: 'down', env: 'prod' });
    expect((classified.structuredContent as { severity: string }).severity).toBe('SEV1');
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
