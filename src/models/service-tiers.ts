/**
 * Tiers of services and workloads (datastore, monitoring, edge/frontend, app), decided by image and
 * name. Shared by the Compose (CMP007, CMP009) and Kubernetes (K8S018) rules so that they agree.
 */
import { interpolate } from './interpolation.js';

export interface ImageRef {
  /** `ghcr.io`, `localhost:5000`; absent for Docker Hub short names. */
  registry?: string;
  /** Path without registry, tag and digest: `bitnami/postgresql`, `nginx`. */
  repository: string;
  tag?: string;
  /** `sha256:…` */
  digest?: string;
  /** True when a variable without a default was part of the reference (the value is a guess). */
  unresolved?: boolean;
}

/**
 * Splits an image reference: `host:port/ns/name:tag@sha256:…`. `${VAR:-default}` parts are resolved to
 * their default; a first path component with a `.` or `:` (or `localhost`) is a registry.
 */
export function parseImageRef(ref: string): ImageRef {
  const { value, unresolved } = interpolate(ref.trim());
  let rest = value;
  const out: ImageRef = { repository: '' };
  const at = rest.indexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    if (digest !== '') out.digest = digest;
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      out.registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    const tag = rest.slice(colon + 1);
    if (tag !== '') out.tag = tag;
    rest = rest.slice(0, colon);
  }
  out.repository = rest;
  if (unresolved) out.unresolved = true;
  return out;
}

// Words of the image name (split on - and _, trailing version digits dropped: `mongo4` → `mongo`).
const DATASTORE_WORDS = new Set([
  'postgres',
  'postgresql',
  'postgis',
  'timescaledb',
  'pgbouncer',
  'mysql',
  'mariadb',
  'percona',
  'mssql',
  'mongo',
  'mongodb',
  'redis',
  'valkey',
  'keydb',
  'dragonfly',
  'elasticsearch',
  'opensearch',
  'rabbitmq',
  'kafka',
  'nats',
  'memcached',
  'cassandra',
  'scylla',
  'clickhouse',
  'couchdb',
  'couchbase',
  'neo4j',
  'influxdb',
  'etcd',
  'zookeeper',
  'minio',
  'cockroach',
  'cockroachdb',
  'arangodb',
  'rethinkdb',
  'questdb',
]);

// Companion tools named after a datastore are not the datastore: `redis-commander`, `mongo-express`,
// `kafka-ui`, `postgres-exporter` are UIs or monitoring and belong to other tiers.
const COMPANION_WORDS = new Set([
  'exporter',
  'ui',
  'commander',
  'express',
  'admin',
  'web',
  'console',
  'dashboard',
  'insight',
  'gui',
  'manager',
  'operator',
  'client',
  'cli',
  'browser',
]);

const MONITORING_WORDS = new Set([
  'prometheus',
  'grafana',
  'alertmanager',
  'loki',
  'promtail',
  'tempo',
  'mimir',
  'thanos',
  'pushgateway',
  'jaeger',
  'zipkin',
  'cadvisor',
  'victoriametrics',
  'vmagent',
  'kibana',
  'fluentd',
  'fluentbit',
  'netdata',
  'exporter',
]);

const EDGE_PROXY_WORDS = new Set(['nginx', 'traefik', 'haproxy', 'caddy', 'envoy', 'openresty']);

/** Service/workload names that denote the public-facing tier. */
const FRONTEND_NAME_WORDS = new Set(['frontend', 'front', 'web', 'ui', 'gateway', 'proxy', 'ingress', 'edge', 'www']);

/** Default ports of the datastores above (client and cluster ports). */
export const DATASTORE_PORTS: ReadonlySet<number> = new Set([
  5432, // postgres
  6432, // pgbouncer
  3306, // mysql / mariadb
  33060, // mysql X protocol
  1433, // mssql
  6379, // redis / valkey
  27017, // mongo
  9200, // elasticsearch / opensearch
  9300, // elasticsearch transport
  5672, // rabbitmq
  15672, // rabbitmq management
  9092, // kafka
  4222, // nats
  11211, // memcached
  9042, // cassandra
  8123, // clickhouse http
  9000, // clickhouse native / minio
  5984, // couchdb
  7687, // neo4j bolt
  8086, // influxdb
  2379, // etcd
  2181, // zookeeper
  26257, // cockroachdb
  8529, // arangodb
  28015, // rethinkdb
]);

/** Words of the image's own name (last path segment), e.g. `cp-kafka` → [`cp`, `kafka`]. */
function imageWords(image: string): { name: string[]; path: string[] } {
  const { repository } = parseImageRef(image);
  const segments = repository.toLowerCase().split('/').filter(Boolean);
  const split = (s: string) =>
    s
      .split(/[-_.]+/)
      .filter(Boolean)
      .map((w) => (/^[a-z]+\d+$/.test(w) && w !== 'neo4j' ? w.replace(/\d+$/, '') : w));
  const name = split(segments[segments.length - 1] ?? '');
  return { name, path: segments.slice(0, -1).flatMap(split) };
}

/** A database, cache, search engine or message broker image (`docker.io/bitnami/postgresql:16`). */
export function isDatastoreImage(image: string): boolean {
  const { name, path } = imageWords(image);
  if (name.some((w) => COMPANION_WORDS.has(w)) || name.some((w) => MONITORING_WORDS.has(w))) return false;
  if (name.some((w) => DATASTORE_WORDS.has(w))) return true;
  // `mcr.microsoft.com/mssql/server`: the datastore is named by the namespace, the name is generic.
  return name.length === 1 && name[0] === 'server' && path.some((w) => DATASTORE_WORDS.has(w));
}

/** Prometheus, Grafana, Alertmanager, Loki, OpenTelemetry collector, exporters … */
export function isMonitoringImage(image: string): boolean {
  const { name, path } = imageWords(image);
  if (name.some((w) => MONITORING_WORDS.has(w))) return true;
  const joined = name.join('-');
  // `otel/opentelemetry-collector-contrib`, `grafana/agent`, `datadog/agent`.
  if (joined.includes('opentelemetry-collector') || joined.startsWith('otel-collector')) return true;
  if (joined === 'agent' && path.some((w) => w === 'grafana' || w === 'datadog')) return true;
  return joined === 'fluent-bit';
}

/** Reverse proxies and gateways that face the outside: nginx, traefik, haproxy, caddy, envoy. */
export function isEdgeProxyImage(image: string): boolean {
  const { name } = imageWords(image);
  if (name.some((w) => MONITORING_WORDS.has(w))) return false; // nginx-prometheus-exporter
  return name.some((w) => EDGE_PROXY_WORDS.has(w));
}

/** A service or workload named like the public tier (`frontend`, `web`, `ui`, `api-gateway`). */
export function isFrontendName(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[-_.\s]+/)
    .some((w) => FRONTEND_NAME_WORDS.has(w));
}

export type Tier = 'datastore' | 'monitoring' | 'edge' | 'app';

/** The tier of a service by image first, then by name. */
export function tierOf(service: { name: string; image?: string | undefined }): Tier {
  if (service.image !== undefined) {
    if (isDatastoreImage(service.image)) return 'datastore';
    if (isMonitoringImage(service.image)) return 'monitoring';
    if (isEdgeProxyImage(service.image)) return 'edge';
  }
  return isFrontendName(service.name) ? 'edge' : 'app';
}
