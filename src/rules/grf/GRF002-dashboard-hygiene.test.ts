// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Grafana `${var}` variables, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GRF002-dashboard-hygiene.js';

ruleTester(rule, {
  valid: [
    {
      name: 'uid, templated datasources, timeseries with units, text panels need none',
      files: {
        'dashboards/api.json': `{
  "title": "Shop API",
  "uid": "shop-api",
  "schemaVersion": 39,
  "panels": [
    {
      "type": "timeseries",
      "title": "Requests",
      "datasource": { "type": "prometheus", "uid": "\${datasource}" },
      "fieldConfig": { "defaults": { "unit": "reqps" } },
      "targets": [{ "datasource": "$datasource", "expr": "sum(rate(http_requests_total[5m]))" }]
    },
    { "type": "text", "title": "Notes", "datasource": "-- Grafana --" }
  ]
}
`,
      },
    },
  ],
  invalid: [
    {
      name: 'no uid, hard-coded datasources, a graph panel, a stat without unit',
      files: {
        'dashboards/api.json': `{
  "title": "Shop API",
  "schemaVersion": 16,
  "rows": [
    {
      "panels": [
        {
          "type": "graph",
          "title": "Requests",
          "datasource": "Prometheus-prod",
          "yaxes": [{ "format": "reqps" }],
          "targets": [{ "datasource": { "type": "prometheus", "uid": "P1809F7CD0C75ACF3" }, "expr": "up" }]
        },
        { "type": "stat", "title": "Errors", "targets": [{ "expr": "up" }] }
      ]
    }
  ]
}
`,
      },
      errors: [
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 22,
          message: 'Dashboard `Shop API` has no `uid`: links and re-imports break.',
        },
        {
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 26,
          message: 'The panel `Requests` is a deprecated `graph` panel; use `timeseries`.',
        },
        {
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 42,
          message: 'The panel `Requests` uses the hard-coded datasource `Prometheus-prod`; use a datasource variable.',
        },
        {
          line: 12,
          column: 70,
          endLine: 12,
          endColumn: 89,
          message:
            'The panel `Requests` uses the hard-coded datasource `P1809F7CD0C75ACF3`; use a datasource variable.',
        },
        { line: 14, column: 36, endLine: 14, endColumn: 44, message: 'The panel `Errors` has no unit.' },
      ],
    },
  ],
});
