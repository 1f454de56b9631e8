import type { IncomingMessage, ServerResponse } from 'node:http';

/** A readiness check: ready unless it returns `false`, throws, rejects, or outlasts the timeout. */
export type ReadinessCheck = () => unknown;

export interface HealthOptions {
  /** Named readiness checks (database reachable, caches warm, config loaded …), run concurrently per probe. */
  checks?: Readonly<Record<string, ReadinessCheck>>;
  /** Reported by `/health` so a probe or a person can tell which build answers. */
  version?: string;
  /** Per-check budget; a slower check counts as failing (default 2000 ms). */
  timeoutMs?: number;
}

export type CheckStatus = 'ok' | 'fail' | 'timeout';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckStatus>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface HealthHandlers {
  /** Liveness: 200 whenever the process can answer. Never runs the checks (a slow dependency is not a reason to restart). */
  health: Handler;
  /** Readiness: 200 when every check passes, else 503 with the failing check names (no error details). */
  ready: Handler;
  /** Runs the checks without answering a request. */
  readiness(): Promise<ReadinessReport>;
  /** Answers `/health` and `/ready`; returns false (and sends nothing) for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckStatus>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  const outcome = (async (): Promise<CheckStatus> => {
    try {
      return (await check()) === false ? 'fail' : 'ok';
    } catch {
      return 'fail';
    }
  })();
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function allowsRead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.writeHead(405, { allow: 'GET, HEAD' }).end();
  return false;
}

/**
 * `/health` and `/ready` handlers for any `node:http` (or Express-style) server, following the brief's
 * convention that every service exposes `/health`. Check failures are reported by name only: probe
 * responses are often reachable by more people than logs are.
 */
export function healthHandlers(options: HealthOptions = {}): HealthHandlers {
  const checks = Object.entries(options.checks ?? {});
  const timeoutMs = options.timeoutMs ?? 2000;
  const readiness = async (): Promise<ReadinessReport> => {
    const results = await Promise.all(checks.map(async ([name, check]) => [name, await runCheck(check, timeoutMs)]));
    const report = Object.fromEntries(results) as Record<string, CheckStatus>;
    return { ready: Object.values(report).every((s) => s === 'ok'), checks: report };
  };
  const health: Handler = async (req, res) => {
    if (!allowsRead(req, res)) return;
    sendJson(req, res, 200, { status: 'ok', ...(options.version !== undefined ? { version: options.version } : {}) });
  };
  const ready: Handler = async (req, res) => {
    if (!allowsRead(req, res)) return;
    const report = await readiness();
    sendJson(req, res, report.ready ? 200 : 503, {
      status: report.ready ? 'ready' : 'not ready',
      checks: report.checks,
    });
  };
  return {
    health,
    ready,
    readiness,
    async handle(req, res) {
      const path = (req.url ?? '/').split(/[?#]/, 1)[0];
      if (path === '/health') await health(req, res);
      else if (path === '/ready') await ready(req, res);
      else return false;
      return true;
    },
  };
}
