import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROD_PATTERN } from '../config/config.js';
import { IncidentConfigError, incidentSettingsFrom, loadIncidentSettings, prodMatcher } from './incident-config.js';
import { classify, DEFAULT_MATRIX } from './severity-matrix.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-incident-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the incident: section of .proagent-devops.yaml', () => {
  it('defaults to the documented matrix when absent', () => {
    const path = join(dir, '.proagent-devops.yaml');
    writeFileSync(path, 'rules:\n  DKR009: info\n');
    const settings = loadIncidentSettings(path);
    expect(settings.matrix).toEqual(DEFAULT_MATRIX);
    expect(settings.production).toBe(DEFAULT_PROD_PATTERN);
    expect(settings.source).toBe(path);
  });

  it('replaces criteria, merges response targets and alert mappings, reads slack and production', () => {
    const path = join(dir, '.proagent-devops.yaml');
    writeFileSync(
      path,
      [
        'production: "^(live|prd)$"',
        'incident:',
        '  severities:',
        '    SEV2:',
        '      criteria: [{ prod: true, usersAffectedAtLeast: 5 }]',
        '      response: { acknowledge: 10m, page: [on-call primary] }',
        '  alertSeverities: { critical: SEV1 }',
        '  slack: { channel: "#inc-shop" }',
        '  runbookBaseUrl: https://runbooks.example.com/shop',
        '',
      ].join('\n'),
    );
    const s = loadIncidentSettings(path);
    const sev2 = s.matrix.levels.find((l) => l.level === 'SEV2')!;
    expect(sev2.criteria).toEqual([{ prod: true, usersAffectedAtLeast: 5 }]);
    expect(sev2.response).toEqual({
      acknowledge: '10m',
      updateEvery: '1h',
      resolveWithin: '8h',
      page: ['on-call primary'],
      postmortem: { required: true, within: '5 business days' },
    });
    expect(s.matrix.alertSeverities).toMatchObject({ critical: 'SEV1', warning: 'SEV3' });
    expect(s.slackChannel).toBe('#inc-shop');
    expect(s.runbookBaseUrl).toBe('https://runbooks.example.com/shop');
    const isProd = prodMatcher(s);
    expect(classify({ env: 'live', usersAffected: 6 }, s.matrix, (n) => isProd(n)).level).toBe('SEV2');
    expect(classify({ env: 'prod', usersAffected: 6 }, s.matrix, (n) => isProd(n)).level).toBe('SEV4');
    // The defaults are not changed by an override.
    expect(DEFAULT_MATRIX.levels[1]?.response.acknowledge).toBe('15m');
  });

  it.each([
    [{ severities: { SEV5: {} } }, /incident\.severities: Unrecognized key: "SEV5"/],
    [
      { severities: { SEV1: { response: { acknowledge: 'soon' } } } },
      /incident\.severities\.SEV1\.response\.acknowledge: must be a duration/,
    ],
    [{ severities: { SEV1: { criteria: [{ usersAffectedAtLeast: 150 }] } } }, /usersAffectedAtLeast/],
    [{ severities: { SEV1: { criteria: [{ users: 5 }] } } }, /incident\.severities\.SEV1\.criteria\.0/],
    [{ alertSeverities: { critical: 'P1' } }, /incident\.alertSeverities\.critical/],
    [{ pager: true }, /incident: .*pager/i],
    [{ runbookBaseUrl: 'not a url' }, /incident\.runbookBaseUrl/],
  ])('rejects %j with a message naming the field', (section, message) => {
    expect(() => incidentSettingsFrom(section, 'cfg.yaml')).toThrow(IncidentConfigError);
    expect(() => incidentSettingsFrom(section, 'cfg.yaml')).toThrow(message);
  });

  it('reports unreadable and invalid files', () => {
    expect(() => loadIncidentSettings(join(dir, 'missing.yaml'))).toThrow(/cannot read .*missing\.yaml: ENOENT/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'incident: [\n');
    expect(() => loadIncidentSettings(bad)).toThrow(IncidentConfigError);
  });
});
