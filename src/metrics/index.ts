/**
 * `proagent-devops/metrics`: RED metrics (rate, errors, duration) and `/health` + `/ready` handlers for
 * any Node service, on prom-client. The MCP server's HTTP mode is built on the same pieces.
 */
export {
  type CheckStatus,
  type HealthHandlers,
  type HealthOptions,
  healthHandlers,
  type ReadinessCheck,
  type ReadinessReport,
} from './health.js';
export {
  type ExpressStyleMiddleware,
  type HttpMetricsOptions,
  httpMetricsMiddleware,
  instrumentHandler,
  methodLabel,
  metricsHandler,
  type NodeHandler,
  statusClass,
  UNMATCHED_ROUTE,
} from './http.js';
export {
  createRedMetrics,
  DEFAULT_DURATION_BUCKETS,
  type EndRequest,
  type RedMetrics,
  type RedMetricsOptions,
  type RequestLabels,
} from './red.js';
