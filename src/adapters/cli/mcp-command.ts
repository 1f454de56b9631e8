import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { VERSION } from '../../version.js';
import type { ToolContext } from '../mcp/tool.js';
import { type CliIO, type Command, parse, UsageError } from './io.js';

export const MCP_USAGE = `Usage: proagent-devops mcp [--http] [--host 127.0.0.1] [--port 8787] [--allowed-host NAME ...] [--root DIR]

Runs the MCP server: stdio by default (what Claude Code starts), or streamable HTTP with --http on
http://HOST:PORT/mcp, plus GET /health, /ready and /metrics (Prometheus).

  --http                 Serve streamable HTTP instead of stdio
  --host HOST            Address to bind (default 127.0.0.1). Any non-loopback address requires
                         PROAGENT_MCP_TOKEN; every request then needs "Authorization: Bearer <token>"
  --port PORT            Port (default 8787; 0 picks a free one)
  --allowed-host NAME    Extra Host header name to accept (DNS-rebinding protection); repeatable
  --root DIR             Workspace the tools may read (default: the current directory)
`;

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 8787;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port must be 0-65535 (got "${raw}")`);
  return Number(raw);
}

/** Resolves on the first SIGINT or SIGTERM (and stops listening for both). */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `proagent-devops mcp`: runs until stdin closes (stdio) or a signal arrives (HTTP). stdout belongs to the
 * protocol in stdio mode: everything else goes to stderr. The server modules load only here.
 */
export const mcpCommand: Command = async (argv: readonly string[], io: CliIO) => {
  const { values } = parse(argv, {
    http: { type: 'boolean' },
    host: { type: 'string' },
    port: { type: 'string' },
    'allowed-host': { type: 'string', multiple: true },
    root: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(MCP_USAGE);
    return 0;
  }
  if (!values.http && (values.host !== undefined || values.port !== undefined || values['allowed-host'])) {
    throw new UsageError('--host, --port and --allowed-host need --http');
  }
  const root = resolve(io.cwd, values.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root is not a directory: ${root}`);
  const ctx: ToolContext = { root, version: VERSION, log: (line) => io.stderr(`proagent-devops mcp: ${line}\n`) };

  if (!values.http) {
    const { serveStdio } = await import('../mcp/stdio.js');
    await serveStdio(ctx);
    return 0;
  }
  const { startHttpServer, TOKEN_ENV } = await import('../mcp/http.js');
  const { warmUp } = await import('../mcp/warmup.js');
  const token = io.env[TOKEN_ENV];
  const running = await startHttpServer({
    ctx,
    ...(values.host !== undefined ? { host: values.host } : {}),
    port: parsePort(values.port),
    ...(token ? { token } : {}),
    ...(values['allowed-host'] ? { allowedHosts: values['allowed-host'] } : {}),
    warmUp: warmUp(),
  });
  ctx.log(`listening on ${running.url} (also /health, /ready, /metrics)${token ? ', bearer token required' : ''}`);
  const signal = await untilSignal();
  ctx.log(`${signal}: shutting down`);
  await running.close();
  return 0;
};
