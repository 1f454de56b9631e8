import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { Gauge, type Registry } from 'prom-client';
import { healthHandlers } from '../../metrics/health.js';
import { instrumentHandler, metricsHandler } from '../../metrics/http.js';
import { createRedMetrics } from '../../metrics/red.js';
import { UsageError } from '../cli/io.js';
import { InstrumentedTransport } from './instrument.js';
import { createMcpServer, TOOLS } from './server.js';
import type { RegistrableTool, ToolContext } from './tool.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
export const MCP_PATH = '/mcp';
/** MCP requests are small JSON-RPC messages; 1 MiB leaves room for long path lists and nothing more. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const MIN_TOKEN_LENGTH = 16;
export const TOKEN_ENV = 'PROAGENT_MCP_TOKEN';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export interface HttpServerOptions {
  host?: string;
  port?: number;
  /** Bearer token every request must carry (probes excepted). Required on a non-loopback address. */
  token?: string;
  /** Extra `Host` header names to accept (DNS-rebinding protection), e.g. a reverse proxy's name. */
  allowedHosts?: readonly string[];
  maxBodyBytes?: number;
  ctx: ToolContext;
  tools?: readonly RegistrableTool[];
  /** Settles once the rule registry and parsers are loaded; `/ready` and `/mcp` answer 503 until it resolves. */
  warmUp: Promise<unknown>;
}

export interface RunningHttpServer {
  /** The MCP endpoint, e.g. `http://127.0.0.1:8787/mcp`. */
  url: string;
  port: number;
  registry: Registry;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** `host:port` → `host`, keeping IPv6 brackets: `[::1]:8787` → `[::1]`. */
function hostname(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time: both sides are hashed to equal length first, so neither length nor prefix leaks. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${JSON.stringify(body)}\n`);
}

function rpcError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code: -32000, message }, id: null }, headers);
}

/**
 * Checks the options before binding: a non-loopback address without a token would expose the workspace to
 * the network, so it refuses to start.
 */
function checkOptions(host: string, port: number, token: string | undefined, maxBody: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got ${port})`);
  if (!Number.isInteger(maxBody) || maxBody < 1) throw new UsageError('the body size limit must be a positive integer');
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(`${TOKEN_ENV} must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (!isLoopback(host) && token === undefined) {
    throw new UsageError(
      `refusing to listen on ${host} without ${TOKEN_ENV}: a non-loopback address needs a bearer token ` +
        `(set ${TOKEN_ENV}, or bind 127.0.0.1)`,
    );
  }
}

/**
 * The streamable HTTP mode: `/mcp` (stateless: one server per request, so nothing leaks between clients),
 * `/health`, `/ready` and `/metrics`. DNS-rebinding protection checks `Host` and `Origin` against the
 * loopback names (or `allowedHosts`); on a non-loopback address the bearer token is the protection.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { token, ctx } = options;
  checkOptions(host, port, token, maxBody);
  const tools = options.tools ?? TOOLS;

  const toolMetrics = createRedMetrics({
    prefix: 'proagent_mcp',
    labels: ['tool'],
    outcomeLabel: 'status',
    durationByOutcome: false,
  });
  const registry = toolMetrics.registry;
  const httpMetrics = createRedMetrics({ prefix: 'proagent_mcp_http', registry });
  new Gauge({
    name: 'proagent_mcp_build_info',
    help: 'Always 1; the version label tells which build is running.',
    labelNames: ['version'],
    registers: [registry],
  }).set({ version: ctx.version }, 1);

  let warmed = false;
  options.warmUp.then(
    () => {
      warmed = true;
    },
    (error: unknown) => ctx.log(`warm-up failed, staying not ready: ${(error as Error)?.message ?? String(error)}`),
  );
  const probes = healthHandlers({ version: ctx.version, checks: { registry: () => warmed } });
  // Both RED sets share one registry, so either serves the whole exposition.
  const scrape = metricsHandler(toolMetrics);

  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const allowed = new Set(
    [...(isLoopback(host) ? [...LOOPBACK_NAMES, urlHost] : []), ...(options.allowedHosts ?? [])].map((h) =>
      h.toLowerCase(),
    ),
  );
  // With a token on a public address and no names given, any Host is fine: the token is what protects.
  const checkHost = allowed.size > 0;
  const hostAllowed = (req: IncomingMessage): boolean => {
    if (!checkHost) return true;
    if (!allowed.has(hostname(req.headers.host ?? ''))) return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    try {
      return allowed.has(hostname(new URL(origin).host));
    } catch {
      return false;
    }
  };

  const handleMcp = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      // Stateless mode has no server-initiated stream to GET and no session to DELETE.
      rpcError(res, 405, 'Method not allowed: POST JSON-RPC messages to this endpoint.', { allow: 'POST' });
      return;
    }
    if (!warmed) {
      rpcError(res, 503, 'Server is starting: rule registry not loaded yet.', { 'retry-after': '1' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      rpcError(res, 413, `Request body over ${maxBody} bytes.`);
      req.resume();
      return;
    }
    // No sessionIdGenerator: stateless mode.
    const transport = new StreamableHTTPServerTransport({
      enableJsonResponse: true,
      maxRequestBodySize: maxBody,
    });
    const server = createMcpServer(ctx, tools);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(
      new InstrumentedTransport(
        transport,
        toolMetrics,
        tools.map((t) => t.name),
      ),
    );
    await transport.handleRequest(req, res);
  };

  const routes = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0];
    // Probes stay open (orchestrators rarely send tokens, and they reveal only liveness and the version).
    if (path === '/health' || path === '/ready') {
      await probes.handle(req, res);
      return;
    }
    if (!hostAllowed(req)) {
      sendJson(res, 403, { error: 'forbidden: Host or Origin not allowed' });
      return;
    }
    if (token !== undefined && !tokenMatches(req.headers.authorization, token)) {
      sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer realm="proagent-devops"' });
      return;
    }
    if (path === MCP_PATH) await handleMcp(req, res);
    else if (path === '/metrics') await scrape(req, res);
    else sendJson(res, 404, { error: 'not found' });
  };

  const handler = instrumentHandler(httpMetrics, routes, {
    routes: [MCP_PATH, '/health', '/ready', '/metrics'],
    onError: (error) => ctx.log(`request failed: ${(error as Error)?.stack ?? String(error)}`),
  });
  const http = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (error) => ctx.log(`server error: ${error.message}`));
  const bound = (http.address() as AddressInfo).port;
  if (!isLoopback(host)) {
    ctx.log('serving plain HTTP on a non-loopback address: put a TLS-terminating proxy in front of it');
  }
  return {
    url: `http://${urlHost}:${bound}${MCP_PATH}`,
    port: bound,
    registry,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
