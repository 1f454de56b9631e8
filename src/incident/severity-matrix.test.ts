import { describe, expect, it } from 'vitest';
import { DEFAULT_PROD_PATTERN } from '../config/config.js';
import { classify, DEFAULT_MATRIX, type Impact, parseDuration, type SeverityLevel } from './severity-matrix.js';

const prod = new RegExp(DEFAULT_PROD_PATTERN, 'i');
const isProd = (name: string) => prod.test(name);
const level = (impact: Impact) => classify(impact, DEFAULT_MATRIX, isProd).level;

describe('classify: the default matrix, at its edges', () => {
  it.each<[string, Impact, SeverityLevel]>([
    ['prod down', { env: 'prod', state: 'down' }, 'SEV1'],
    ['prod data loss', { env: 'production', dataLoss: true }, 'SEV1'],
    ['prod security incident', { env: 'prod', security: true }, 'SEV1'],
    ['50% of users is SEV1', { env: 'prod', usersAffected: 50 }, 'SEV1'],
    ['49% of users is SEV2', { env: 'prod', usersAffected: 49 }, 'SEV2'],
    ['high revenue impact', { env: 'prod', revenueImpact: 'high' }, 'SEV1'],
    ['medium revenue impact', { env: 'prod', revenueImpact: 'medium' }, 'SEV2'],
    ['10% of users is SEV2', { env: 'prod', state: 'degraded', usersAffected: 10 }, 'SEV2'],
    ['9% of users, degraded, is SEV3', { env: 'prod', state: 'degraded', usersAffected: 9 }, 'SEV3'],
    ['1% of users is SEV3', { env: 'prod', usersAffected: 1 }, 'SEV3'],
    ['0.5% of users, nothing else, is SEV4', { env: 'prod', usersAffected: 0.5 }, 'SEV4'],
    ['low revenue impact', { env: 'prod', revenueImpact: 'low' }, 'SEV3'],
    ['security outside prod is SEV2', { env: 'staging', security: true }, 'SEV2'],
    ['staging down is SEV3', { env: 'staging', state: 'down' }, 'SEV3'],
    ['staging data loss is SEV3', { env: 'staging', dataLoss: true }, 'SEV3'],
    ['staging degraded is SEV4', { env: 'staging', state: 'degraded', usersAffected: 80 }, 'SEV4'],
    ['nothing known, prod assumed', {}, 'SEV4'],
    ['no env: prod assumed', { state: 'down' }, 'SEV1'],
    ['env names match the production pattern', { env: 'shop-prod', state: 'down' }, 'SEV1'],
    ['"preprod" is not production', { env: 'preprod', state: 'down' }, 'SEV3'],
  ])('%s → %s', (_name, impact, expected) => {
    expect(level(impact)).toBe(expected);
  });

  it('explains the matched criterion and what it assumed', () => {
    expect(classify({ usersAffected: 12, state: 'degraded' }, DEFAULT_MATRIX, isProd)).toMatchObject({
      level: 'SEV2',
      rationale: ['production is production, 12% of users are affected (at least 10%)'],
      assumptions: ['No --env given: assumed production.'],
    });
    expect(classify({ env: 'prod', state: 'down' }, DEFAULT_MATRIX, isProd).rationale).toEqual([
      '`prod` is production, the service is down',
    ]);
    expect(classify({ env: 'dev' }, DEFAULT_MATRIX, isProd).rationale).toEqual([
      'No criterion of SEV1, SEV2, SEV3 matched the impact.',
    ]);
  });

  it('gives each severity its response targets', () => {
    const sev1 = classify({ env: 'prod', state: 'down' }, DEFAULT_MATRIX, isProd).definition.response;
    expect(sev1).toEqual({
      acknowledge: '5m',
      updateEvery: '30m',
      resolveWithin: '4h',
      page: [
        'on-call primary',
        'on-call secondary',
        'incident commander',
        'engineering manager',
        'communications lead',
      ],
      postmortem: { required: true, within: '2 business days' },
    });
    const sev4 = classify({ env: 'dev' }, DEFAULT_MATRIX, isProd).definition.response;
    expect(sev4.page).toEqual([]);
    expect(sev4.postmortem).toEqual({ required: false });
    for (const l of DEFAULT_MATRIX.levels) {
      for (const d of [l.response.acknowledge, l.response.updateEvery, l.response.resolveWithin]) {
        expect(parseDuration(d), d).toBeGreaterThan(0);
      }
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['5m', 5],
    ['1h', 60],
    ['1.5h', 90],
    ['2d', 2880],
    ['1w', 10080],
    ['30 minutes', 30],
    ['soon', undefined],
    ['', undefined],
  ])('%s → %s minutes', (text, minutes) => expect(parseDuration(text)).toBe(minutes));
});
