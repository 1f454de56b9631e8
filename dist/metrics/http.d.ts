import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedMetrics } from './red.js';
/** The route label of requests that match no known route: raw paths would make the label unbounded. */
export declare const UNMATCHED_ROUTE = "unmatched";
/** Any method outside the standard set is `OTHER` (clients may send arbitrary tokens). */
export declare function methodLabel(method: string | undefined): string;
/** `204` → `2xx`. */
export declare function statusClass(status: number): string;
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
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type ExpressStyleMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
/**
 * Middleware for Express, Connect and compatible routers: `app.use(httpMetricsMiddleware(red))` before the
 * routes. Records rate, errors and duration by method, route template and status class.
 */
export declare function httpMetricsMiddleware(red: RedMetrics, options?: HttpMetricsOptions): ExpressStyleMiddleware;
/**
 * Wraps a plain `node:http` request listener: `http.createServer(instrumentHandler(red, handler, { routes }))`.
 * A handler that throws or rejects gets a 500 (if nothing was sent yet) and is recorded as `5xx`.
 */
export declare function instrumentHandler(red: RedMetrics, handler: NodeHandler, options?: HttpMetricsOptions): NodeHandler;
/** Serves the registry in the Prometheus text format. */
export declare function metricsHandler(red: Pick<RedMetrics, 'metrics' | 'contentType'>): NodeHandler;
