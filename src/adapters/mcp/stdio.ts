import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './server.js';
import type { ToolContext } from './tool.js';

/**
 * The stdio mode (what Claude Code starts): JSON-RPC on stdin/stdout, logs on stderr. Resolves when the
 * client closes stdin or the transport closes.
 */
export async function serveStdio(ctx: ToolContext): Promise<void> {
  const server = createMcpServer(ctx);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  // The SDK's stdio transport does not notice the end of stdin; the client closing it means "stop".
  process.stdin.once('end', () => void server.close());
  await closed;
}
