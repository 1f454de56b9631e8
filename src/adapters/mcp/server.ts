import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RegistrableTool, ToolContext } from './tool.js';
import { explainRuleTool } from './tools/explain-rule.js';
import { reviewTool } from './tools/review.js';

export const SERVER_NAME = 'proagent-devops';

/**
 * The tools this server offers. Each later tool is one module with `defineTool` plus one line here:
 * `guard_check` (command guard), `hub`, `scaffold_list`, `scaffold` (dry run unless `dryRun: false`, no
 * overwrite without `force`), `incident_classify`, `runbook`, `postmortem`.
 */
export const TOOLS: readonly RegistrableTool[] = [reviewTool, explainRuleTool];

const INSTRUCTIONS =
  'DevOps practice engine. Use `review` to check Dockerfiles, Compose, Kubernetes, CI and monitoring files ' +
  'before proposing or applying infrastructure changes, and `explain_rule` to learn why a finding matters ' +
  'and how to fix and roll it back. Paths are relative to the workspace root.';

/** A server with every tool registered. Cheap: the HTTP mode builds one per request (stateless). */
export function createMcpServer(ctx: ToolContext, tools: readonly RegistrableTool[] = TOOLS): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: ctx.version }, { instructions: INSTRUCTIONS });
  for (const tool of tools) tool.register(server, ctx);
  return server;
}
