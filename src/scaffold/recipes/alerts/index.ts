import { NAME, NAME_HINT, number, text } from '../../options.js';
import { pascal } from '../../render.js';
import { defineRecipe, type OptionValues } from '../../types.js';

export const alertOptions = {
  service: text('app', 'Service name: the `job` label Prometheus scrapes it under', NAME, NAME_HINT),
  slo: number(99.9, 'Availability SLO in percent (error budget = 100 - slo)', {
    min: 90,
    max: 100,
    exclusiveMax: true,
  }),
  latency_p95: number(0.3, 'p95 latency threshold in seconds', { min: 0.001, max: 120 }),
  error_rate: number(0.05, 'Error ratio that pages regardless of the budget (0.05 = 5%)', { min: 0.0001, max: 1 }),
  runbook_base: text(
    'https://runbooks.example.com',
    'Base URL of the runbooks (alert pages append /<service>/<alert>)',
    /^https?:\/\/\S+$/,
  ),
  cert_job: text(
    'blackbox',
    'Scrape job of the blackbox exporter probing the TLS endpoints',
    /^[a-zA-Z_][a-zA-Z0-9_-]*$/,
  ),
};

export type AlertValues = OptionValues<typeof alertOptions>;

interface Alert {
  alert: string;
  expr: string;
  for: string;
  severity: 'critical' | 'warning' | 'info';
  summary: string;
  description: string;
}

/** The multi-window multi-burn-rate table of the Google SRE workbook (long window, short window, factor). */
const BURN_RATES = [
  {
    long: '1h',
    short: '5m',
    factor: 14.4,
    for: '2m',
    severity: 'critical',
    budget: '2% of the 30-day budget in 1 hour',
  },
  { long: '6h', short: '30m', factor: 6, for: '15m', severity: 'critical', budget: '5% of the budget in 6 hours' },
  { long: '1d', short: '2h', factor: 3, for: '1h', severity: 'warning', budget: '10% of the budget in a day' },
  { long: '3d', short: '6h', factor: 1, for: '3h', severity: 'warning', budget: '10% of the budget in 3 days' },
] as const;

const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/** YAML block scalar for a PromQL expression (keeps quotes and braces literal). */
const block = (expr: string, pad: number) => {
  const sp = ' '.repeat(pad);
  return `|-\n${expr
    .split('\n')
    .map((l) => sp + l)
    .join('\n')}`;
};

function slug(alert: string): string {
  return alert.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function renderAlert(a: Alert, v: AlertValues): string {
  return [
    `      - alert: ${a.alert}`,
    `        expr: ${block(a.expr, 10)}`,
    `        for: ${a.for}`,
    '        labels:',
    `          severity: ${a.severity}`,
    `          service: ${v.service}`,
    '        annotations:',
    `          summary: ${JSON.stringify(a.summary)}`,
    `          description: ${JSON.stringify(a.description)}`,
    `          runbook_url: ${JSON.stringify(`${v.runbook_base.replace(/\/+$/, '')}/${v.service}/${slug(a.alert)}`)}`,
  ].join('\n');
}

const group = (name: string, interval: string | undefined, rules: string[]) =>
  [`  - name: ${name}`, interval ? `    interval: ${interval}` : undefined, '    rules:', ...rules]
    .filter((l) => l !== undefined)
    .join('\n');

/** Prometheus rule file for one service: SLO recording rules, burn-rate alerts, symptom alerts, self-monitoring. */
export function alertRules(v: AlertValues): string {
  const svc = v.service;
  const job = `job="${svc}"`;
  const name = pascal(svc);
  const budget = Number((1 - v.slo / 100).toPrecision(6));
  const recording = WINDOWS.map((w) =>
    [
      `      - record: slo:sli_error:ratio_rate${w}`,
      `        expr: ${block(
        `sum(rate(http_requests_total{${job},code=~"5.."}[${w}]))\n/\nclamp_min(sum(rate(http_requests_total{${job}}[${w}])), 1e-9)`,
        10,
      )}`,
      '        labels:',
      `          service: ${svc}`,
      `          slo: "${v.slo}"`,
    ].join('\n'),
  );
  recording.push(
    [
      `      - record: slo:error_budget:ratio`,
      `        expr: vector(${budget})`,
      '        labels:',
      `          service: ${svc}`,
      `          slo: "${v.slo}"`,
    ].join('\n'),
    ...[0.5, 0.95, 0.99].map((q) =>
      [
        `      - record: service:http_request_duration_seconds:p${Math.round(q * 100)}_rate5m`,
        `        expr: histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{${job}}[5m])))`,
        '        labels:',
        `          service: ${svc}`,
      ].join('\n'),
    ),
  );

  const burn: Alert[] = BURN_RATES.map((b) => ({
    alert: `${name}ErrorBudgetBurn${b.long}`,
    expr: [
      `slo:sli_error:ratio_rate${b.long}{service="${svc}"} > (${b.factor} * ${budget})`,
      'and',
      `slo:sli_error:ratio_rate${b.short}{service="${svc}"} > (${b.factor} * ${budget})`,
    ].join('\n'),
    for: b.for,
    severity: b.severity,
    summary: `${svc} is burning its ${v.slo}% error budget ${b.factor}x too fast (${b.long}/${b.short} windows)`,
    description: `At this rate ${b.budget} is gone. Error ratio over ${b.long}: {{ $value | humanizePercentage }}.`,
  }));

  const symptoms: Alert[] = [
    {
      alert: `${name}Down`,
      expr: `sum(up{${job}}) == 0 or absent(up{${job}})`,
      for: '2m',
      severity: 'critical',
      summary: `${svc} is down: no instance answers scrapes`,
      description: `Prometheus has not scraped any ${svc} instance for 2 minutes (or the target is gone).`,
    },
    {
      alert: `${name}HighErrorRate`,
      expr: `slo:sli_error:ratio_rate5m{service="${svc}"} > ${v.error_rate}`,
      for: '10m',
      severity: 'warning',
      summary: `${svc} answers more than ${v.error_rate * 100}% of requests with 5xx`,
      description: 'Error ratio over 5m is {{ $value | humanizePercentage }}.',
    },
    {
      alert: `${name}HighLatencyP95`,
      expr: `service:http_request_duration_seconds:p95_rate5m{service="${svc}"} > ${v.latency_p95}`,
      for: '10m',
      severity: 'warning',
      summary: `${svc} p95 latency is above ${v.latency_p95}s`,
      description: 'p95 over 5m is {{ $value | humanizeDuration }}.',
    },
    {
      alert: `${name}MemorySaturation`,
      expr: `max by (pod) (\n  container_memory_working_set_bytes{container="${svc}"}\n  / (container_spec_memory_limit_bytes{container="${svc}"} > 0)\n) > 0.9`,
      for: '15m',
      severity: 'warning',
      summary: `${svc} pod {{ $labels.pod }} uses more than 90% of its memory limit`,
      description: 'Working set is {{ $value | humanizePercentage }} of the limit: the next spike is an OOM kill.',
    },
    {
      alert: `${name}CpuThrottling`,
      expr: `sum by (pod) (rate(container_cpu_cfs_throttled_periods_total{container="${svc}"}[5m]))\n/\nclamp_min(sum by (pod) (rate(container_cpu_cfs_periods_total{container="${svc}"}[5m])), 1e-9)\n> 0.25`,
      for: '15m',
      severity: 'warning',
      summary: `${svc} pod {{ $labels.pod }} is CPU-throttled`,
      description:
        '{{ $value | humanizePercentage }} of CFS periods are throttled: latency suffers before CPU looks busy.',
    },
    {
      alert: `${name}CrashLooping`,
      expr: `increase(kube_pod_container_status_restarts_total{container="${svc}"}[15m]) > 3`,
      for: '5m',
      severity: 'warning',
      summary: `${svc} pod {{ $labels.pod }} is restarting repeatedly`,
      description: '{{ $value }} restarts in 15 minutes. Check the previous container logs (kubectl logs --previous).',
    },
    {
      alert: `${name}CertificateExpiresSoon`,
      expr: `probe_ssl_earliest_cert_expiry{job="${v.cert_job}"} - time() < 14 * 86400`,
      for: '1h',
      severity: 'warning',
      summary: 'TLS certificate of {{ $labels.instance }} expires in less than 14 days',
      description: 'It expires in {{ $value | humanizeDuration }}. Check the renewal (cert-manager, ACME) now.',
    },
    {
      alert: `${name}CertificateExpiryCritical`,
      expr: `probe_ssl_earliest_cert_expiry{job="${v.cert_job}"} - time() < 3 * 86400`,
      for: '10m',
      severity: 'critical',
      summary: 'TLS certificate of {{ $labels.instance }} expires in less than 3 days',
      description: 'It expires in {{ $value | humanizeDuration }}: renew it by hand if automation failed.',
    },
  ];

  // The pipeline watches itself: alerts that nobody receives are worse than no alerts.
  const pipeline: Alert[] = [
    {
      alert: 'PrometheusTargetDown',
      expr: 'up{job=~"prometheus|alertmanager"} == 0',
      for: '5m',
      severity: 'critical',
      summary: 'Monitoring target {{ $labels.job }} ({{ $labels.instance }}) is down',
      description: 'The monitoring pipeline itself cannot be scraped: alerts may not be evaluated or delivered.',
    },
    {
      alert: 'AlertmanagerAbsent',
      expr: 'absent(up{job="alertmanager"} == 1)',
      for: '5m',
      severity: 'critical',
      summary: 'No Alertmanager is up',
      description: 'Alerts fire but nobody is notified.',
    },
    {
      alert: 'PrometheusNotificationsFailing',
      expr: 'rate(prometheus_notifications_errors_total[5m]) > 0',
      for: '10m',
      severity: 'critical',
      summary: 'Prometheus fails to send alerts to Alertmanager',
      description: '{{ $value }} notification errors per second.',
    },
    {
      alert: 'PrometheusRuleEvaluationFailures',
      expr: 'increase(prometheus_rule_evaluation_failures_total[5m]) > 0',
      for: '10m',
      severity: 'warning',
      summary: 'Prometheus rule evaluation fails',
      description: '{{ $value }} failed evaluations in 5 minutes: some alerts cannot fire.',
    },
  ];

  return [
    `# Alerting rules for ${svc}: SLO ${v.slo}% (error budget ${budget}), p95 < ${v.latency_p95}s.`,
    '# Generated by `proagent-devops run alerts`. Check: promtool check rules <file>',
    '# Metrics: http_requests_total{code} and http_request_duration_seconds_bucket from the service,',
    '# cAdvisor and kube-state-metrics for saturation and restarts, blackbox_exporter for certificates.',
    'groups:',
    group(`${svc}-slo-recording`, '30s', recording),
    group(
      `${svc}-slo-burn-rate`,
      undefined,
      burn.map((a) => renderAlert(a, v)),
    ),
    group(
      `${svc}-symptoms`,
      undefined,
      symptoms.map((a) => renderAlert(a, v)),
    ),
    group(
      `${svc}-monitoring-pipeline`,
      undefined,
      pipeline.map((a) => renderAlert(a, v)),
    ),
    '',
  ].join('\n');
}

export const alertsRecipe = defineRecipe({
  name: 'alerts',
  summary:
    'Prometheus rules for a service: SLO recording rules, multi-window burn-rate alerts, availability, errors, latency, saturation, crash-loop, certificates, self-monitoring',
  options: alertOptions,
  generate: (v) => ({ [`prometheus/rules/${v.service}.rules.yml`]: alertRules(v) }),
  nextSteps: (v) => {
    const file = `prometheus/rules/${v.service}.rules.yml`;
    return {
      fill: [`runbook pages under ${v.runbook_base}/${v.service}/ (one per alert; the URL is in each alert)`],
      validate: [`promtool check rules ${file}`, `promtool test rules <your tests>.yml   (optional unit tests)`],
      apply: [
        `add "${file}" to rule_files in prometheus.yml, then: curl -X POST http://<prometheus>:9090/-/reload`,
        '(Kubernetes: wrap it in a PrometheusRule and kubectl apply)',
      ],
      rollback: [`git revert the rule change and reload Prometheus (curl -X POST http://<prometheus>:9090/-/reload)`],
    };
  },
});
