import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedMetrics } from './red.js';

/** The route label of requests that match no known route: raw paths would make the label unbounded. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE']);

/** Any method outside the standard set is `OTHER` (clients may send arbitrary tokens). */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return METHODS.has(upper) ? upper : 'OTHER';
}

/** `204` → `2xx`. */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

export interface HttpMetricsOptions {
  /**
   * Route templates for plain `node:http` servers: `/users/:id` matches one segment per `:name`, a final
   * `*` matches the rest. Express-style handlers report `req.route` instead when the router set it.
   */
  routes?: readonly string[];
  /** Or a function naming the route template of a request (return undefined for "no route"). */
  routeOf?: (req: IncomingMessage) => string | undefined;
  /** Exact paths not recorded at all (e.g. the scrape of `/metrics` itself). */
  ignorePaths?: readonly string[];
  /** Told about a handler that threw (`instrumentHandler`); default: a process warning on stderr. */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

type Matcher = { template: string; test: (segments: readonly string[]) => boolean };

function compile(template: string): Matcher {
  const parts = template.split('/').filter(Boolean);
  const rest = parts.at(-1) === '*';
  const fixed = rest ? parts.slice(0, -1) : parts;
  return {
    template,
    test: (segments) => {
      if (rest ? segments.length < fixed.length : segments.length !== fixed.length) return false;
      return fixed.every((p, i) => p.startsWith(':') || p === segments[i]);
    },
  };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** Express (and compatible routers) put the matched route on the request once it was routed. */
interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

function routeResolver(options: HttpMetricsOptions): (req: IncomingMessage) => string {
  const matchers = (options.routes ?? []).map(compile);
  return (req) => {
    const routed = req as RoutedRequest;
    if (routed.route && typeof routed.route.path === 'string') return `${routed.baseUrl ?? ''}${routed.route.path}`;
    const named = options.routeOf?.(req);
    if (named !== undefined) return named;
    const segments = pathOf(req).split('/').filter(Boolean);
    return matchers.find((m) => m.test(segments))?.template ?? UNMATCHED_ROUTE;
  };
}

function checkShape(red: RedMetrics): void {
  const ok = red.labels.length === 2 && red.labels.includes('method') && red.labels.includes('route');
  if (!ok || red.outcomeLabel !== 'status_class') {
    throw new TypeError('HTTP metrics need createRedMetrics with labels [method, route] and outcome status_class');
  }
}

/**
 * Records one request when its response ends. The route is resolved at the end because routers set
 * `req.route` only after matching. A connection closed before the response finished counts as `aborted`.
 */
function observe(red: RedMetrics, req: IncomingMessage, res: ServerResponse, routeOf: (r: IncomingMessage) => string) {
  const end = red.start();
  const record = (outcome: string) => end({ method: methodLabel(req.method), route: routeOf(req) }, outcome);
  res.once('finish', () => record(statusClass(res.statusCode)));
  // After `finish`, `close` is a no-op: the first end wins.
  res.once('close', () => record(res.writableFinished ? statusClass(res.statusCode) : 'aborted'));
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type ExpressStyleMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

function prepare(red: RedMetrics, options: HttpMetricsOptions) {
  checkShape(red);
  const routeOf = routeResolver(options);
  const ignored = new Set(options.ignorePaths ?? []);
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!ignored.has(pathOf(req))) observe(red, req, res, routeOf);
  };
}

/**
 * Middleware for Express, Connect and compatible routers: `app.use(httpMetricsMiddleware(red))` before the
 * routes. Records rate, errors and duration by method, route template and status class.
 */
export function httpMetricsMiddleware(red: RedMetrics, options: HttpMetricsOptions = {}): ExpressStyleMiddleware {
  const track = prepare(red, options);
  return (req, res, next) => {
    track(req, res);
    next();
  };
}

/**
 * Wraps a plain `node:http` request listener: `http.createServer(instrumentHandler(red, handler, { routes }))`.
 * A handler that throws or rejects gets a 500 (if nothing was sent yet) and is recorded as `5xx`.
 */
export function instrumentHandler(
  red: RedMetrics,
  handler: NodeHandler,
  options: HttpMetricsOptions = {},
): NodeHandler {
  const track = prepare(red, options);
  return async (req, res) => {
    track(req, res);
    try {
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      if (!res.writableEnded) res.end(res.headersSent ? undefined : 'internal error\n');
      if (options.onError) options.onError(error, req);
      else process.emitWarning(`request handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Serves the registry in the Prometheus text format. */
export function metricsHandler(red: Pick<RedMetrics, 'metrics' | 'contentType'>): NodeHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const body = await red.metrics();
    res.writeHead(200, { 'content-type': red.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
