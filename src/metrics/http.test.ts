import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthHandlers } from './health.js';
import {
  httpMetricsMiddleware,
  instrumentHandler,
  methodLabel,
  metricsHandler,
  type NodeHandler,
  statusClass,
} from './http.js';
import { createRedMetrics, type RedMetrics } from './red.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(handler: NodeHandler): Promise<string> {
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One sample of the exposition text: `name{a="1",b="2"} value`, labels in any order. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    const keys = Object.keys(labels);
    if (Object.keys(got).length === keys.length && keys.every((k) => got[k] === labels[k])) return Number(m[3]);
  }
  return undefined;
}

/** A tiny Express-like router: sets `req.route` the way Express does once a route matched. */
function miniRouter(red: RedMetrics): NodeHandler {
  const middleware = httpMetricsMiddleware(red, { ignorePaths: ['/metrics'] });
  const scrape = metricsHandler(red);
  return (req, res) => {
    middleware(req, res, () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const user = /^\/api\/users\/([^/]+)$/.exec(path);
      if (path === '/metrics') return void scrape(req, res);
      if (user) {
        Object.assign(req, { baseUrl: '/api', route: { path: '/users/:id' } });
        res.statusCode = user[1] === 'missing' ? 404 : 200;
        return void res.end('user');
      }
      res.statusCode = 404;
      res.end();
    });
  };
}

/** Polls a condition (bounded: 5 s), for events that land on the server after the client saw its part. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not met within 5 s');
}

const get = (url: string, init: RequestInit = {}) => fetch(url, init);

describe('labels', () => {
  it('bounds methods and status codes', () => {
    expect(['get', 'POST', 'PROPFIND', undefined].map(methodLabel)).toEqual(['GET', 'POST', 'OTHER', 'OTHER']);
    expect([101, 204, 302, 404, 503, 42, 600].map(statusClass)).toEqual([
      '1xx',
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'other',
      'other',
    ]);
  });

  it('rejects invalid names and handlers for other label shapes', () => {
    expect(() => createRedMetrics({ prefix: 'bad-prefix' })).toThrow('invalid metric prefix "bad-prefix"');
    expect(() => createRedMetrics({ prefix: 'x', labels: ['__name'] })).toThrow('invalid label name "__name"');
    expect(() => createRedMetrics({ prefix: 'x', labels: ['status_class'] })).toThrow('duplicate label names');
    const tools = createRedMetrics({ prefix: 'x', labels: ['tool'], outcomeLabel: 'status', processMetrics: false });
    expect(() => httpMetricsMiddleware(tools)).toThrow('labels [method, route] and outcome status_class');
  });
});

describe('httpMetricsMiddleware (Express-style)', () => {
  it('records rate, errors and duration by method, route template and status class', async () => {
    const red = createRedMetrics({ prefix: 'shop_api' });
    const base = await listen(miniRouter(red));
    for (const id of ['1', '2', '3']) expect((await get(`${base}/api/users/${id}`)).status).toBe(200);
    expect((await get(`${base}/api/users/missing`)).status).toBe(404);
    expect((await get(`${base}/api/users/4`, { method: 'DELETE' })).status).toBe(200);
    expect((await get(`${base}/no/such/path/123`)).status).toBe(404);

    const res = await get(`${base}/metrics`);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    const total = (labels: Record<string, string>) => sample(text, 'shop_api_requests_total', labels);
    expect(total({ method: 'GET', route: '/api/users/:id', status_class: '2xx' })).toBe(3);
    expect(total({ method: 'GET', route: '/api/users/:id', status_class: '4xx' })).toBe(1);
    expect(total({ method: 'DELETE', route: '/api/users/:id', status_class: '2xx' })).toBe(1);
    // Raw paths never become label values.
    expect(total({ method: 'GET', route: 'unmatched', status_class: '4xx' })).toBe(1);
    expect(text).not.toContain('/no/such/path');
    // The scrape itself is ignored, and every finished request left the in-flight gauge.
    expect(text).not.toMatch(/route="\/metrics"/);
    expect(sample(text, 'shop_api_requests_in_flight', {})).toBe(0);
    const histogram = { method: 'GET', route: '/api/users/:id', status_class: '2xx' };
    expect(sample(text, 'shop_api_request_duration_seconds_count', histogram)).toBe(3);
    expect(sample(text, 'shop_api_request_duration_seconds_bucket', { ...histogram, le: '30' })).toBe(3);
    expect(sample(text, 'shop_api_request_duration_seconds_bucket', { ...histogram, le: '0.001' })).toBeDefined();
    // Process metrics come with a new registry.
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });
});

describe('instrumentHandler (node:http)', () => {
  it('matches route templates, turns a throwing handler into a recorded 500, and counts aborted requests', async () => {
    const red = createRedMetrics({ prefix: 'svc', processMetrics: false });
    const errors: string[] = [];
    let release: (() => void) | undefined;
    const handler = instrumentHandler(
      red,
      async (req: IncomingMessage, res: ServerResponse) => {
        if (req.url === '/boom') throw new Error('kaput');
        if (req.url === '/slow') {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        }
        res.end('ok');
      },
      { routes: ['/orders/:id', '/files/*', '/boom', '/slow'], onError: (e) => errors.push((e as Error).message) },
    );
    const base = await listen(handler);
    expect((await get(`${base}/orders/17?x=1`)).status).toBe(200);
    expect((await get(`${base}/files/a/b/c.txt`)).status).toBe(200);
    const boom = await get(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).toBe('internal error\n');
    expect(errors).toEqual(['kaput']);

    // A client that hangs up before the response: in flight while it lasts, then recorded as `aborted`.
    const slow = request(`${base}/slow`);
    slow.on('error', () => {});
    slow.end();
    await until(async () => release !== undefined);
    expect(sample(await red.metrics(), 'svc_requests_in_flight', {})).toBe(1);
    slow.destroy();
    const aborted = { method: 'GET', route: '/slow', status_class: 'aborted' };
    await until(async () => sample(await red.metrics(), 'svc_requests_total', aborted) === 1);
    release?.();

    const text = await red.metrics();
    const total = (labels: Record<string, string>) => sample(text, 'svc_requests_total', labels);
    expect(total({ method: 'GET', route: '/orders/:id', status_class: '2xx' })).toBe(1);
    expect(total({ method: 'GET', route: '/files/*', status_class: '2xx' })).toBe(1);
    expect(total({ method: 'GET', route: '/boom', status_class: '5xx' })).toBe(1);
    expect(total({ method: 'GET', route: '/slow', status_class: 'aborted' })).toBe(1);
    expect(sample(text, 'svc_requests_in_flight', {})).toBe(0);
    expect(text).not.toContain('process_cpu');
  });

  it('serves health and readiness beside the metrics', async () => {
    const red = createRedMetrics({ prefix: 'svc', processMetrics: false });
    let dbUp = false;
    const health = healthHandlers({ version: '1.2.3', checks: { db: () => dbUp } });
    const base = await listen(
      instrumentHandler(
        red,
        async (req, res) => {
          if (!(await health.handle(req, res))) res.writeHead(404).end();
        },
        { routes: ['/health', '/ready'] },
      ),
    );
    expect(await (await get(`${base}/health`)).json()).toEqual({ status: 'ok', version: '1.2.3' });
    const notReady = await get(`${base}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', checks: { db: 'fail' } });
    dbUp = true;
    expect((await get(`${base}/ready`)).status).toBe(200);
    const text = await red.metrics();
    expect(sample(text, 'svc_requests_total', { method: 'GET', route: '/ready', status_class: '5xx' })).toBe(1);
    expect(sample(text, 'svc_requests_total', { method: 'GET', route: '/ready', status_class: '2xx' })).toBe(1);
  });
});
