import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import { type PromRule, ruleFileModel } from '../models/prometheus.js';
import { projectFromSources } from '../review.js';
import { deployTargets, rollbackSteps, targetsFor } from './deploy-methods.js';
import { defaultIncidentSettings, prodMatcher } from './incident-config.js';
import { alertCategory, alertRunbook, runbookSlug } from './runbook.js';
import { explainAlert, seriesToCheck, workloadNames } from './triage.js';

const shop = fileURLToPath(new URL('../../examples/hardened-shop/', import.meta.url));
const file = new SourceFile(
  'monitoring/alerts.yml',
  'prometheus-rules',
  readFileSync(`${shop}monitoring/alerts.yml`, 'utf8'),
);
const rules = ruleFileModel(file).groups.flatMap((g) => g.rules);
const recordings = rules.filter((r) => r.kind === 'record').map((rule) => ({ file: file.path, rule }));
const alert = (name: string) => rules.find((r) => r.name === name) as PromRule;
const settings = defaultIncidentSettings();
const isProd = prodMatcher(settings);
// A project of our own for the deploy targets (the example keeps growing): a kustomize base with two
// overlays, a Deployment with its own namespace, and a Compose project.
const deployment = (name: string, namespace?: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      containers: [{ name: app, image: "shop/${name}:1.0.0" }]\n`;
const targets = deployTargets(
  projectFromSources({
    'deploy/base/api.yaml': deployment('shop-api'),
    'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
    'deploy/overlays/staging/kustomization.yaml': 'namespace: shop-staging\nresources: [../../base]\n',
    'deploy/overlays/prod/kustomization.yaml': 'namespace: shop-prod\nresources: [../../base]\n',
    'k8s/web.yaml': deployment('shop-web', 'shop-prod'),
    'docker-compose.yml': 'services:\n  api:\n    image: shop/api:1.0.0\n  redis:\n    image: redis:7.2\n',
  }),
  isProd,
);

function runbook(name: string): string {
  const rule = alert(name);
  const matched = targetsFor(targets, workloadNames(rule, seriesToCheck(rule, recordings)));
  return alertRunbook(rule, {
    ruleLink: '../monitoring/alerts.yml',
    ruleFile: file.path,
    recordings,
    targets: matched,
    allTargets: targets,
    settings,
  });
}

describe('runbooks from examples/hardened-shop/monitoring/alerts.yml', () => {
  it('covers every alert of the file (recording rules have none)', () => {
    expect(rules.filter((r) => r.kind === 'alert').map((r) => runbookSlug(r.name))).toEqual([
      'shop-api-error-budget-burn-fast',
      'shop-api-error-budget-burn-slow',
      'shop-api-latency-high',
      'target-down',
      'alertmanager-missing',
    ]);
  });

  it('says when the alert fires, in words, with constant thresholds evaluated', () => {
    expect(explainAlert(alert('ShopApiErrorBudgetBurnFast'))).toBe(
      'Fires when `slo:sli_error:ratio_rate1h` is above 0.0144 (1.44%) **and** `slo:sli_error:ratio_rate5m` is above 0.0144 (1.44%), for at least 2m.',
    );
    expect(explainAlert(alert('ShopApiLatencyHigh'))).toBe(
      'Fires when `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="shop-api"}[5m])))` is above 1, for at least 10m.',
    );
    expect(explainAlert(alert('TargetDown'))).toBe('Fires when `up` equals 0, for at least 5m.');
    expect(explainAlert(alert('AlertmanagerMissing'))).toBe(
      'Fires when no series matches `up{job="alertmanager"} == 1` (the target or the metric is gone), for at least 5m.',
    );
  });

  it('breaks the PromQL into series, expanding recording rules to the raw series they read', () => {
    const series = seriesToCheck(alert('ShopApiErrorBudgetBurnFast'), recordings);
    expect(series.map((s) => s.selector)).toEqual(['slo:sli_error:ratio_rate1h', 'slo:sli_error:ratio_rate5m']);
    expect(series[0]?.recordedBy).toMatchObject({ file: 'monitoring/alerts.yml', line: 14 });
    expect(series[0]?.recordedBy?.series.map((s) => [s.selector, s.query])).toEqual([
      [
        'http_requests_total{job="shop-api",code=~"5.."}',
        'sum by (instance) (rate(http_requests_total{job="shop-api",code=~"5.."}[5m]))',
      ],
      ['http_requests_total{job="shop-api"}', 'sum by (instance) (rate(http_requests_total{job="shop-api"}[5m]))'],
    ]);
    expect(seriesToCheck(alert('ShopApiLatencyHigh'), recordings).map((s) => s.query)).toEqual([
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="shop-api"}[5m])))',
    ]);
    expect(seriesToCheck(alert('TargetDown'), recordings).map((s) => s.query)).toEqual(['up == 0']);
  });

  it('classifies alerts for their causes', () => {
    const category = (name: string) => alertCategory(alert(name), seriesToCheck(alert(name), recordings));
    expect(category('ShopApiErrorBudgetBurnFast')).toBe('errors');
    expect(category('ShopApiLatencyHigh')).toBe('latency');
    expect(category('TargetDown')).toBe('target-down');
    expect(category('AlertmanagerMissing')).toBe('target-down');
  });

  it('finds the deploy targets and matches the alert to the prod workload first', () => {
    expect(targets.map((t) => `${t.kind} ${t.name} ${t.namespace ?? '-'} ${t.prod ? 'prod' : ''}`.trim())).toEqual([
      'kubernetes shop-api shop-staging',
      'kubernetes shop-api shop-prod prod',
      'kubernetes shop-web shop-prod prod',
      'compose api -',
      'compose redis -',
    ]);
    const matched = targetsFor(targets, ['shop-api']);
    expect(matched.map((t) => `${t.kind}/${t.name}/${t.namespace ?? '-'}`)).toEqual([
      'kubernetes/shop-api/shop-prod',
      'kubernetes/shop-api/shop-staging',
      'compose/api/-',
    ]);
    expect(rollbackSteps(matched[0]!)).toMatchObject({
      validate: ['kubectl -n shop-prod rollout history deployment/shop-api'],
      rollback: [
        'kubectl -n shop-prod rollout undo deployment/shop-api',
        '# or a known-good revision: kubectl -n shop-prod rollout undo deployment/shop-api --to-revision=<N>',
      ],
      verify: ['kubectl -n shop-prod rollout status deployment/shop-api --timeout=5m'],
    });
  });

  it('writes the runbook: meaning, triage, causes, mitigation with rollback, escalation, link back', () => {
    const doc = runbook('ShopApiErrorBudgetBurnFast');
    expect(doc.match(/^## .*/gm)).toEqual([
      '## What it means',
      '## Triage',
      '## Likely causes',
      '## Mitigation',
      '## Escalation',
      '## Rule',
    ]);
    const lines = doc.split('\n');
    expect(lines[0]).toBe('# Runbook: ShopApiErrorBudgetBurnFast');
    expect(lines).toContain(
      '| `ShopApiErrorBudgetBurnFast` | critical | SEV2 (Major) | shop-api-slo | 2m | [monitoring/alerts.yml:23](../monitoring/alerts.yml#L23) |',
    );
    expect(lines).toContain('**Shop API is burning its 30-day error budget 14x too fast**');
    expect(lines).toContain('       sum by (instance) (rate(http_requests_total{job="shop-api",code=~"5.."}[5m]))');
    expect(lines).toContain(
      '3. Check what changed just before the alert: `kubectl -n shop-prod rollout history deployment/shop-api`, `kubectl -n shop-staging rollout history deployment/shop-api`, and the last merged commits.',
    );
    expect(lines).toContain('   kubernetes `shop-api` in `shop-prod` (prod):');
    expect(lines).toContain('   kubectl -n shop-prod rollout undo deployment/shop-api');
    expect(lines).toContain('- Page: on-call primary → incident commander.');
    expect(lines).toContain(
      '1. If users are affected, declare an incident: `proagent-devops incident declare --severity SEV2 --summary "ShopApiErrorBudgetBurnFast: <what users see>"`.',
    );
    expect(doc.endsWith('this runbook is generated by `proagent-devops incident runbook`.\n')).toBe(true);
  });

  it('names the project deploy targets when none matches the alert', () => {
    const doc = runbook('TargetDown');
    expect(doc).toContain('| `TargetDown` | warning | SEV3 (Minor) | self-monitoring | 5m |');
    expect(doc).toContain(
      "No deploy target matched the alert's labels; the project deploys `shop-api` (kubernetes, shop-staging), `shop-api` (kubernetes, shop-prod), `shop-web` (kubernetes, shop-prod), `api` (compose), `redis` (compose).",
    );
    expect(doc).toContain(
      '- The process crashed or is restarting (CrashLoopBackOff, OOM kill, failing liveness probe).',
    );
  });
});
