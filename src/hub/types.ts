/** The hub's report: posture per domain, an overall score, and ranked next actions. Shape of `hub --format json`. */
import type { Domain, Severity } from '../core/types.js';

export const HUB_REPORT_VERSION = 1;

/** One kind of thing found in a domain, with the files that show it (repo-relative, sorted). */
export interface Evidence {
  /** Stable identifier, e.g. `github-workflows`, `terraform-backends`, `secret-scanner`. */
  id: string;
  /** What it is, for people: `GitHub Actions workflows`, `remote state backend (s3)`. */
  label: string;
  files: string[];
}

/** Something a domain is expected to have and does not. */
export interface Gap {
  id: string;
  severity: Severity;
  message: string;
  fix: string;
  /** The `run` recipe that produces the missing artifact, when one does. */
  recipe?: string;
  /** A command that produces it when it is not a recipe (`proagent-devops incident runbook …`). */
  command?: string;
}

export type DomainStatus = 'good' | 'fair' | 'poor' | 'absent';
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface DomainReport {
  id: Domain;
  title: string;
  score: number;
  grade: Grade;
  status: DomainStatus;
  /** Distinct files that are artifacts of the domain (the normaliser of the findings penalty). */
  artifacts: number;
  evidence: Evidence[];
  /** Unsuppressed review findings in the domain. */
  findings: Record<Severity, number>;
  gaps: Gap[];
  /** How the score was computed (points), so the report can show its working. */
  breakdown: { findingsScore: number; penaltyPerArtifact: number; gapPenalty: number };
}

export type BlastRadius = 'prod' | 'shared' | 'non-prod';

export interface NextAction {
  rank: number;
  severity: Severity;
  domain: Domain;
  blastRadius: BlastRadius;
  /** Severity weight × blast-radius weight: the ranking key. */
  priority: number;
  title: string;
  /** The rule behind it (finding actions) or the gap's id (missing artifacts). */
  ruleId?: string;
  gapId?: string;
  /** Findings covered by the action (0 for gaps). */
  count: number;
  files: string[];
  fix: string;
  rollback?: string;
  recipe?: string;
  command?: string;
}

export interface HubReport {
  version: typeof HUB_REPORT_VERSION;
  tool: { name: string; version: string };
  root: string;
  overall: { score: number; grade: Grade };
  domains: DomainReport[];
  nextActions: NextAction[];
  summary: { files: number; findings: number; bySeverity: Record<Severity, number>; suppressed: number };
  method: string;
}
