/** Detection for the operations domains: monitoring and observability, incident response, secrets management. */
import { alertmanagerConfig } from '../models/alertmanager.js';
import { ruleFileModel } from '../models/prometheus.js';
import { isBurnRateAlert, isSelfMonitoringAlert, isSloRecordingRule } from '../models/prometheus-alerts.js';
import { hasHealthEvidence, isTestSource } from '../models/routes.js';
import { hasParseError } from '../parsers/index.js';
import { secretScannerIn } from '../secrets/scanners.js';
import { type DetectContext, DomainFindings } from './detect-context.js';

const SLO_SPECS: readonly [string, RegExp][] = [
  ['PrometheusServiceLevel', /^sloth\.slok\.dev\//],
  ['ServiceLevelObjective', /^pyrra\.dev\//],
  ['SLO', /^openslo\//i],
];
const TRACING_IMAGES =
  /\b(otel\/opentelemetry-collector[\w-]*|jaegertracing\/[\w-]+|grafana\/tempo|openzipkin\/zipkin)\b/;
const OTEL_CONFIG = /^receivers:\s*$[\s\S]*^exporters:\s*$[\s\S]*^service:\s*$/m;

function alertRules(ctx: DetectContext) {
  return ctx.project
    .ofKind('prometheus-rules')
    .filter((f) => !hasParseError(f))
    .flatMap((file) => ruleFileModel(file).groups.flatMap((g) => g.rules.map((rule) => ({ file, rule }))));
}

export function detectObservability(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  const rules = alertRules(ctx);
  const alerts = rules.filter((r) => r.rule.kind === 'alert');
  d.add('prometheus-config', 'Prometheus configuration', ctx.filesOf('prometheus-config'));
  d.add('scrape-monitors', 'ServiceMonitors / PodMonitors', ctx.objectFiles(['ServiceMonitor', 'PodMonitor']));
  d.add(
    'alert-rules',
    `alert rules (${alerts.length})`,
    alerts.map((r) => r.file.path),
  );
  d.add(
    'recording-rules',
    'recording rules',
    rules.filter((r) => r.rule.kind === 'record').map((r) => r.file.path),
  );
  d.add('alertmanager', 'Alertmanager configuration', ctx.filesOf('alertmanager-config'));
  d.add('dashboards', 'Grafana dashboards', ctx.filesOf('grafana-dashboard'));
  const sloSpecs = SLO_SPECS.flatMap(([kind, group]) => ctx.objectFiles([kind], group));
  const sloRules = rules.filter((r) => isSloRecordingRule(r.rule) || isBurnRateAlert(r.rule)).map((r) => r.file.path);
  d.add('slos', 'SLO definitions and burn-rate alerts', [...sloSpecs, ...sloRules]);
  d.add(
    'self-monitoring',
    'self-monitoring alerts (up / absent)',
    alerts.filter((r) => isSelfMonitoringAlert(r.rule)).map((r) => r.file.path),
    false,
  );
  const tracing = [
    ...ctx.project.ofKind('compose', 'k8s', 'helm-values').filter((f) => TRACING_IMAGES.test(f.text)),
    ...ctx.project.ofKind('yaml').filter((f) => OTEL_CONFIG.test(f.text)),
  ];
  d.add(
    'tracing',
    'distributed tracing (OpenTelemetry, Jaeger, Tempo)',
    tracing.map((f) => f.path),
  );
  const health = ctx.project.ofKind('source').filter((f) => !isTestSource(f.path) && hasHealthEvidence(f));
  d.add(
    'health-endpoints',
    'services exposing a health endpoint',
    health.map((f) => f.path),
    false,
  );

  const hasServices = ctx.filesOf('dockerfile', 'compose', 'k8s', 'source').length > 0;
  const noMetrics = !d.has('prometheus-config') && !d.has('scrape-monitors');
  if (noMetrics) {
    d.gap({
      id: 'no-metrics',
      severity: hasServices ? 'warning' : 'info',
      message: 'No metrics collection: no Prometheus configuration or ServiceMonitor scrapes the services.',
      fix: 'Run Prometheus (or the Prometheus Operator) scraping every service, with self-scrape and rules wired.',
      recipe: 'monitoring',
    });
  }
  if (alerts.length === 0) {
    d.gap({
      id: 'no-alerts',
      severity: hasServices ? 'error' : 'warning',
      message: 'No alert rules: failures are found by users, not by the on-call engineer.',
      fix: 'Add SLO burn-rate alerts plus target-down and dead-man alerts, each with severity, summary and runbook_url.',
      recipe: 'alerts',
    });
  } else if (!d.has('alertmanager')) {
    d.gap({
      id: 'no-alertmanager',
      severity: 'warning',
      message:
        'Alert rules but no Alertmanager configuration in the repository: where alerts are routed is not reviewed.',
      fix: 'Add alertmanager.yml with group_by, a critical route that pages, and send_resolved on receivers.',
      recipe: 'monitoring',
    });
  }
  if (!d.has('dashboards') && hasServices) {
    d.gap({
      id: 'no-dashboards',
      severity: 'warning',
      message: 'No dashboards: nobody sees rate, errors and duration of the services.',
      fix: 'Add a RED dashboard per service (request rate, error ratio, latency quantiles).',
      recipe: 'dashboard',
    });
  }
  if (!d.has('tracing') && hasServices) {
    d.gap({
      id: 'no-tracing',
      severity: 'info',
      message: 'No distributed tracing: slow requests cannot be followed across services.',
      fix: 'Run an OpenTelemetry collector and instrument the services with the OpenTelemetry SDK.',
    });
  }
  return d;
}

const DOC = '\\.(md|markdown|txt|adoc|rst)$';
const RUNBOOKS = new RegExp(`((^|/)(runbooks?|playbooks?)/[^/]+|run-?books?[^/]*|playbooks?[^/]*)${DOC}`, 'i');
const POSTMORTEMS = new RegExp(
  `(post-?mortems?|incident[-_ ]?(reviews?|reports?|templates?)|retrospectives?)[^/]*${DOC}|(^|/)(post-?mortems?)/[^/]+${DOC}`,
  'i',
);
const ON_CALL = new RegExp(`(on-?call|escalations?|pager|rota)[^/]*${DOC}`, 'i');
const SEVERITY_DOCS = new RegExp(
  `(sev(erity)?[-_ ]?(levels?|matrix|definitions?|classification)|incident[-_ ]?severit(y|ies))[^/]*${DOC}`,
  'i',
);
const PAGERS = new Set(['pagerduty_configs', 'opsgenie_configs', 'victorops_configs']);

export function detectIncident(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  const alerts = alertRules(ctx).filter((r) => r.rule.kind === 'alert');
  const linked = alerts.filter((r) => r.rule.annotations.some((a) => a.name === 'runbook_url' && a.value));
  d.add('runbooks', 'runbooks', ctx.pathsMatching(RUNBOOKS));
  d.add(
    'runbook-links',
    `alerts linking a runbook (${linked.length}/${alerts.length})`,
    linked.map((r) => r.file.path),
  );
  d.add('postmortem-templates', 'postmortems and templates', ctx.pathsMatching(POSTMORTEMS));
  d.add('on-call', 'on-call and escalation docs', ctx.pathsMatching(ON_CALL));
  const severityDocs = [
    ...ctx.pathsMatching(SEVERITY_DOCS),
    ...ctx.filesContaining(/(^|\/)\.proagent-devops\.ya?ml$/, /^incident:/m),
    ...ctx.filesContaining(new RegExp(DOC, 'i'), /\bSEV-?1\b[\s\S]*\bSEV-?2\b/),
  ];
  d.add('severity-definitions', 'severity definitions (SEV1–SEV4)', severityDocs);
  const paging = ctx.project
    .ofKind('alertmanager-config')
    .filter((f) => alertmanagerConfig(f)?.receivers.some((r) => r.configs.some((c) => PAGERS.has(c.type))));
  d.add(
    'paging',
    'alerts page an on-call rotation (PagerDuty, Opsgenie)',
    paging.map((f) => f.path),
  );

  const unlinked = alerts.length - linked.length;
  const ruleFiles = [...new Set(alerts.map((r) => r.file.path))].join(' ');
  if (!d.has('runbooks') && (alerts.length === 0 || unlinked > 0)) {
    d.gap({
      id: 'no-runbooks',
      severity: 'warning',
      message:
        alerts.length === 0
          ? 'No runbooks: responders improvise under pressure.'
          : `${unlinked} of ${alerts.length} alerts have no runbook: the on-call engineer improvises.`,
      fix: 'Write one runbook per alert (meaning, triage queries, mitigation with rollback, escalation) and link it.',
      ...(alerts.length > 0
        ? { command: `proagent-devops incident runbook --rules ${ruleFiles} --out runbooks --link <BASE_URL>` }
        : { recipe: 'alerts' }),
    });
  }
  if (!d.has('postmortem-templates')) {
    d.gap({
      id: 'no-postmortem-template',
      severity: 'warning',
      message: 'No postmortem template: incidents end without a blameless review or tracked action items.',
      fix: 'Commit a blameless postmortem template and require it for SEV1/SEV2 incidents.',
      command: 'proagent-devops incident postmortem --output docs/postmortem-template.md',
    });
  }
  if (!d.has('severity-definitions')) {
    d.gap({
      id: 'no-severity-definitions',
      severity: 'info',
      message: 'No severity definitions: who gets paged and how fast is decided case by case.',
      fix: 'Adopt the SEV1–SEV4 matrix (docs/incident.md) and tune it in the `incident:` section of .proagent-devops.yaml.',
      command: 'proagent-devops incident classify --down --env prod',
    });
  }
  if (!d.has('on-call')) {
    d.gap({
      id: 'no-on-call',
      severity: 'info',
      message: 'No on-call or escalation document: responders do not know who is next.',
      fix: 'Document the rotation, hand-over, escalation path and paging policy (docs/on-call.md).',
    });
  }
  if (alerts.length > 0 && !d.has('paging')) {
    d.gap({
      id: 'no-paging',
      severity: 'warning',
      message: 'Critical alerts do not page anyone: no PagerDuty or Opsgenie receiver.',
      fix: 'Route severity="critical" to a paging receiver (PagerDuty, Opsgenie) with send_resolved.',
      recipe: 'monitoring',
    });
  }
  return d;
}

const SECRET_MANAGERS: readonly [string, string, string[], RegExp | undefined][] = [
  [
    'external-secrets',
    'External Secrets Operator',
    ['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'ClusterExternalSecret'],
    /^external-secrets\.io\//,
  ],
  ['sealed-secrets', 'Sealed Secrets', ['SealedSecret'], /^bitnami\.com\//],
  ['csi-secrets-store', 'Secrets Store CSI driver', ['SecretProviderClass'], /^secrets-store\.csi\.x-k8s\.io\//],
];
const MANAGER_MARKERS: readonly [string, string, RegExp][] = [
  [
    'vault',
    'HashiCorp Vault',
    /vault\.hashicorp\.com\/agent-inject|hashicorp\/vault-action|^\s*provider\s+"vault"|\bvault\s+(kv|read)\b/m,
  ],
  [
    'aws-secrets-manager',
    'AWS Secrets Manager',
    /\baws_secretsmanager_\w+|aws-secretsmanager-get-secrets|\bSecretsManager\b|secretsmanager:/,
  ],
  [
    'gcp-secret-manager',
    'GCP Secret Manager',
    /\bgoogle_secret_manager_\w+|get-secretmanager-secrets|secretmanager\.googleapis\.com/,
  ],
  ['sops', 'SOPS', /^creation_rules:/m],
];
const SCANNER_CONFIGS =
  /(^|\/)(\.gitleaks\.toml|\.secretlintrc(\.\w+)?|\.secrets\.baseline|\.github\/secret_scanning\.ya?ml|\.trufflehog\.ya?ml)$/;

export function detectSecrets(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  for (const [id, label, kinds, group] of SECRET_MANAGERS) d.add(id, label, ctx.objectFiles(kinds, group));
  for (const [id, label, re] of MANAGER_MARKERS) {
    d.add(
      id,
      label,
      ctx.project.files.filter((f) => f.kind !== 'text' && f.kind !== 'source' && re.test(f.text)).map((f) => f.path),
    );
  }
  const ciFiles = ctx.project.ofKind('github-workflow', 'github-action', 'gitlab-ci', 'jenkinsfile');
  const scanning = ciFiles.filter((f) => secretScannerIn(f, ctx.project) !== undefined).map((f) => f.path);
  d.add('secret-scanners', 'secret scanning in CI', [...scanning, ...ctx.pathsMatching(SCANNER_CONFIGS)]);
  d.add('pre-commit', 'pre-commit hooks', ctx.pathsMatching(/(^|\/)\.pre-commit-config\.ya?ml$/), false);

  if (ciFiles.length === 0 && !d.has('secret-scanners')) {
    d.gap({
      id: 'no-secret-scanner',
      severity: 'warning',
      message: 'No secret scanner: a committed credential is found by an attacker first.',
      fix: 'Run gitleaks (or trufflehog) in CI and as a pre-commit hook, on the full history once.',
      recipe: 'github-actions',
    });
  }
  const managed = d.evidence.some((e) => e.id !== 'secret-scanners' && e.id !== 'pre-commit');
  const deployable = ctx.filesOf('k8s', 'compose', 'terraform', 'helm-chart', 'kustomization').length > 0;
  if (!managed && deployable) {
    d.gap({
      id: 'no-secret-manager',
      severity: 'warning',
      message: 'No external secret manager: credentials live in files, variables or the CI, without rotation or audit.',
      fix: 'Fetch secrets from Vault, AWS Secrets Manager or GCP Secret Manager (External Secrets Operator) with rotation.',
      recipe: 'external-secrets',
    });
  }
  return d;
}
