import { defineRule } from '../../core/rule.js';
import { prometheusConfig } from '../../models/prometheus-config.js';

export const rule = defineRule({
  id: 'PRM009',
  title: 'prometheus.yml sends alerts somewhere and sets a scrape interval',
  severity: 'warning',
  domain: 'observability',
  kinds: ['prometheus-config'],
  rationale:
    'Rules loaded without `alerting.alertmanagers` evaluate and fire into the void: the UI shows them firing, ' +
    'nobody is notified. Without `scrape_interval` every job silently uses the 1m default, too coarse for ' +
    '`rate(…[1m])` and for `for:` durations tuned against 15s scrapes.',
  fix:
    'Add `alerting: { alertmanagers: [{ static_configs: [{ targets: ["alertmanager:9093"] }] }] }` and ' +
    '`global: { scrape_interval: 15s, evaluation_interval: 15s }`.',
  rollback: 'Revert prometheus.yml and reload (`kill -HUP` or `POST /-/reload`); `promtool check config` first.',
  peers: ['promtool:check config'],
  notes:
    'A missing global `scrape_interval` is not reported when every scrape job sets its own. A config that loads ' +
    'no `rule_files` does not need Alertmanager (it may only record, or feed a remote ruler).',
  check(file, ctx) {
    const config = prometheusConfig(file);
    if (!config) return;
    if (config.ruleFiles.length > 0 && config.alertmanagers === 0) {
      ctx.report({
        range: config.alertingKeyRange ?? config.ruleFilesKeyRange ?? config.firstKeyRange,
        message: `Loads ${config.ruleFiles.length} rule file(s) but has no \`alerting.alertmanagers\`: alerts fire and nobody is notified.`,
      });
    }
    const unset = config.scrapeJobs.filter((j) => j.scrapeInterval === undefined);
    if (config.scrapeInterval === undefined && (unset.length > 0 || config.scrapeJobs.length === 0)) {
      ctx.report({
        range: config.globalKeyRange ?? config.firstKeyRange,
        message: 'No `global.scrape_interval`: jobs fall back to the 1m default.',
      });
    }
  },
});
