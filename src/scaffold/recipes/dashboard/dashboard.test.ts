import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  fieldConfig?: { defaults: { unit?: string; thresholds?: { steps: { value: number | null }[] } } };
  targets?: { expr: string }[];
}

describe('run dashboard', () => {
  it('default: RED panels with units, a templated datasource and a stable uid', () => {
    g = generate('dashboard');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['grafana/dashboards/app-red.json']);
    const d = g.json('grafana/dashboards/app-red.json');
    expect(at(d, 'uid')).toBe('app-red');
    expect(at(d, 'templating', 'list', 0)).toMatchObject({
      name: 'datasource',
      type: 'datasource',
      query: 'prometheus',
    });
    const panels = at(d, 'panels') as Panel[];
    expect(panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual([
      'Now',
      'Rate, errors, duration',
      'Saturation',
    ]);
    const data = panels.filter((p) => p.type !== 'row');
    expect(data.map((p) => [p.type, p.title, p.fieldConfig?.defaults.unit])).toEqual([
      ['stat', 'Request rate', 'reqps'],
      ['stat', 'Error ratio (5xx)', 'percentunit'],
      ['stat', 'p95 latency', 's'],
      ['timeseries', 'Requests by route', 'reqps'],
      ['timeseries', 'Error ratio', 'percentunit'],
      ['timeseries', 'Latency p50 / p95 / p99', 's'],
      ['timeseries', 'CPU (cores)', 'short'],
      ['timeseries', 'Memory working set', 'bytes'],
      ['timeseries', 'In-flight requests', 'short'],
    ]);
    for (const p of data) expect(p.datasource?.uid, p.title).toBe('${datasource}');
    const latency = data.find((p) => p.title === 'Latency p50 / p95 / p99');
    expect(latency?.targets?.map((t) => t.expr.split(',')[0])).toEqual([
      'histogram_quantile(0.5',
      'histogram_quantile(0.95',
      'histogram_quantile(0.99',
    ]);
    expect(latency?.fieldConfig?.defaults.thresholds?.steps.map((s) => s.value)).toEqual([null, 0.24, 0.3]);
    expect(data.find((p) => p.title === 'Requests by route')?.targets?.[0]?.expr).toBe(
      'sum by (route) (rate(http_requests_total{job="app"}[$__rate_interval]))',
    );
  });

  it('service and thresholds options', () => {
    g = generate('dashboard', ['service=payments', 'latency_p95=1', 'error_rate=0.01', 'slo=99']);
    expect(problems(g.result)).toEqual([]);
    const d = g.json('grafana/dashboards/payments-red.json');
    expect(at(d, 'uid')).toBe('payments-red');
    const errors = (at(d, 'panels') as Panel[]).find((p) => p.title === 'Error ratio (5xx)');
    expect(errors?.fieldConfig?.defaults.thresholds?.steps.map((s) => s.value)).toEqual([null, 0.01, 0.01]);
  });
});
