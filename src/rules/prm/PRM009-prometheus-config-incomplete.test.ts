import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './PRM009-prometheus-config-incomplete.js';

ruleTester(rule, {
  valid: [
    {
      name: 'rules, alertmanagers and a global scrape interval',
      files: {
        'prometheus.yml':
          'global:\n  scrape_interval: 15s\nrule_files:\n  - alerts.yml\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ["alertmanager:9093"]\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["api:8080"]\n',
      },
    },
    {
      name: 'no rules to send, and every job sets its own interval',
      files: {
        'prometheus.yml':
          'scrape_configs:\n  - job_name: api\n    scrape_interval: 30s\n    static_configs:\n      - targets: ["api:8080"]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'rule files without alertmanagers, and no scrape interval',
      files: {
        'monitoring/prometheus.yml':
          'global:\n  evaluation_interval: 30s\nrule_files:\n  - alerts.yml\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["api:8080"]\n',
      },
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          message: 'No `global.scrape_interval`: jobs fall back to the 1m default.',
        },
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 11,
          message: 'Loads 1 rule file(s) but has no `alerting.alertmanagers`: alerts fire and nobody is notified.',
        },
      ],
    },
    {
      name: 'an alerting section with no alertmanagers',
      files: {
        'prometheus.yml':
          'global:\n  scrape_interval: 15s\nrule_files: [alerts.yml]\nalerting:\n  alert_relabel_configs: []\nscrape_configs: []\n',
      },
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 9, message: /^Loads 1 rule file/ }],
    },
  ],
});
