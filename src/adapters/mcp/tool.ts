import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type * as z from 'zod';
import { ConfigError } from '../../config/config.js';
import { IncidentConfigError } from '../../incident/incident-config.js';
import { RecipeOptionError } from '../../scaffold/options.js';
import { UnsafeWriteError } from '../../scaffold/write.js';
import { DiscoveryError } from '../../workspace/discover.js';
import { UsageError } from '../cli/io.js';

/** What every tool may use: the workspace it serves and a stderr logger (stdout belongs to the protocol). */
export interface ToolContext {
  /** Absolute workspace root: tool paths are relative to it and may not leave it. */
  root: string;
  version: string;
  log(line: string): void;
}

/** A failure the caller can act on (bad path, unknown rule): its message is the whole answer. */
export class ToolError extends Error {}

/**
 * Hints clients use to decide whether to ask the user before a call; all four are required so that each
 * tool states them deliberately (the spec's defaults are the unsafe ones: destructive, open world).
 */
export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolOutput<T> {
  /** For the model to read: a summary, not the whole structure. */
  text: string;
  /** Parsed with the output schema (unknown keys dropped) before it is sent. */
  structured: T;
  /**
   * A refusal the caller must act on (a write that would overwrite, a record that does not validate): sent
   * as an `isError` result that still carries the structured details.
   */
  isError?: boolean;
}

export interface ToolDefinition<I extends z.ZodObject, O extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  annotations: ToolHints;
  input: I;
  output: O;
  run(input: z.output<I>, ctx: ToolContext): ToolOutput<z.output<O>> | Promise<ToolOutput<z.output<O>>>;
}

/** A tool with its schema types erased, so tools of different shapes fit one list. */
export interface RegistrableTool {
  readonly name: string;
  readonly annotations: ToolHints;
  register(server: McpServer, ctx: ToolContext): void;
}

/** Errors whose message is meant for the user; anything else is our bug and is logged with its stack. */
function isExpected(error: unknown): error is Error {
  return (
    error instanceof ToolError ||
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof DiscoveryError ||
    error instanceof IncidentConfigError ||
    error instanceof RecipeOptionError ||
    error instanceof UnsafeWriteError
  );
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * Declares a tool: schemas, hints and the handler side by side. Registering wraps the handler so that a
 * failure becomes an `isError` result with a clear message, never a crashed server or a protocol error.
 */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: ToolDefinition<I, O>): RegistrableTool {
  const handler = async (args: z.output<I>, ctx: ToolContext): Promise<CallToolResult> => {
    try {
      const out = await tool.run(args, ctx);
      return {
        content: [{ type: 'text', text: out.text }],
        // The SDK checks only successful results; clients check every structured content they get.
        structuredContent: tool.output.parse(out.structured) as Record<string, unknown>,
        ...(out.isError ? { isError: true } : {}),
      };
    } catch (error) {
      if (isExpected(error)) return errorResult(error.message);
      ctx.log(`internal error in tool ${tool.name}: ${(error as Error)?.stack ?? String(error)}`);
      return errorResult(`internal error in ${tool.name}: ${(error as Error)?.message ?? String(error)}`);
    }
  };
  return {
    name: tool.name,
    annotations: tool.annotations,
    register(server, ctx) {
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: tool.description,
          inputSchema: tool.input,
          outputSchema: tool.output,
          annotations: { title: tool.title, ...tool.annotations },
        },
        // The SDK infers the argument type from the schema generically; it is exactly z.output<I>.
        ((args: z.output<I>) => handler(args, ctx)) as never,
      );
    },
  };
}
