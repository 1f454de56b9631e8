// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Compose `${VAR}` interpolation, not JS templates
import { describe, expect, it } from 'vitest';
import {
  DATASTORE_PORTS,
  isDatastoreImage,
  isEdgeProxyImage,
  isFrontendName,
  isMonitoringImage,
  parseImageRef,
  tierOf,
} from './service-tiers.js';

describe('parseImageRef', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['docker.io/bitnami/postgresql:16', { registry: 'docker.io', repository: 'bitnami/postgresql', tag: '16' }],
    [
      'localhost:5000/team/app:1.0@sha256:abc',
      { registry: 'localhost:5000', repository: 'team/app', tag: '1.0', digest: 'sha256:abc' },
    ],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app' }],
    ['redis@sha256:abc', { repository: 'redis', digest: 'sha256:abc' }],
    ['postgres:${PG_TAG:-16.3}', { repository: 'postgres', tag: '16.3' }],
    ['${REGISTRY-ghcr.io}/org/api:${TAG:-${FALLBACK:-2}}', { registry: 'ghcr.io', repository: 'org/api', tag: '2' }],
    ['app:${TAG}', { repository: 'app', unresolved: true }],
  ])('%s', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });
});

describe('tiers', () => {
  it.each([
    'postgres:16',
    'docker.io/bitnami/postgresql:16',
    'mysql',
    'mariadb:11',
    'mongo:7',
    'redis:7-alpine',
    'valkey/valkey:8',
    'docker.elastic.co/elasticsearch/elasticsearch:8.14.0',
    'opensearchproject/opensearch:2',
    'rabbitmq:3-management',
    'confluentinc/cp-kafka:7.6.0',
    'memcached',
    'cassandra:5',
    'clickhouse/clickhouse-server:24',
    'couchdb',
    'neo4j:5',
    'influxdb:2',
    'quay.io/coreos/etcd:v3.5',
    'zookeeper',
    'minio/minio',
    'mcr.microsoft.com/mssql/server:2022-latest',
  ])('datastore: %s', (image) => {
    expect(isDatastoreImage(image)).toBe(true);
  });

  it.each([
    'redis-commander',
    'mongo-express',
    'provectuslabs/kafka-ui',
    'prometheuscommunity/postgres-exporter',
    'oliver006/redis_exporter',
    'dpage/pgadmin4',
    'nginx',
    'myorg/api',
  ])('not a datastore: %s', (image) => {
    expect(isDatastoreImage(image)).toBe(false);
  });

  it('monitoring and edge images', () => {
    expect(isMonitoringImage('prom/prometheus:v2.53.0')).toBe(true);
    expect(isMonitoringImage('grafana/grafana:11')).toBe(true);
    expect(isMonitoringImage('otel/opentelemetry-collector-contrib:0.104.0')).toBe(true);
    expect(isMonitoringImage('nginx')).toBe(false);
    expect(isEdgeProxyImage('nginxinc/nginx-unprivileged:1.27')).toBe(true);
    expect(isEdgeProxyImage('traefik:v3')).toBe(true);
    expect(isEdgeProxyImage('envoyproxy/envoy:v1.30')).toBe(true);
    expect(isEdgeProxyImage('nginx/nginx-prometheus-exporter')).toBe(false);
  });

  it('frontend names and tiers', () => {
    expect(isFrontendName('api-gateway')).toBe(true);
    expect(isFrontendName('web')).toBe(true);
    expect(isFrontendName('webhook')).toBe(false);
    expect(tierOf({ name: 'db', image: 'postgres:16' })).toBe('datastore');
    expect(tierOf({ name: 'frontend', image: 'myorg/frontend:1' })).toBe('edge');
    expect(tierOf({ name: 'worker' })).toBe('app');
    expect(DATASTORE_PORTS.has(5432)).toBe(true);
  });
});
