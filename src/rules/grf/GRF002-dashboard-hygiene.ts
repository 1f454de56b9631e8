import { defineRule } from '../../core/rule.js';
import { grafanaDashboard, hardCodedDatasource } from '../../models/grafana.js';
import { jsonRange } from '../../parsers/json.js';

/** Panel types that plot numbers: without a unit, 0.25 could be seconds, a ratio or bytes. */
const NUMERIC_PANELS = new Set(['timeseries', 'graph', 'stat', 'gauge', 'bargauge', 'barchart']);

export const rule = defineRule({
  id: 'GRF002',
  title: 'Dashboard hygiene: uid, templated datasource, current panels, units',
  severity: 'info',
  domain: 'observability',
  kinds: ['grafana-dashboard'],
  rationale:
    'Without a `uid` every import creates a new dashboard and links break; a hard-coded datasource breaks the ' +
    'dashboard in every other environment; `graph` panels are deprecated (auto-migrated, then removed in Grafana ' +
    '11+); a number without a unit is misread during an incident.',
  fix:
    'Set a stable `uid`; use a datasource template variable (`{"type": "prometheus", "uid": "${datasource}"}`); ' +
    'convert `graph` panels to `timeseries`; set `fieldConfig.defaults.unit` (s, percentunit, reqps, bytes…).',
  notes:
    'A datasource is hard-coded when it names an instance (a name string or an object `uid`) instead of a ' +
    '`$variable`/`${variable}` or a built-in (`-- Grafana --`, `-- Mixed --`, `-- Dashboard --`); panel and ' +
    'target datasources are both checked. Units are required on timeseries, graph, stat, gauge, bargauge and ' +
    'barchart panels (`fieldConfig.defaults.unit`, or the first y-axis `format` of a legacy graph).',
  check(file, ctx) {
    const dashboard = grafanaDashboard(file);
    if (!dashboard) return;
    const name = dashboard.title ?? file.path;
    if (dashboard.uid === undefined || dashboard.uid.trim() === '') {
      ctx.report({
        range: dashboard.range,
        message: `Dashboard \`${name}\` has no \`uid\`: links and re-imports break.`,
      });
    }
    for (const panel of dashboard.panels) {
      const label = panel.title === undefined || panel.title === '' ? 'untitled panel' : `panel \`${panel.title}\``;
      const sources = [panel.datasource, ...panel.targets.map((t) => t.datasource)];
      const reported = new Set<number>();
      for (const ds of sources) {
        const hard = hardCodedDatasource(ds);
        if (!hard || reported.has(hard.offset)) continue;
        reported.add(hard.offset);
        ctx.report({
          range: jsonRange(file, hard),
          message: `The ${label} uses the hard-coded datasource \`${String(hard.value)}\`; use a datasource variable.`,
        });
      }
      if (panel.type === 'graph' && panel.typeRange) {
        ctx.report({
          range: panel.typeRange,
          message: `The ${label} is a deprecated \`graph\` panel; use \`timeseries\`.`,
        });
      }
      if (panel.type !== undefined && NUMERIC_PANELS.has(panel.type) && panel.unit === undefined) {
        ctx.report({ range: panel.range, message: `The ${label} has no unit.` });
      }
    }
  },
});
