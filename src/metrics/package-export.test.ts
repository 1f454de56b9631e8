import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The built library that package.json exports as `proagent-devops/metrics` (dist/metrics.mjs + dist/metrics/*.d.ts).
const repo = new URL('../..', import.meta.url).pathname;
const built = join(repo, 'dist/metrics.mjs');
type Library = typeof import('./index.js');

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('dist/metrics.mjs', () => {
  it('is built with its type declarations and keeps prom-client external', () => {
    expect(existsSync(join(repo, 'dist/metrics/index.d.ts'))).toBe(true);
    const code = readFileSync(built, 'utf8');
    expect(code).toMatch(/from "prom-client"/);
    expect(code).not.toContain('class Registry');
  });

  it('serves the documented example on a real server', async () => {
    const { createRedMetrics, healthHandlers, instrumentHandler, metricsHandler } = (await import(built)) as Library;
    const red = createRedMetrics({ prefix: 'shop_api' });
    const probes = healthHandlers({ version: '1.4.2', checks: { database: async () => true } });
    const scrape = metricsHandler(red);
    server = createServer(
      instrumentHandler(
        red,
        async (req, res) => {
          if (await probes.handle(req, res)) return;
          if (req.url === '/metrics') return scrape(req, res);
          res.writeHead(req.url?.startsWith('/orders/') ? 200 : 404).end();
        },
        { routes: ['/orders/:id', '/health', '/ready'], ignorePaths: ['/metrics'] },
      ),
    );
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', version: '1.4.2' });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect((await fetch(`${base}/orders/42`)).status).toBe(200);
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('shop_api_requests_total{method="GET",route="/orders/:id",status_class="2xx"} 1');
    expect(text).toContain('shop_api_requests_total{method="GET",route="unmatched",status_class="4xx"} 1');
    expect(text).toContain('shop_api_requests_total{method="GET",route="/health",status_class="2xx"} 1');
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });
});
