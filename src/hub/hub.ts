/**
 * `hub`: where a repository stands in each of the nine domains, and what to do next. Detection reads the
 * classified project and the models; scores come from the review findings of each domain and from what is
 * missing; next actions are ranked by severity × blast radius. See docs/hub.md for the method.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { type Config, defaultConfig, RuleLevels, ruleSettings } from '../config/config.js';
import { lint } from '../core/engine.js';
import type { Project } from '../core/project.js';
import type { Rule, RuleSettings } from '../core/rule.js';
import { DOMAINS, type Domain, type Finding, SEVERITIES, type Severity } from '../core/types.js';
import { TOOL_NAME } from '../report/json.js';
import { loadProject, type ReviewResult, selectRules } from '../review.js';
import { RULES } from '../rules/registry.js';
import { blastRadiusOf, nextActions } from './actions.js';
import { type DetectContext, type DomainFindings, detectContext } from './detect-context.js';
import { detectCicd, detectContainers, detectGitops } from './detect-delivery.js';
import { detectCloud, detectCost, detectIac } from './detect-infra.js';
import { detectIncident, detectObservability, detectSecrets } from './detect-operations.js';
import { DOMAIN_TITLES } from './domains.js';
import { gradeOf, overallScore, scoreDomain, statusOf } from './score.js';
import { type DomainReport, HUB_REPORT_VERSION, type HubReport } from './types.js';

export { DOMAIN_TITLES };

const DETECTORS: Readonly<Record<Domain, (ctx: DetectContext) => DomainFindings>> = {
  cicd: detectCicd,
  containers: detectContainers,
  iac: detectIac,
  observability: detectObservability,
  incident: detectIncident,
  cloud: detectCloud,
  secrets: detectSecrets,
  gitops: detectGitops,
  cost: detectCost,
};

export const SCORING_METHOD = 'docs/hub.md';

export interface HubOptions {
  /** The repository (or sub-directory) to assess; reported paths are relative to it. */
  path: string;
  config?: Config;
  toolVersion: string;
  rules?: readonly Rule[];
  onRuleError?: (rule: Rule, file: string | undefined, error: unknown) => void;
}

export interface HubRun {
  report: HubReport;
  /** The review behind the scores (the HTML report lists its findings). */
  review: ReviewResult;
}

/** Reviews and assesses a directory. */
export function hub(options: HubOptions): HubRun {
  const started = performance.now();
  const root = resolve(options.path);
  const config = options.config ?? defaultConfig();
  const project = loadProject({ paths: [root], root, config });
  const configDir = config.path ? dirname(config.path) : root;
  const toConfigPath = (file: string) => relative(configDir, resolve(root, file)).split(sep).join('/');
  const levels = new RuleLevels(config, toConfigPath);
  const all = options.rules ?? RULES;
  const settings = ruleSettings(config);
  // The same review as `review PATH` (levels, suppressions): the hub scores what the review reports.
  const findings = lint(project, selectRules(all, levels), {
    settings,
    levelFor: (id, file) => levels.levelFor(id, file),
    knownRuleIds: new Set(all.map((r) => r.id)),
    ...(options.onRuleError ? { onRuleError: options.onRuleError } : {}),
  });
  const report = assessProject(project, findings, { root, settings, rules: all, toolVersion: options.toolVersion });
  const review: ReviewResult = {
    root,
    files: project.files.length,
    findings,
    skipped: [...project.skipped],
    durationMs: Math.round(performance.now() - started),
  };
  return { report, review };
}

export interface AssessOptions {
  root: string;
  settings: RuleSettings;
  rules: readonly Rule[];
  toolVersion: string;
}

/** The hub report of an already reviewed project (pure: the project and its findings in, the report out). */
export function assessProject(project: Project, findings: readonly Finding[], options: AssessOptions): HubReport {
  const ctx = detectContext(project, options.settings);
  const active = findings.filter((f) => !f.suppressed);
  const domains: DomainReport[] = DOMAINS.map((id) => {
    const detected = DETECTORS[id](ctx);
    const mine = active.filter((f) => f.domain === id);
    const counts = countBySeverity(mine);
    // Files with findings are artifacts of the domain too (a committed .env is a secrets artifact, a bad one).
    const artifacts = new Set([...detected.artifactFiles, ...mine.map((f) => f.file)]);
    const score = scoreDomain(counts, artifacts.size, detected.gaps);
    return {
      id,
      title: DOMAIN_TITLES[id],
      score: score.score,
      grade: gradeOf(score.score),
      status: statusOf(score.score, artifacts.size),
      artifacts: artifacts.size,
      evidence: detected.evidence,
      findings: counts,
      gaps: detected.gaps,
      breakdown: {
        findingsScore: score.findingsScore,
        penaltyPerArtifact: score.penaltyPerArtifact,
        gapPenalty: score.gapPenalty,
      },
    };
  });
  const overall = overallScore(domains.map((d) => d.score));
  const gaps = domains.flatMap((d) => d.gaps.map((gap) => ({ domain: d.id, gap })));
  return {
    version: HUB_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    root: options.root,
    overall: { score: overall, grade: gradeOf(overall) },
    domains,
    nextActions: nextActions(active, gaps, options.rules, blastRadiusOf(project, options.settings)),
    summary: {
      files: project.files.length,
      findings: active.length,
      bySeverity: countBySeverity(active),
      suppressed: findings.length - active.length,
    },
    method: SCORING_METHOD,
  };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) out[f.severity]++;
  return out;
}
