import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run monitoring', () => {
  it('default: stack, configs, rules and dashboard; promtool and amtool accept them', () => {
    g = generate('monitoring');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual([
      'docker-compose.monitoring.yml',
      'monitoring/alertmanager/alertmanager.yml',
      'monitoring/grafana/dashboards/app-red.json',
      'monitoring/grafana/provisioning/dashboards/services.yml',
      'monitoring/grafana/provisioning/datasources/prometheus.yml',
      'monitoring/prometheus/prometheus.yml',
      'monitoring/prometheus/rules/app.rules.yml',
    ]);
    expect(g.result.validation.checks.map((c) => c.command)).toEqual(
      expect.arrayContaining([
        'promtool check config monitoring/prometheus/prometheus.yml',
        'promtool check rules monitoring/prometheus/rules/app.rules.yml',
        'amtool check-config monitoring/alertmanager/alertmanager.yml',
      ]),
    );

    const [compose] = g.yaml('docker-compose.monitoring.yml');
    const s = at(compose, 'services') as Record<string, Record<string, unknown>>;
    expect(Object.keys(s)).toEqual(['prometheus', 'alertmanager', 'grafana']);
    expect(s.prometheus?.image).toBe('prom/prometheus:v2.55.1');
    expect(s.prometheus?.command).toEqual(
      expect.arrayContaining(['--storage.tsdb.retention.time=15d', '--storage.tsdb.retention.size=10GB']),
    );
    expect(s.grafana?.environment).toMatchObject({
      GF_SECURITY_ADMIN_PASSWORD__FILE: '/run/secrets/grafana_admin_password',
      GF_USERS_ALLOW_SIGN_UP: 'false',
      GF_AUTH_ANONYMOUS_ENABLED: 'false',
    });
    expect(s.grafana?.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(s.prometheus?.networks).toEqual(['monitoring']);

    const [prom] = g.yaml('monitoring/prometheus/prometheus.yml');
    expect(at(prom, 'rule_files')).toEqual(['rules/*.yml']);
    expect(at(prom, 'alerting', 'alertmanagers', 0, 'static_configs', 0, 'targets')).toEqual(['alertmanager:9093']);
    const jobs = (at(prom, 'scrape_configs') as { job_name: string }[]).map((j) => j.job_name);
    expect(jobs).toEqual(['prometheus', 'alertmanager', 'grafana', 'app']);

    const [am] = g.yaml('monitoring/alertmanager/alertmanager.yml');
    expect(at(am, 'route', 'routes', 0)).toMatchObject({ receiver: 'critical', matchers: ['severity="critical"'] });
    expect(at(am, 'inhibit_rules', 0)).toMatchObject({ source_matchers: ['severity="critical"'] });
    for (const r of at(am, 'receivers') as { slack_configs: { send_resolved: boolean }[] }[]) {
      expect(r.slack_configs.every((c) => c.send_resolved)).toBe(true);
    }

    const [ds] = g.yaml('monitoring/grafana/provisioning/datasources/prometheus.yml');
    expect(at(ds, 'datasources', 0, 'uid')).toBe('prometheus');
    expect(at(g.json('monitoring/grafana/dashboards/app-red.json'), 'uid')).toBe('app-red');
  });

  it('service, retention and channels options', () => {
    g = generate('monitoring', ['service=shop-api', 'service_port=9464', 'retention=30d', 'critical_channel=#pager']);
    expect(problems(g.result)).toEqual([]);
    const [prom] = g.yaml('monitoring/prometheus/prometheus.yml');
    expect(at(prom, 'scrape_configs', 3)).toMatchObject({
      job_name: 'shop-api',
      static_configs: [{ targets: ['shop-api:9464'] }],
    });
    expect(g.read('docker-compose.monitoring.yml')).toContain('--storage.tsdb.retention.time=30d');
    expect(
      at(g.yaml('monitoring/alertmanager/alertmanager.yml')[0], 'receivers', 1, 'slack_configs', 0, 'channel'),
    ).toBe('#pager');
    expect(g.paths).toContain('monitoring/prometheus/rules/shop-api.rules.yml');
  });
});
