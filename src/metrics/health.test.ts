import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type HealthHandlers, healthHandlers } from './health.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handlers: HealthHandlers): Promise<string> {
  server = createServer(async (req, res) => {
    if (!(await handlers.handle(req, res))) res.writeHead(404).end('nope');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('healthHandlers', () => {
  it('answers /health with 200 and the version, without running the checks', async () => {
    let runs = 0;
    const base = await serve(healthHandlers({ version: '0.1.0', checks: { db: () => ++runs > 100 } }));
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', version: '0.1.0' });
    expect(runs).toBe(0);
    expect((await fetch(`${base}/health`, { method: 'HEAD' })).status).toBe(200);
    const post = await fetch(`${base}/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });

  it('reports every failing check by name: false, a throw, a rejection, a timeout', async () => {
    const base = await serve(
      healthHandlers({
        timeoutMs: 50,
        checks: {
          ok: () => true,
          undefinedIsOk: () => undefined,
          asyncOk: async () => 'anything',
          false: () => false,
          throws: () => {
            throw new Error('password=hunter2 in the message');
          },
          rejects: () => Promise.reject(new Error('down')),
          hangs: () => new Promise(() => {}),
        },
      }),
    );
    const res = await fetch(`${base}/ready?verbose=1`);
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({
      status: 'not ready',
      checks: {
        ok: 'ok',
        undefinedIsOk: 'ok',
        asyncOk: 'ok',
        false: 'fail',
        throws: 'fail',
        rejects: 'fail',
        hangs: 'timeout',
      },
    });
    // Error details stay out of the probe response.
    expect(body).not.toContain('hunter2');
  });

  it('is ready with no checks, and turns ready once a check passes', async () => {
    expect(await healthHandlers().readiness()).toEqual({ ready: true, checks: {} });
    let loaded = false;
    const handlers = healthHandlers({ checks: { registry: () => loaded } });
    const base = await serve(handlers);
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    loaded = true;
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { registry: 'ok' } });
  });
});
