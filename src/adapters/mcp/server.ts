import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RegistrableTool, ToolContext } from './tool.js';
import { explainRuleTool } from './tools/explain-rule.js';
import { guardCheckTool } from './tools/guard-check.js';
import { hubTool } from './tools/hub.js';
import { incidentClassifyTool } from './tools/incident-classify.js';
import { postmortemTool } from './tools/postmortem.js';
import { reviewTool } from './tools/review.js';
import { runbookTool } from './tools/runbook.js';
import { scaffoldTool } from './tools/scaffold.js';
import { scaffoldListTool } from './tools/scaffold-list.js';

export const SERVER_NAME = 'proagent-devops';

/**
 * The tools this server offers, in the order clients list them; each is one module with `defineTool`. The
 * names are also the only values of the `tool` label of the HTTP metrics (http.ts). Only `scaffold` writes
 * (and only with `dryRun: false`; it replaces existing files only with `force: true`).
 */
export const TOOLS: readonly RegistrableTool[] = [
  reviewTool,
  explainRuleTool,
  guardCheckTool,
  hubTool,
  scaffoldListTool,
  scaffoldTool,
  incidentClassifyTool,
  runbookTool,
  postmortemTool,
];

const INSTRUCTIONS =
  'DevOps practice engine. Use `review` to check Dockerfiles, Compose, Kubernetes, CI and monitoring files ' +
  'before proposing or applying infrastructure changes, and `explain_rule` to learn why a finding matters ' +
  'and how to fix and roll it back. `guard_check` judges a shell command before it runs (treat a deny as a ' +
  'finding); `hub` scores the posture across the nine domains with ranked next actions; `scaffold_list` and ' +
  '`scaffold` generate validated artifacts (a dry run unless dryRun is false; show the diff and get ' +
  'confirmation before writing); `incident_classify`, `runbook` and `postmortem` support incident response. ' +
  'Paths are relative to the workspace root and may not leave it.';

/** A server with every tool registered. Cheap: the HTTP mode builds one per request (stateless). */
export function createMcpServer(ctx: ToolContext, tools: readonly RegistrableTool[] = TOOLS): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: ctx.version }, { instructions: INSTRUCTIONS });
  for (const tool of tools) tool.register(server, ctx);
  return server;
}
