/**
 * HTTP route registrations found by a lexical scan of service source code (no parsing, no evaluation):
 * the call and decorator shapes of the common frameworks, with the literal path they register. Used by
 * OBS001 to tell whether a service that listens on a port has a health endpoint.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../core/source-file.js';

export interface RouteRegistration {
  framework: string;
  path: string;
  /** Offset of the registration in the file. */
  offset: number;
}

type Language = 'js' | 'python' | 'go' | 'java' | 'ruby';

const LANGUAGE_BY_EXT: Record<string, Language> = {
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'js',
  ts: 'js',
  mts: 'js',
  cts: 'js',
  tsx: 'js',
  py: 'python',
  go: 'go',
  java: 'java',
  kt: 'java',
  rb: 'ruby',
};

interface Pattern {
  framework: string;
  re: RegExp;
  /** Index of the capture group holding the path. */
  path: number;
}

/** HTTP clients and test helpers whose `.get('/x')` is a request, not a route. */
const CLIENT_RECEIVERS = /^(axios|http|https|client|request|superagent|got|ky|fetch|\$http|cy|page|agent|supertest)$/i;

const PATTERNS: Record<Language, Pattern[]> = {
  js: [
    {
      framework: 'express/koa/hono/fastify',
      re: /\b([\w$]+)\s*\.\s*(?:get|post|put|patch|delete|del|all|head|options|route|use)\s*\(\s*(['"`])(\/[^'"`\n]*|\*)\2/g,
      path: 3,
    },
    { framework: 'fastify', re: /\.route\s*\(\s*\{[^}]*?\burl\s*:\s*(['"`])(\/[^'"`\n]*)\1/g, path: 2 },
    // A Nest controller prefix (`@Controller('health')` + `@Get()` serves /health).
    { framework: 'nest', re: /@Controller\s*\(\s*(['"`])([^'"`\n]*)\1/g, path: 2 },
    {
      framework: 'nest',
      re: /@(?:Get|Post|Put|Patch|Delete|All|Head|Options)\s*\(\s*(?:(['"`])([^'"`\n]*)\1)?\s*\)/g,
      path: 2,
    },
  ],
  python: [
    {
      framework: 'flask/fastapi',
      re: /@[\w.]+\.(?:route|get|post|put|patch|delete|head|options|api_route)\s*\(\s*[rbuf]*(['"])([^'"\n]*)\1/g,
      path: 2,
    },
    { framework: 'django', re: /\b(?:re_path|path|url)\s*\(\s*r?(['"])([^'"\n]*)\1/g, path: 2 },
    { framework: 'starlette', re: /\bRoute\s*\(\s*(['"])(\/[^'"\n]*)\1/g, path: 2 },
    {
      framework: 'aiohttp',
      re: /\.add_(?:get|post|put|patch|delete|head|route)\s*\(\s*(?:['"]\w+['"]\s*,\s*)?(['"])(\/[^'"\n]*)\1/g,
      path: 2,
    },
  ],
  go: [
    { framework: 'net/http', re: /\.(?:HandleFunc|Handle)\s*\(\s*"((?:[A-Z]+\s+)?\/[^"\n]*)"/g, path: 1 },
    {
      framework: 'gin/echo',
      re: /\.(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Group)\s*\(\s*"(\/[^"\n]*)"/g,
      path: 1,
    },
    {
      framework: 'chi/fiber',
      re: /\.(?:Get|Post|Put|Patch|Delete|Head|Options|Route|Mount|All)\s*\(\s*"(\/[^"\n]*)"/g,
      path: 1,
    },
  ],
  java: [
    {
      framework: 'spring',
      re: /@(?:Get|Post|Put|Patch|Delete|Request)Mapping\s*(?:\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*(?:"([^"\n]*)")?[^)]*\))?/g,
      path: 1,
    },
    { framework: 'jax-rs', re: /@Path\s*\(\s*"([^"\n]*)"\s*\)/g, path: 1 },
  ],
  ruby: [
    {
      framework: 'sinatra/rails',
      re: /^\s*(?:get|post|put|patch|delete|match|head|options)\s*\(?\s*(['"])([^'"\n]*)\1/gm,
      path: 2,
    },
  ],
};

export function languageOf(path: string): Language | undefined {
  return LANGUAGE_BY_EXT[posix.extname(path).slice(1).toLowerCase()];
}

/** Route registrations of a source file (cached). */
export function routeRegistrations(file: SourceFile): RouteRegistration[] {
  return file.cached('routes', () => {
    const language = languageOf(file.path);
    if (!language) return [];
    const out: RouteRegistration[] = [];
    for (const p of PATTERNS[language]) {
      for (const m of file.text.matchAll(p.re)) {
        if (p.framework.startsWith('express') && CLIENT_RECEIVERS.test(m[1] ?? '')) continue;
        out.push({ framework: p.framework, path: normalisePath(m[p.path] ?? ''), offset: m.index ?? 0 });
      }
    }
    return out.sort((a, b) => a.offset - b.offset);
  });
}

const HEALTH_SEGMENTS = new Set(['health', 'healthz', 'livez', 'readyz', 'healthcheck', 'health-check']);

/** `/health`, `/healthz`, `/livez`, `/readyz` (also under a prefix: `/api/health`, `/actuator/health`). */
export function isHealthPath(path: string): boolean {
  return path
    .toLowerCase()
    .split('/')
    .some((segment) => HEALTH_SEGMENTS.has(segment));
}

/** String literals that name a health path, and framework health modules (terminus, actuator, Rails). */
const HEALTH_LITERAL = /(['"`])\/?(?:[\w.-]+\/)*(?:health|healthz|livez|readyz|healthcheck|health-check)\/?\1/i;
const HEALTH_MODULES =
  /spring-boot-starter-actuator|rails\/health#show|@godaddy\/terminus|@nestjs\/terminus|express-healthcheck|grpc_health_v1|health\.v1\.HealthServer/;

/** True when the file registers or names a health endpoint (a route, a path literal, or a health module). */
export function hasHealthEvidence(file: SourceFile): boolean {
  return file.fact('health-evidence', () => {
    if (routeRegistrations(file).some((r) => isHealthPath(r.path))) return true;
    return HEALTH_LITERAL.test(file.text) || HEALTH_MODULES.test(file.text);
  });
}

/** Test files register routes against fakes (`request(app).get('/x')`): not the service's own routes. */
export function isTestSource(path: string): boolean {
  return (
    /(^|\/)(tests?|__tests__|spec|e2e|fixtures?|mocks?|vendor)\//i.test(path) ||
    /\.(test|spec)\.[cm]?[jt]sx?$|_test\.go$|(^|\/)test_[^/]*\.py$|_test\.py$|_spec\.rb$|Tests?\.(java|kt)$/.test(path)
  );
}

function normalisePath(raw: string): string {
  // Go 1.22 patterns carry a method (`GET /health`); Django regexes carry anchors (`^health/$`).
  const path = raw.replace(/^[A-Z]+\s+/, '').replace(/^\^|\$$/g, '');
  return path.startsWith('/') ? path : `/${path}`;
}
