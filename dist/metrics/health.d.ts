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
/**
 * `/health` and `/ready` handlers for any `node:http` (or Express-style) server, following the brief's
 * convention that every service exposes `/health`. Check failures are reported by name only: probe
 * responses are often reachable by more people than logs are.
 */
export declare function healthHandlers(options?: HealthOptions): HealthHandlers;
export {};
