import { describe, expect, it } from 'vitest';
import { defaultConfig, ruleSettings } from '../config/config.js';
import {
  environmentFromPath,
  environmentOf,
  environmentTier,
  isEnvironmentName,
  isPreProdName,
  isProdPath,
} from './environment.js';

const settings = ruleSettings(defaultConfig());

describe('environmentFromPath', () => {
  it.each([
    ['infra/envs/staging/main.tf', 'staging'],
    ['environments/prod-eu/main.tf', 'prod-eu'],
    ['k8s/overlays/production/kustomization.yaml', 'production'],
    ['infra/dev.tfvars', 'dev'],
    ['infra/prod.auto.tfvars.json', 'prod'],
    ['chart/values-staging.yaml', 'staging'],
    ['docker-compose.prod.yml', 'prod'],
    ['terraform/staging/network/main.tf', 'staging'],
    ['infra/terraform.tfvars', undefined],
    ['infra/common.tfvars', undefined],
    ['src/test/main.tf', undefined],
    ['modules/vpc/main.tf', undefined],
  ])('%s → %s', (path, env) => {
    expect(environmentFromPath(path)).toBe(env);
  });
});

describe('environmentOf', () => {
  it('prefers an extra name that is an environment, and is prod when anything matches the pattern', () => {
    expect(environmentOf('k8s/app/deploy.yaml', settings, ['shop-prod'])).toEqual({ name: 'shop-prod', prod: true });
    expect(environmentOf('envs/staging/main.tf', settings, ['shop'])).toEqual({ name: 'staging', prod: false });
    expect(environmentOf('deploy/live/app.yaml', settings)).toEqual({ name: undefined, prod: true });
    expect(environmentOf('app/main.tf', settings)).toEqual({ name: undefined, prod: false });
  });

  it('recognises environment names and prod paths', () => {
    expect(isEnvironmentName('eu-prod')).toBe(true);
    expect(isEnvironmentName('payments')).toBe(false);
    expect(isProdPath('infra/production/main.tf', settings)).toBe(true);
    expect(isProdPath('infra/products/main.tf', settings)).toBe(false);
  });
});

describe('environmentTier', () => {
  it.each([
    ['k8s/overlays/staging/kustomization.yaml', [], 'pre-prod'],
    ['k8s/overlays/pre-prod/kustomization.yaml', [], 'pre-prod'],
    ['k8s/overlays/prod/kustomization.yaml', [], 'prod'],
    ['argocd/web.yaml', ['shop-uat'], 'pre-prod'],
    ['argocd/web.yaml', ['shop-prod'], 'prod'],
    ['chart/values-dev.yaml', [], 'other'],
    ['chart/values.yaml', [], 'other'],
  ] as const)('%s %j → %s', (path, extra, tier) => {
    expect(environmentTier(environmentOf(path, settings, extra))).toBe(tier);
  });

  it('recognises pre-production names', () => {
    expect(isPreProdName('stg-eu')).toBe(true);
    expect(isPreProdName('preproduction')).toBe(true);
    expect(isPreProdName('prod')).toBe(false);
    expect(isPreProdName('stagecoach')).toBe(false);
  });
});
