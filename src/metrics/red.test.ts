import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createRedMetrics, DEFAULT_DURATION_BUCKETS } from './red.js';

describe('createRedMetrics', () => {
  it('names the metrics after the prefix and counts a request once, however often it is ended', async () => {
    const red = createRedMetrics({ prefix: 'jobs', labels: ['queue'], outcomeLabel: 'status', processMetrics: false });
    const end = red.start();
    expect((await red.inFlight.get()).values[0]?.value).toBe(1);
    const seconds = end({ queue: 'mail' }, 'ok');
    expect(seconds).toBeGreaterThanOrEqual(0);
    end({ queue: 'mail' }, 'error');
    red.observe({ queue: 'mail' }, 'error', 0.2);

    const requests = await red.requests.get();
    expect(requests.name).toBe('jobs_requests_total');
    expect(requests.values.map((v) => [v.labels, v.value])).toEqual([
      [{ queue: 'mail', status: 'ok' }, 1],
      [{ queue: 'mail', status: 'error' }, 1],
    ]);
    expect((await red.inFlight.get()).values[0]?.value).toBe(0);
    const duration = await red.duration.get();
    expect(duration.name).toBe('jobs_request_duration_seconds');
    const count = duration.values.filter((v) => v.metricName === 'jobs_request_duration_seconds_count');
    expect(count.map((v) => [v.labels, v.value])).toEqual([
      [{ queue: 'mail', status: 'ok' }, 1],
      [{ queue: 'mail', status: 'error' }, 1],
    ]);
    const errorBuckets = duration.values.filter(
      (v) => v.metricName === 'jobs_request_duration_seconds_bucket' && v.labels.status === 'error',
    );
    expect(errorBuckets.map((v) => [v.labels.le, v.value])).toEqual([
      ...DEFAULT_DURATION_BUCKETS.map((le) => [le, le >= 0.2 ? 1 : 0]),
      ['+Inf', 1],
    ]);
  });

  it('can keep the outcome off the histogram (fewer series) and register into a given registry', async () => {
    const registry = new Registry();
    const red = createRedMetrics({
      prefix: 'proagent_mcp',
      labels: ['tool'],
      outcomeLabel: 'status',
      durationByOutcome: false,
      registry,
    });
    red.observe({ tool: 'review' }, 'ok', 0.01);
    red.observe({ tool: 'review' }, 'error', 0.02);
    const text = await registry.metrics();
    expect(text).toContain('proagent_mcp_request_duration_seconds_count{tool="review"} 2');
    expect(text).toContain('proagent_mcp_requests_total{tool="review",status="error"} 1');
    // A given registry does not get process metrics unless asked (they may be registered already).
    expect(text).not.toContain('process_cpu');
    expect(() => red.observe({}, 'ok', 1)).toThrow('missing label "tool"');
  });
});
