import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function rules(doc: unknown): Rule[] {
  return (at(doc, 'groups') as { rules: Rule[] }[]).flatMap((group) => group.rules);
}

describe('run alerts', () => {
  it('default: every alert has for, severity, summary, description, runbook_url; promtool accepts it', () => {
    g = generate('alerts');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['prometheus/rules/app.rules.yml']);
    expect(g.result.validation.checks.find((c) => c.tool === 'promtool')?.command).toBe(
      'promtool check rules prometheus/rules/app.rules.yml',
    );
    const all = rules(g.yaml('prometheus/rules/app.rules.yml')[0]);
    const alerts = all.filter((r) => r.alert);
    expect(alerts.map((a) => a.alert)).toEqual([
      'AppErrorBudgetBurn1h',
      'AppErrorBudgetBurn6h',
      'AppErrorBudgetBurn1d',
      'AppErrorBudgetBurn3d',
      'AppDown',
      'AppHighErrorRate',
      'AppHighLatencyP95',
      'AppMemorySaturation',
      'AppCpuThrottling',
      'AppCrashLooping',
      'AppCertificateExpiresSoon',
      'AppCertificateExpiryCritical',
      'PrometheusTargetDown',
      'AlertmanagerAbsent',
      'PrometheusNotificationsFailing',
      'PrometheusRuleEvaluationFailures',
    ]);
    for (const a of alerts) {
      expect(a.for, a.alert).toMatch(/^\d+[mh]$/);
      expect(['critical', 'warning', 'info'], a.alert).toContain(a.labels?.severity);
      expect(Object.keys(a.annotations ?? {}).sort(), a.alert).toEqual(['description', 'runbook_url', 'summary']);
      expect(a.annotations?.runbook_url, a.alert).toMatch(/^https:\/\/runbooks\.example\.com\/app\/[a-z0-9-]+$/);
    }
    // Multi-window burn rates: each alert needs the long and the short window above the same factor.
    const fast = alerts.find((a) => a.alert === 'AppErrorBudgetBurn1h');
    expect(fast?.expr).toBe(
      'slo:sli_error:ratio_rate1h{service="app"} > (14.4 * 0.001)\nand\nslo:sli_error:ratio_rate5m{service="app"} > (14.4 * 0.001)',
    );
    expect(fast?.labels?.severity).toBe('critical');
    // The recording rules the burn-rate alerts read exist, for every window.
    const records = all.filter((r) => r.record).map((r) => r.record);
    for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d'])
      expect(records).toContain(`slo:sli_error:ratio_rate${w}`);
    expect(alerts.find((a) => a.alert === 'AppHighLatencyP95')?.expr).toBe(
      'service:http_request_duration_seconds:p95_rate5m{service="app"} > 0.3',
    );
  });

  it('SLO, latency and runbook options flow into the thresholds', () => {
    g = generate('alerts', [
      'service=checkout',
      'slo=99.5',
      'latency_p95=0.8',
      'runbook_base=https://wiki.internal/rb/',
    ]);
    expect(problems(g.result)).toEqual([]);
    const alerts = rules(g.yaml('prometheus/rules/checkout.rules.yml')[0]).filter((r) => r.alert);
    expect(alerts.find((a) => a.alert === 'CheckoutErrorBudgetBurn6h')?.expr).toContain('> (6 * 0.005)');
    expect(alerts.find((a) => a.alert === 'CheckoutHighLatencyP95')?.expr).toContain('> 0.8');
    expect(alerts[0]?.annotations?.runbook_url).toBe('https://wiki.internal/rb/checkout/checkout-error-budget-burn1h');
  });

  it('refuses an SLO of 100% (no error budget to burn)', () => {
    expect(() => generate('alerts', ['slo=100'])).toThrow('--set slo="100": must be below 100');
  });
});
