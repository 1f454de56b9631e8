// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Grafana `${var}` variables, not JS templates
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import { grafanaDashboard, withoutVariables } from './grafana.js';

describe('grafanaDashboard', () => {
  it('reads wrapped exports, collapsed rows and legacy rows', () => {
    const text = JSON.stringify({
      dashboard: {
        title: 'API',
        uid: 'api',
        panels: [
          { type: 'row', title: 'Row', panels: [{ type: 'timeseries', title: 'Inner', targets: [{ expr: 'up' }] }] },
        ],
        rows: [{ panels: [{ type: 'graph', title: 'Legacy', yaxes: [{ format: 's' }] }] }],
      },
    });
    const d = grafanaDashboard(new SourceFile('d.json', 'grafana-dashboard', text));
    expect(d?.title).toBe('API');
    expect(d?.uid).toBe('api');
    expect(d?.panels.map((p) => [p.type, p.title, p.unit, p.targets.map((t) => t.expr)])).toEqual([
      ['row', 'Row', undefined, []],
      ['timeseries', 'Inner', undefined, ['up']],
      ['graph', 'Legacy', 's', []],
    ]);
  });

  it('is undefined for JSON that is not an object', () => {
    expect(grafanaDashboard(new SourceFile('d.json', 'grafana-dashboard', '[1]'))).toBeUndefined();
  });
});

describe('withoutVariables', () => {
  it.each([
    ['rate(x[$__rate_interval])', 'rate(x[5m])'],
    ['max_over_time(x[$__range:${__interval}])', 'max_over_time(x[5m:5m])'],
    ['sum by ($group) (x{job="$job"})', 'sum by (x) (x{job="$job"})'],
    ['rate(x[[[interval]]])', 'rate(x[5m])'],
  ])('%s → %s', (input, output) => {
    expect(withoutVariables(input)).toBe(output);
  });
});
