/**
 * The hub's scoring method (documented in docs/hub.md; change both together). Pure arithmetic on counts, so
 * that the same repository always gets the same score and the report can show its working.
 */
import type { Severity } from '../core/types.js';
import type { BlastRadius, DomainStatus, Gap, Grade } from './types.js';

/** Penalty points of one unsuppressed finding. */
export const FINDING_WEIGHTS: Readonly<Record<Severity, number>> = { error: 10, warning: 4, info: 1 };
/** Points a missing artifact takes off the domain's score. */
export const GAP_WEIGHTS: Readonly<Record<Severity, number>> = { error: 30, warning: 15, info: 5 };
/** Penalty per artifact at which the findings part of a score is halved. */
export const HALF_SCORE_PENALTY = 10;
/** Ranking multiplier of where an action applies: production first. */
export const BLAST_RADIUS_WEIGHTS: Readonly<Record<BlastRadius, number>> = { prod: 3, shared: 2, 'non-prod': 1 };

export interface DomainScore {
  score: number;
  findingsScore: number;
  penaltyPerArtifact: number;
  gapPenalty: number;
}

/**
 * `findingsScore = 100 × H / (H + penalty per artifact)`: a clean domain keeps 100, one error per artifact
 * halves it, and it never reaches 0 (a noisy domain still ranks by how noisy). Missing artifacts then take
 * fixed points off. A domain with no artifact and no finding scores 0: nothing of it exists.
 */
export function scoreDomain(
  findings: Readonly<Record<Severity, number>>,
  artifacts: number,
  gaps: readonly Gap[],
): DomainScore {
  const penalty =
    findings.error * FINDING_WEIGHTS.error +
    findings.warning * FINDING_WEIGHTS.warning +
    findings.info * FINDING_WEIGHTS.info;
  const penaltyPerArtifact = round1(penalty / Math.max(1, artifacts));
  const findingsScore =
    artifacts === 0 ? 0 : Math.round((100 * HALF_SCORE_PENALTY) / (HALF_SCORE_PENALTY + penalty / artifacts));
  const gapPenalty = gaps.reduce((sum, g) => sum + GAP_WEIGHTS[g.severity], 0);
  const score = artifacts === 0 ? 0 : clamp(findingsScore - gapPenalty);
  return { score, findingsScore, penaltyPerArtifact, gapPenalty };
}

/** The overall score: the mean of the nine domain scores (an absent domain counts as 0). */
export function overallScore(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'F';
}

export function statusOf(score: number, artifacts: number): DomainStatus {
  if (artifacts === 0) return 'absent';
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
