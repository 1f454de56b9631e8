import { Counter, Gauge, Histogram, Registry } from 'prom-client';
/** Histogram buckets (seconds) that resolve both a 1 ms cache hit and a 30 s slow call. */
export declare const DEFAULT_DURATION_BUCKETS: readonly number[];
export interface RedMetricsOptions {
    /** Metric name prefix, e.g. `shop_api` → `shop_api_requests_total`. */
    prefix: string;
    /**
     * Labels known when a request starts. Their values must come from a bounded set (route templates,
     * tool names, HTTP methods), never from raw paths or user input. Default: `method`, `route`.
     */
    labels?: readonly string[];
    /** The label set when a request ends: `status_class` (`2xx`…`5xx`) by default, `status` for tools. */
    outcomeLabel?: string;
    /** Whether the duration histogram also carries the outcome label (default true). */
    durationByOutcome?: boolean;
    buckets?: readonly number[];
    /** Registry to register into. Default: a new one, which also gets the process metrics. */
    registry?: Registry;
    /** Node process metrics (`process_*`, `nodejs_*`); default true for a new registry, false for a given one. */
    processMetrics?: boolean;
}
/** Labels of one request: every label of `labels`, each a bounded value. */
export type RequestLabels = Readonly<Record<string, string>>;
/**
 * Ends a request: records it with its labels and outcome (`2xx`, `ok`, `error` …) and returns its duration
 * in seconds. Labels are given at the end because some are only known then (a router's matched route).
 */
export type EndRequest = (labels: RequestLabels, outcome: string) => number;
export interface RedMetrics {
    readonly registry: Registry;
    readonly labels: readonly string[];
    readonly outcomeLabel: string;
    /** `<prefix>_requests_total{labels…, outcome}`: Rate, and Errors by outcome. */
    readonly requests: Counter<string>;
    /** `<prefix>_request_duration_seconds{labels…[, outcome]}`: Duration. */
    readonly duration: Histogram<string>;
    /** `<prefix>_requests_in_flight`: saturation (no labels: some are only known when a request ends). */
    readonly inFlight: Gauge<string>;
    /** Starts timing a request; call the returned function when it ends (later calls are ignored). */
    start(): EndRequest;
    /** Records a request timed by the caller. */
    observe(labels: RequestLabels, outcome: string, seconds: number): void;
    /** The exposition text of the whole registry. */
    metrics(): Promise<string>;
    readonly contentType: string;
}
/**
 * Rate, Errors, Duration metrics for a service (the brief's RED method), on prom-client. Errors are not
 * a separate counter: they are `requests_total` with an error outcome, so the error ratio is one query:
 * `sum(rate(<prefix>_requests_total{status_class="5xx"}[5m])) / sum(rate(<prefix>_requests_total[5m]))`.
 */
export declare function createRedMetrics(options: RedMetricsOptions): RedMetrics;
