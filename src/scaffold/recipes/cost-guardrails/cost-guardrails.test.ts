import { afterEach, describe, expect, it } from 'vitest';
import { type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run cost-guardrails', () => {
  it('budget with 50/80/100% notifications, tag policy, S3 lifecycle, log retention, remote state', () => {
    g = generate('cost-guardrails');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(
      [
        'README.md',
        'budget.tf',
        'locals.tf',
        'log-retention.tf',
        'outputs.tf',
        'providers.tf',
        's3-lifecycle.tf',
        'tag-policy.tf',
        'variables.tf',
        'versions.tf',
      ].map((f) => `cost-guardrails/${f}`),
    );
    const budget = g.read('cost-guardrails/budget.tf');
    expect(budget).toContain('for_each = toset([50, 80, 100])');
    expect(budget).toContain('notification_type          = "FORECASTED"');
    expect(g.read('cost-guardrails/tag-policy.tf')).toContain('type        = "TAG_POLICY"');
    expect(g.read('cost-guardrails/s3-lifecycle.tf')).toContain('storage_class = "GLACIER_IR"');
    expect(g.read('cost-guardrails/log-retention.tf')).toContain('retention_in_days = var.log_retention_days');
    expect(g.read('cost-guardrails/variables.tf')).toMatch(/variable "monthly_budget_usd" \{[^}]*default {5}= 1000/s);
    expect(g.read('cost-guardrails/versions.tf')).toContain('use_lockfile = true');
    expect(g.read('cost-guardrails/providers.tf')).toContain('"cost-center" = "cc-0000"');
  });

  it('budget, e-mail and retention options; retention must be a CloudWatch value', () => {
    g = generate('cost-guardrails', ['budget=250.5', 'email=ops@shop.example', 'log_retention_days=90']);
    expect(problems(g.result)).toEqual([]);
    const vars = g.read('cost-guardrails/variables.tf');
    expect(vars).toContain('default     = 250.5');
    expect(vars).toContain('default     = ["ops@shop.example"]');
    expect(vars).toMatch(/variable "log_retention_days" \{[^}]*default {5}= 90/s);
    expect(() => generate('cost-guardrails', ['log_retention_days=10'])).toThrow(
      '--set log_retention_days="10": must be one of 1, 3, 5',
    );
  });
});
