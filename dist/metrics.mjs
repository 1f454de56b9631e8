// src/metrics/health.ts
async function runCheck(check, timeoutMs) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
    timer.unref();
  });
  const outcome = (async () => {
    try {
      return await check() === false ? "fail" : "ok";
    } catch {
      return "fail";
    }
  })();
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
function sendJson(req, res, status, body) {
  const text = `${JSON.stringify(body)}
`;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? void 0 : text);
}
function allowsRead(req, res) {
  if (req.method === "GET" || req.method === "HEAD") return true;
  res.writeHead(405, { allow: "GET, HEAD" }).end();
  return false;
}
function healthHandlers(options = {}) {
  const checks = Object.entries(options.checks ?? {});
  const timeoutMs = options.timeoutMs ?? 2e3;
  const readiness = async () => {
    const results = await Promise.all(checks.map(async ([name, check]) => [name, await runCheck(check, timeoutMs)]));
    const report = Object.fromEntries(results);
    return { ready: Object.values(report).every((s) => s === "ok"), checks: report };
  };
  const health = async (req, res) => {
    if (!allowsRead(req, res)) return;
    sendJson(req, res, 200, { status: "ok", ...options.version !== void 0 ? { version: options.version } : {} });
  };
  const ready = async (req, res) => {
    if (!allowsRead(req, res)) return;
    const report = await readiness();
    sendJson(req, res, report.ready ? 200 : 503, {
      status: report.ready ? "ready" : "not ready",
      checks: report.checks
    });
  };
  return {
    health,
    ready,
    readiness,
    async handle(req, res) {
      const path = (req.url ?? "/").split(/[?#]/, 1)[0];
      if (path === "/health") await health(req, res);
      else if (path === "/ready") await ready(req, res);
      else return false;
      return true;
    }
  };
}

// src/metrics/http.ts
var UNMATCHED_ROUTE = "unmatched";
var METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"]);
function methodLabel(method) {
  const upper = (method ?? "").toUpperCase();
  return METHODS.has(upper) ? upper : "OTHER";
}
function statusClass(status) {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
function compile(template) {
  const parts = template.split("/").filter(Boolean);
  const rest = parts.at(-1) === "*";
  const fixed = rest ? parts.slice(0, -1) : parts;
  return {
    template,
    test: (segments) => {
      if (rest ? segments.length < fixed.length : segments.length !== fixed.length) return false;
      return fixed.every((p, i) => p.startsWith(":") || p === segments[i]);
    }
  };
}
function pathOf(req) {
  const url = req.url ?? "/";
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
function routeResolver(options) {
  const matchers = (options.routes ?? []).map(compile);
  return (req) => {
    const routed = req;
    if (routed.route && typeof routed.route.path === "string") return `${routed.baseUrl ?? ""}${routed.route.path}`;
    const named = options.routeOf?.(req);
    if (named !== void 0) return named;
    const segments = pathOf(req).split("/").filter(Boolean);
    return matchers.find((m) => m.test(segments))?.template ?? UNMATCHED_ROUTE;
  };
}
function checkShape(red) {
  const ok = red.labels.length === 2 && red.labels.includes("method") && red.labels.includes("route");
  if (!ok || red.outcomeLabel !== "status_class") {
    throw new TypeError("HTTP metrics need createRedMetrics with labels [method, route] and outcome status_class");
  }
}
function observe(red, req, res, routeOf) {
  const end = red.start();
  const record = (outcome) => end({ method: methodLabel(req.method), route: routeOf(req) }, outcome);
  res.once("finish", () => record(statusClass(res.statusCode)));
  res.once("close", () => record(res.writableFinished ? statusClass(res.statusCode) : "aborted"));
}
function prepare(red, options) {
  checkShape(red);
  const routeOf = routeResolver(options);
  const ignored = new Set(options.ignorePaths ?? []);
  return (req, res) => {
    if (!ignored.has(pathOf(req))) observe(red, req, res, routeOf);
  };
}
function httpMetricsMiddleware(red, options = {}) {
  const track = prepare(red, options);
  return (req, res, next) => {
    track(req, res);
    next();
  };
}
function instrumentHandler(red, handler, options = {}) {
  const track = prepare(red, options);
  return async (req, res) => {
    track(req, res);
    try {
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
      }
      if (!res.writableEnded) res.end(res.headersSent ? void 0 : "internal error\n");
      if (options.onError) options.onError(error, req);
      else process.emitWarning(`request handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
function metricsHandler(red) {
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const body = await red.metrics();
    res.writeHead(200, { "content-type": red.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? void 0 : body);
  };
}

// src/metrics/red.ts
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
var DEFAULT_DURATION_BUCKETS = [
  1e-3,
  25e-4,
  5e-3,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
  30
];
var METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
var LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function createRedMetrics(options) {
  const { prefix } = options;
  if (!METRIC_NAME.test(prefix)) throw new TypeError(`invalid metric prefix "${prefix}"`);
  const labels = [...options.labels ?? ["method", "route"]];
  const outcomeLabel = options.outcomeLabel ?? "status_class";
  for (const name of [...labels, outcomeLabel]) {
    if (!LABEL_NAME.test(name) || name.startsWith("__")) throw new TypeError(`invalid label name "${name}"`);
  }
  if ((/* @__PURE__ */ new Set([...labels, outcomeLabel])).size !== labels.length + 1) throw new TypeError("duplicate label names");
  const byOutcome = options.durationByOutcome ?? true;
  const registry = options.registry ?? new Registry();
  if (options.processMetrics ?? options.registry === void 0) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: `${prefix}_requests_total`,
    help: "Requests handled, by outcome.",
    labelNames: [...labels, outcomeLabel],
    registers: [registry]
  });
  const duration = new Histogram({
    name: `${prefix}_request_duration_seconds`,
    help: "Time to handle a request, in seconds.",
    labelNames: byOutcome ? [...labels, outcomeLabel] : labels,
    buckets: [...options.buckets ?? DEFAULT_DURATION_BUCKETS],
    registers: [registry]
  });
  const inFlight = new Gauge({
    name: `${prefix}_requests_in_flight`,
    help: "Requests being handled now.",
    registers: [registry]
  });
  const pick = (values) => {
    const out = {};
    for (const name of labels) {
      const value = values[name];
      if (value === void 0) throw new TypeError(`missing label "${name}"`);
      out[name] = value;
    }
    return out;
  };
  const observe2 = (values, outcome, seconds) => {
    const base = pick(values);
    const withOutcome = { ...base, [outcomeLabel]: outcome };
    requests.inc(withOutcome);
    duration.observe(byOutcome ? withOutcome : base, seconds);
  };
  return {
    registry,
    labels,
    outcomeLabel,
    requests,
    duration,
    inFlight,
    observe: observe2,
    start() {
      const started = performance.now();
      inFlight.inc();
      let ended = false;
      return (values, outcome) => {
        const seconds = (performance.now() - started) / 1e3;
        if (ended) return seconds;
        ended = true;
        inFlight.dec();
        observe2(values, outcome, seconds);
        return seconds;
      };
    },
    metrics: () => registry.metrics(),
    contentType: registry.contentType
  };
}
export {
  DEFAULT_DURATION_BUCKETS,
  UNMATCHED_ROUTE,
  createRedMetrics,
  healthHandlers,
  httpMetricsMiddleware,
  instrumentHandler,
  methodLabel,
  metricsHandler,
  statusClass
};
