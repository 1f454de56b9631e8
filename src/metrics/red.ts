import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Histogram buckets (seconds) that resolve both a 1 ms cache hit and a 30 s slow call. */
export const DEFAULT_DURATION_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

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
export function createRedMetrics(options: RedMetricsOptions): RedMetrics {
  const { prefix } = options;
  if (!METRIC_NAME.test(prefix)) throw new TypeError(`invalid metric prefix "${prefix}"`);
  const labels = [...(options.labels ?? ['method', 'route'])];
  const outcomeLabel = options.outcomeLabel ?? 'status_class';
  for (const name of [...labels, outcomeLabel]) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new TypeError(`invalid label name "${name}"`);
  }
  if (new Set([...labels, outcomeLabel]).size !== labels.length + 1) throw new TypeError('duplicate label names');
  const byOutcome = options.durationByOutcome ?? true;
  const registry = options.registry ?? new Registry();
  if (options.processMetrics ?? options.registry === undefined) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: `${prefix}_requests_total`,
    help: 'Requests handled, by outcome.',
    labelNames: [...labels, outcomeLabel],
    registers: [registry],
  });
  const duration = new Histogram({
    name: `${prefix}_request_duration_seconds`,
    help: 'Time to handle a request, in seconds.',
    labelNames: byOutcome ? [...labels, outcomeLabel] : labels,
    buckets: [...(options.buckets ?? DEFAULT_DURATION_BUCKETS)],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: `${prefix}_requests_in_flight`,
    help: 'Requests being handled now.',
    registers: [registry],
  });

  const pick = (values: RequestLabels): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const name of labels) {
      const value = values[name];
      if (value === undefined) throw new TypeError(`missing label "${name}"`);
      out[name] = value;
    }
    return out;
  };

  const observe = (values: RequestLabels, outcome: string, seconds: number) => {
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
    observe,
    start() {
      const started = performance.now();
      inFlight.inc();
      let ended = false;
      return (values, outcome) => {
        const seconds = (performance.now() - started) / 1000;
        // A double end (a `finish` then a `close` event) must not count the request twice.
        if (ended) return seconds;
        ended = true;
        inFlight.dec();
        observe(values, outcome, seconds);
        return seconds;
      };
    },
    metrics: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
