import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import { hasHealthEvidence, isHealthPath, isTestSource, routeRegistrations } from './routes.js';

const routesOf = (path: string, text: string) =>
  routeRegistrations(new SourceFile(path, 'source', text)).map((r) => `${r.framework} ${r.path}`);

describe('routeRegistrations', () => {
  it.each([
    [
      'server.js',
      "app.get('/health', h)\nrouter.post(\"/orders\", h)\naxios.get('/stock')",
      ['express/koa/hono/fastify /health', 'express/koa/hono/fastify /orders'],
    ],
    ['app.ts', "fastify.route({ method: 'GET', url: '/livez', handler })", ['fastify /livez']],
    [
      'health.controller.ts',
      "@Controller('health')\nclass H { @Get() check() {} @Get('deep') deep() {} }",
      ['nest /health', 'nest /', 'nest /deep'],
    ],
    [
      'app.py',
      '@app.route("/orders", methods=["POST"])\n@router.get("/healthz")',
      ['flask/fastapi /orders', 'flask/fastapi /healthz'],
    ],
    [
      'urls.py',
      "urlpatterns = [path('health/', views.health), re_path(r'^orders/$', views.orders)]",
      ['django /health/', 'django /orders/'],
    ],
    [
      'main.go',
      'mux.HandleFunc("GET /readyz", ready)\nr.GET("/orders", list)\nr.Get("/items", items)',
      ['net/http /readyz', 'gin/echo /orders', 'chi/fiber /items'],
    ],
    [
      'Api.java',
      '@RequestMapping("/api")\nclass Api { @GetMapping(path = "/orders") List<O> all() {} @PostMapping void add() {} }',
      ['spring /api', 'spring /orders', 'spring /'],
    ],
    [
      'routes.rb',
      "get '/health', to: 'health#show'\npost \"/orders\" do\nend",
      ['sinatra/rails /health', 'sinatra/rails /orders'],
    ],
  ])('%s', (path, text, expected) => {
    expect(routesOf(path, text)).toEqual(expected);
  });

  it('ignores files of other languages', () => {
    expect(routesOf('README.md', "app.get('/health')")).toEqual([]);
  });
});

describe('health detection', () => {
  it('recognises the /health family under any prefix, and nothing else', () => {
    expect(['/health', '/healthz', '/api/livez', '/actuator/health', '/readyz/'].map(isHealthPath)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['/healthy-food', '/status', '/'].map(isHealthPath)).toEqual([false, false, false]);
  });

  it('counts health path literals and health modules as evidence', () => {
    const evidence = (path: string, text: string) => hasHealthEvidence(new SourceFile(path, 'source', text));
    expect(evidence('a.js', "const HEALTH = '/healthz';\napp.get(HEALTH, h);")).toBe(true);
    expect(evidence('b.js', "createTerminus(server, { healthChecks: { check } }); // from '@godaddy/terminus'")).toBe(
      true,
    );
    expect(evidence('c.js', "app.get('/orders', h);")).toBe(false);
  });

  it('tells test sources apart', () => {
    expect(
      ['test/a.js', 'src/a.test.ts', 'pkg/x_test.go', 'tests/test_app.py', 'src/server.js'].map(isTestSource),
    ).toEqual([true, true, true, true, false]);
  });
});
