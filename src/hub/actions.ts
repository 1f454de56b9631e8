/**
 * Next actions: review findings grouped by rule, and missing artifacts, ranked by severity × blast radius
 * (production first). Each says how to fix it and, where one exists, which `run` recipe produces the artifact.
 */
import type { Project } from '../core/project.js';
import { type Rule, type RuleSettings, ruleFamily } from '../core/rule.js';
import { DOMAINS, type Domain, type Finding, SEVERITIES, type Severity } from '../core/types.js';
import { environmentOf } from '../models/environment.js';
import { k8sIndex } from '../models/k8s-index.js';
import { BLAST_RADIUS_WEIGHTS, FINDING_WEIGHTS } from './score.js';
import type { BlastRadius, Gap, NextAction } from './types.js';

/** The recipe whose output is the compliant version of what a rule family checks. */
const RECIPE_BY_FAMILY: Readonly<Record<string, string>> = {
  DKR: 'dockerfile',
  CMP: 'compose',
  K8S: 'k8s-app',
  KUS: 'k8s-app',
  HLM: 'helm-chart',
  GHA: 'github-actions',
  GLC: 'gitlab-ci',
  JNK: 'jenkins',
  PRM: 'alerts',
  AMG: 'monitoring',
  GRF: 'dashboard',
  TF: 'terraform-module',
  CST: 'cost-guardrails',
  GOP: 'gitops',
};
const RECIPE_BY_RULE: Readonly<Record<string, string>> = {
  TF001: 'terraform-backend',
  TF002: 'terraform-backend',
  TF013: 'terraform-backend',
  PRM009: 'monitoring',
  SEC003: 'external-secrets',
  SEC004: 'external-secrets',
  SEC005: 'github-actions',
  K8S009: 'external-secrets',
  CMP006: 'compose',
};

export const MAX_ACTIONS = 10;
const MAX_FILES = 5;

/** Where a file applies: prod (path, namespace or overlay matches the production pattern), named non-prod, or shared. */
export function blastRadiusOf(project: Project, settings: RuleSettings): (file: string) => BlastRadius {
  const cache = new Map<string, BlastRadius>();
  const namesOf = (file: string): string[] => {
    if (project.get(file)?.kind !== 'k8s') return [];
    const index = k8sIndex(project);
    return index.objects.filter((o) => o.path === file).flatMap((o) => index.prodNames(o));
  };
  return (file) => {
    const known = cache.get(file);
    if (known) return known;
    const names = namesOf(file);
    const env = environmentOf(file, settings, names);
    const radius: BlastRadius = env.prod || settings.isProd(...names) ? 'prod' : env.name ? 'non-prod' : 'shared';
    cache.set(file, radius);
    return radius;
  };
}

interface Candidate extends Omit<NextAction, 'rank'> {
  order: number;
}

export function nextActions(
  findings: readonly Finding[],
  gaps: readonly { domain: Domain; gap: Gap }[],
  rules: readonly Rule[],
  radiusOf: (file: string) => BlastRadius,
): NextAction[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.suppressed) continue;
    byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  }
  const meta = new Map(rules.map((r) => [r.id, r]));
  const candidates: Candidate[] = [];
  for (const [ruleId, group] of byRule) {
    const severity = worstSeverity(group.map((f) => f.severity));
    const radii = group.map((f) => radiusOf(f.file));
    const blastRadius = widestRadius(radii);
    const files = [...new Set(group.filter((_, i) => radii[i] === blastRadius).map((f) => f.file))];
    const others = [...new Set(group.map((f) => f.file))].filter((f) => !files.includes(f));
    const rule = meta.get(ruleId);
    const first = group[0] as Finding;
    const recipe = RECIPE_BY_RULE[ruleId] ?? RECIPE_BY_FAMILY[ruleFamily(ruleId)];
    const rollback = rule?.rollback ?? first.rollback;
    candidates.push({
      severity,
      domain: first.domain,
      blastRadius,
      priority: FINDING_WEIGHTS[severity] * BLAST_RADIUS_WEIGHTS[blastRadius],
      title: `${rule?.title ?? first.message} (${ruleId}, ${group.length} finding${group.length === 1 ? '' : 's'})`,
      ruleId,
      count: group.length,
      files: [...files, ...others].slice(0, MAX_FILES),
      fix: rule?.fix ?? first.fix ?? 'See the rule documentation.',
      ...(rollback ? { rollback } : {}),
      ...(recipe ? { recipe } : {}),
      order: DOMAINS.indexOf(first.domain),
    });
  }
  for (const { domain, gap } of gaps) {
    candidates.push({
      severity: gap.severity,
      domain,
      blastRadius: 'shared',
      priority: FINDING_WEIGHTS[gap.severity] * BLAST_RADIUS_WEIGHTS.shared,
      title: gap.message,
      gapId: gap.id,
      count: 0,
      files: [],
      fix: gap.fix,
      ...(gap.recipe ? { recipe: gap.recipe } : {}),
      ...(gap.command ? { command: gap.command } : {}),
      order: DOMAINS.indexOf(domain),
    });
  }
  candidates.sort(
    (a, b) =>
      b.priority - a.priority ||
      b.count - a.count ||
      a.order - b.order ||
      (a.ruleId ?? a.gapId ?? '').localeCompare(b.ruleId ?? b.gapId ?? ''),
  );
  return candidates.slice(0, MAX_ACTIONS).map(({ order: _order, ...c }, i) => ({ rank: i + 1, ...c }));
}

function worstSeverity(severities: readonly Severity[]): Severity {
  return SEVERITIES.find((s) => severities.includes(s)) ?? 'info';
}

function widestRadius(radii: readonly BlastRadius[]): BlastRadius {
  if (radii.includes('prod')) return 'prod';
  if (radii.includes('shared')) return 'shared';
  return 'non-prod';
}
