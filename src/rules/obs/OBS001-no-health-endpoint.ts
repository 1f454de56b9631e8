import { posix } from 'node:path';
import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Range } from '../../core/types.js';
import { finalStage, isExpose } from '../../models/dockerfile.js';
import { hasHealthEvidence, isTestSource, routeRegistrations } from '../../models/routes.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';

/** Build files that pull in a framework's health endpoint (Spring Boot Actuator, Rails health check). */
const BUILD_FILES = new Set(['pom.xml', 'build.gradle', 'build.gradle.kts', 'gemfile', 'package.json', 'go.mod']);

export const rule = defineRule({
  id: 'OBS001',
  title: 'HTTP services expose a health endpoint',
  severity: 'warning',
  domain: 'observability',
  kinds: ['dockerfile', 'source'],
  scope: 'project',
  rationale:
    'Orchestrators, load balancers and uptime checks need a cheap endpoint that says "this process can serve": ' +
    'without one, Kubernetes probes hit a business route (or nothing), a hung process keeps receiving traffic, ' +
    'and deploys cannot tell a broken rollout from a healthy one.',
  fix:
    'Add `GET /health` (liveness: the process answers) and, if the service has dependencies, `GET /ready` or ' +
    '`/readyz` (readiness: they answer too); point the container probes and the HEALTHCHECK at them.',
  rollback:
    'Adding an endpoint is backwards compatible; if probes fail after wiring them, relax their thresholds first.',
  notes:
    'A service is a directory with a Dockerfile whose final stage `EXPOSE`s a port; its source files are the JS/TS, ' +
    'Python, Go, Java/Kotlin and Ruby files below it (not below a nested service, not tests or fixtures). Routes ' +
    'are recognised lexically: `app.get("/x", …)`-style calls (express, koa-router, hono, fastify, restify; HTTP ' +
    'clients such as `axios.get` excluded), `fastify.route({ url })`, Nest `@Controller`/`@Get(…)`; Flask/FastAPI ' +
    '`@app.route`/`@router.get`, Django `path`/`re_path`/`url`, Starlette `Route`, aiohttp `add_get`; Go ' +
    '`HandleFunc`/`Handle` (including `"GET /x"` patterns), gin/echo `GET(…)`, chi/fiber `Get(…)`; Spring ' +
    '`@GetMapping`/`@RequestMapping`, JAX-RS `@Path`; Sinatra/Rails `get "/x"`. A health endpoint is a route, or ' +
    'any string literal, whose path has a `health`, `healthz`, `livez`, `readyz` or `healthcheck` segment ' +
    '(`/api/health`, `/actuator/health` count), or a health module: Spring Boot Actuator, Rails `rails/health#show`, ' +
    'terminus, express-healthcheck, the gRPC health service. Only services that define routes are judged.',
  check(project, ctx) {
    const services = new Map<string, { dockerfile: SourceFile; range: Range; ports: string }>();
    for (const dockerfile of project.ofKind('dockerfile')) {
      const stage = finalStage(dockerfileModel(dockerfile));
      const expose = stage?.instructions.find(isExpose);
      if (!expose || expose.ports.length === 0) continue;
      const dir = posix.dirname(dockerfile.path);
      if (!services.has(dir)) {
        services.set(dir, { dockerfile, range: expose.range, ports: expose.ports.map((p) => p.text).join(', ') });
      }
    }
    if (services.size === 0) return;
    const serviceOf = (path: string): string | undefined => {
      for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
        if (services.has(dir)) return dir;
        if (dir === '.' || dir === '/' || dir === '') return undefined;
      }
    };
    const routes = new Map<string, { count: number; files: Set<string>; health: boolean }>();
    const stats = (dir: string) => {
      const existing = routes.get(dir);
      if (existing) return existing;
      const created = { count: 0, files: new Set<string>(), health: false };
      routes.set(dir, created);
      return created;
    };
    for (const file of project.files) {
      const dir = serviceOf(file.path);
      if (dir === undefined) continue;
      if (file.kind === 'source' && !isTestSource(file.path)) {
        const found = routeRegistrations(file);
        const s = stats(dir);
        s.count += found.length;
        if (found.length > 0) s.files.add(posix.relative(dir, file.path));
        if (hasHealthEvidence(file)) s.health = true;
      } else if (BUILD_FILES.has(posix.basename(file.path).toLowerCase()) && hasHealthEvidence(file)) {
        // Build files are read as text for a health module; they are never parsed.
        stats(dir).health = true;
      }
    }
    for (const [dir, service] of services) {
      const s = routes.get(dir);
      if (!s || s.count === 0 || s.health) continue;
      const name = dir === '.' ? 'service' : posix.basename(dir);
      ctx.report({
        file: service.dockerfile,
        range: service.range,
        message: `Service \`${name}\` exposes ${service.ports} and defines ${s.count} HTTP route(s) (${[...s.files].sort().join(', ')}) but no /health, /healthz, /livez or /readyz endpoint.`,
      });
    }
  },
});
