import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, findConfigFile, loadConfig, ruleSettings } from '../config/config.js';
import { DOMAINS } from '../core/types.js';
import { projectFromSources, reviewSources } from '../review.js';
import { RULES } from '../rules/registry.js';
import { RECIPES } from '../scaffold/recipes/index.js';
import { assessProject, hub } from './hub.js';
import { renderHubJson, renderHubText, TEXT_MAX_COLUMNS, TEXT_MAX_LINES } from './render.js';
import type { HubReport } from './types.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

function assess(dir: string): HubReport {
  const path = `${examples}${dir}`;
  const configPath = findConfigFile(path);
  const config = configPath ? loadConfig(configPath, new Set(RULES.map((r) => r.id))) : defaultConfig();
  return hub({ path, config, toolVersion: '9.9.9' }).report;
}

/** Assesses in-memory files (the whole catalog runs on them, as `hub` would). */
function assessSources(files: Record<string, string>): HubReport {
  const settings = ruleSettings(defaultConfig());
  return assessProject(projectFromSources(files), reviewSources(files), {
    root: '/repo',
    settings,
    rules: RULES,
    toolVersion: '9.9.9',
  });
}

const domain = (r: HubReport, id: string) => r.domains.find((d) => d.id === id)!;
const evidence = (r: HubReport, d: string, id: string) => domain(r, d).evidence.find((e) => e.id === id)?.files;

let insecure: HubReport;
let hardened: HubReport;
beforeAll(() => {
  insecure = assess('insecure-shop');
  hardened = assess('hardened-shop');
});

describe('hub on the examples', () => {
  it('has the stable version 1 shape with every domain in DOMAINS order', () => {
    for (const r of [insecure, hardened]) {
      expect(Object.keys(r)).toEqual([
        'version',
        'tool',
        'root',
        'overall',
        'domains',
        'nextActions',
        'summary',
        'method',
      ]);
      expect(r.version).toBe(1);
      expect(r.tool).toEqual({ name: 'proagent-devops', version: '9.9.9' });
      expect(r.method).toBe('docs/hub.md');
      expect(r.domains.map((d) => d.id)).toEqual([...DOMAINS]);
      for (const d of r.domains) {
        expect(Object.keys(d)).toEqual([
          'id',
          'title',
          'score',
          'grade',
          'status',
          'artifacts',
          'evidence',
          'findings',
          'gaps',
          'breakdown',
        ]);
        expect(d.score).toBeGreaterThanOrEqual(0);
        expect(d.score).toBeLessThanOrEqual(100);
      }
      expect(JSON.parse(renderHubJson(r))).toEqual(r);
    }
  });

  it('finds every domain in both examples, with the evidence files', () => {
    for (const r of [insecure, hardened]) {
      expect(r.domains.filter((d) => d.status === 'absent').map((d) => d.id)).toEqual([]);
      expect(evidence(r, 'cicd', 'github-workflows')).toEqual(expect.arrayContaining(['.github/workflows/ci.yml']));
      expect(evidence(r, 'containers', 'dockerfiles')).toEqual(
        expect.arrayContaining(['api/Dockerfile', 'web/Dockerfile']),
      );
      expect(evidence(r, 'observability', 'alert-rules')).toEqual(expect.arrayContaining(['monitoring/alerts.yml']));
    }
    expect(evidence(hardened, 'cicd', 'ci-trivy')).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', 'Jenkinsfile']),
    );
    expect(evidence(insecure, 'cicd', 'ci-trivy')).toBeUndefined();
    expect(evidence(hardened, 'observability', 'slos')).toEqual(['monitoring/alerts.yml']);
    expect(evidence(insecure, 'observability', 'slos')).toBeUndefined();
    expect(evidence(hardened, 'incident', 'paging')).toEqual(['monitoring/alertmanager.yml']);
    expect(evidence(hardened, 'secrets', 'secret-scanners')).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml']),
    );
    expect(evidence(hardened, 'cloud', 'ci-oidc')).toEqual(expect.arrayContaining(['.github/workflows/deploy.yml']));
    expect(domain(insecure, 'cloud').gaps.map((g) => g.id)).toContain('static-cloud-keys');
    expect(domain(hardened, 'cloud').gaps.map((g) => g.id)).not.toContain('static-cloud-keys');
    expect(domain(insecure, 'incident').gaps.map((g) => g.id)).toEqual(
      expect.arrayContaining(['no-runbooks', 'no-postmortem-template', 'no-paging']),
    );
  });

  it('scores the hardened shop higher in every domain where it has artifacts, and overall', () => {
    for (const d of hardened.domains) {
      if (d.artifacts === 0) continue;
      expect(d.score, d.id).toBeGreaterThan(domain(insecure, d.id).score);
    }
    expect(hardened.overall.score).toBeGreaterThan(insecure.overall.score + 25);
    expect(domain(hardened, 'containers')).toMatchObject({ score: 100, grade: 'A', status: 'good' });
    expect(domain(insecure, 'containers').status).toBe('poor');
  });

  it('counts the review findings per domain exactly as the review does', () => {
    const total = insecure.domains.reduce((n, d) => n + d.findings.error + d.findings.warning + d.findings.info, 0);
    expect(total).toBe(insecure.summary.findings);
    expect(hardened.summary.findings).toBe(0);
  });

  it('ranks next actions by severity × blast radius: prod errors first, then shared gaps', () => {
    const top = insecure.nextActions;
    expect(top).toHaveLength(10);
    expect(top.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.priority).toBeGreaterThanOrEqual(top[i]!.priority);
    expect(top.every((a) => a.blastRadius === 'prod' && a.severity === 'error' && a.ruleId !== undefined)).toBe(true);
    expect(top[0]).toMatchObject({ severity: 'error', blastRadius: 'prod', priority: 30 });
    // With nothing to fix, the hardened shop's actions are what is missing: warnings before info, each with a way to add it.
    expect(hardened.nextActions.every((a) => a.gapId !== undefined && a.count === 0)).toBe(true);
    const severities = hardened.nextActions.map((a) => a.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'warning' ? -1 : 1)));
    for (const a of hardened.nextActions) expect(a.fix.length).toBeGreaterThan(0);
  });

  it('names only recipes that exist', () => {
    const names = new Set(RECIPES.map((r) => r.name));
    for (const r of [insecure, hardened]) {
      for (const a of r.nextActions) if (a.recipe) expect(names.has(a.recipe), a.recipe).toBe(true);
      for (const d of r.domains) for (const g of d.gaps) if (g.recipe) expect(names.has(g.recipe), g.recipe).toBe(true);
    }
  });

  it('prints one screen of text: at most 40 lines of at most 100 columns, no colour unless asked', () => {
    for (const r of [insecure, hardened]) {
      const text = renderHubText(r, { label: 'examples/shop' });
      const lines = text.trimEnd().split('\n');
      expect(lines.length).toBeLessThanOrEqual(TEXT_MAX_LINES);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(TEXT_MAX_COLUMNS);
      expect(text).not.toMatch(/\x1b\[/);
      expect(lines[0]).toMatch(/^proagent-devops hub {2}examples\/shop .* overall \d+\/100 \([A-F]\)$/);
    }
    const coloured = renderHubText(insecure, { color: true });
    expect(coloured).toMatch(/\x1b\[31m/);
    for (const line of coloured.split('\n')) {
      expect(line.replace(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(TEXT_MAX_COLUMNS);
    }
  });
});

describe('hub detection beyond the examples', () => {
  it('finds Terraform roots, backends, cloud services, budgets and lifecycle rules', () => {
    const r = assessSources({
      'infra/prod/main.tf': [
        'terraform {',
        '  required_version = ">= 1.6"',
        '  backend "s3" {',
        '    bucket         = "acme-tf-state"',
        '    key            = "prod/terraform.tfstate"',
        '    region         = "eu-west-1"',
        '    dynamodb_table = "tf-locks"',
        '    encrypt        = true',
        '  }',
        '}',
        'provider "aws" {',
        '  region = "eu-west-1"',
        '  default_tags {',
        '    tags = { project = "shop", environment = "prod", team = "web", cost-center = "42" }',
        '  }',
        '}',
        'resource "aws_eks_cluster" "main" {',
        '  name     = "shop"',
        '  role_arn = "arn:aws:iam::1:role/eks"',
        '  vpc_config { subnet_ids = ["subnet-1"] }',
        '}',
        'resource "aws_budgets_budget" "monthly" {',
        '  budget_type  = "COST"',
        '  limit_amount = "1000"',
        '  limit_unit   = "USD"',
        '  time_unit    = "MONTHLY"',
        '}',
        '',
      ].join('\n'),
    });
    expect(evidence(r, 'iac', 'terraform')).toEqual(['infra/prod/main.tf']);
    expect(domain(r, 'iac').evidence.find((e) => e.id === 'terraform-backends')?.label).toBe(
      'remote state backends (s3)',
    );
    expect(domain(r, 'iac').gaps.map((g) => g.id)).toEqual(['no-provider-lock']);
    expect(evidence(r, 'cloud', 'aws-eks')).toEqual(['infra/prod/main.tf']);
    expect(evidence(r, 'cost', 'budgets')).toEqual(['infra/prod/main.tf']);
    expect(evidence(r, 'cost', 'tag-policy')).toEqual(['infra/prod/main.tf']);
    expect(domain(r, 'cost').gaps).toEqual([]);
    expect(domain(r, 'cloud').gaps).toEqual([]);
  });

  it('finds Argo CD, incident docs and severity definitions; an empty repository has every domain absent', () => {
    const r = assessSources({
      'deploy/argocd/shop.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-prod\n  namespace: argocd\nspec:\n  project: shop\n',
      'docs/runbooks/api-down.md': '# API down\n',
      'docs/postmortems/template.md': '# Postmortem\n',
      'docs/on-call.md': '# On-call\n',
      'docs/incident-process.md': '# Severities\n\nSEV1: outage.\nSEV2: degraded.\n',
    });
    expect(evidence(r, 'gitops', 'argocd')).toEqual(['deploy/argocd/shop.yaml']);
    expect(evidence(r, 'incident', 'runbooks')).toEqual(['docs/runbooks/api-down.md']);
    expect(evidence(r, 'incident', 'postmortem-templates')).toEqual(['docs/postmortems/template.md']);
    expect(evidence(r, 'incident', 'on-call')).toEqual(['docs/on-call.md']);
    expect(evidence(r, 'incident', 'severity-definitions')).toEqual(['docs/incident-process.md']);
    expect(domain(r, 'incident').gaps).toEqual([]);

    const empty = assessSources({});
    expect(empty.domains.map((d) => d.status)).toEqual(DOMAINS.map(() => 'absent'));
    expect(empty.overall).toEqual({ score: 0, grade: 'F' });
    expect(domain(empty, 'cicd').gaps.map((g) => [g.id, g.severity, g.recipe])).toEqual([
      ['no-ci', 'error', 'github-actions'],
    ]);
  });
});
