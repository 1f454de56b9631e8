import { describe, expect, it } from 'vitest';
import { gradeOf, overallScore, scoreDomain, statusOf } from './score.js';
import type { Gap } from './types.js';

const gap = (severity: Gap['severity']): Gap => ({ id: `g-${severity}`, severity, message: '', fix: '' });
const none = { error: 0, warning: 0, info: 0 };

describe('scoreDomain', () => {
  it.each([
    { name: 'clean, nothing missing', findings: none, artifacts: 3, gaps: [], score: 100, findingsScore: 100 },
    {
      name: 'one error per artifact halves it',
      findings: { ...none, error: 2 },
      artifacts: 2,
      gaps: [],
      score: 50,
      findingsScore: 50,
    },
    {
      name: 'one warning per artifact',
      findings: { ...none, warning: 1 },
      artifacts: 1,
      gaps: [],
      score: 71,
      findingsScore: 71,
    },
    {
      name: 'one info per artifact',
      findings: { ...none, info: 1 },
      artifacts: 1,
      gaps: [],
      score: 91,
      findingsScore: 91,
    },
    {
      name: 'normalised by artifacts',
      findings: { ...none, error: 1 },
      artifacts: 10,
      gaps: [],
      score: 91,
      findingsScore: 91,
    },
    {
      name: 'gaps take fixed points',
      findings: none,
      artifacts: 1,
      gaps: [gap('warning'), gap('info')],
      score: 80,
      findingsScore: 100,
    },
    {
      name: 'clamped at 0',
      findings: { ...none, error: 5 },
      artifacts: 1,
      gaps: [gap('error')],
      score: 0,
      findingsScore: 17,
    },
    {
      name: 'absent domain scores 0',
      findings: none,
      artifacts: 0,
      gaps: [gap('warning')],
      score: 0,
      findingsScore: 0,
    },
  ])('$name', ({ findings, artifacts, gaps, score, findingsScore }) => {
    const s = scoreDomain(findings, artifacts, gaps);
    expect(s.score).toBe(score);
    expect(s.findingsScore).toBe(findingsScore);
  });

  it('shows its working', () => {
    expect(scoreDomain({ error: 1, warning: 2, info: 3 }, 3, [gap('info')])).toEqual({
      score: 54,
      findingsScore: 59,
      penaltyPerArtifact: 7,
      gapPenalty: 5,
    });
  });
});

describe('grades, status, overall', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89, 'B'],
    [75, 'B'],
    [74, 'C'],
    [60, 'C'],
    [59, 'D'],
    [40, 'D'],
    [39, 'F'],
    [0, 'F'],
  ])('%i is grade %s', (score, grade) => expect(gradeOf(score)).toBe(grade));

  it.each([
    [80, 1, 'good'],
    [79, 1, 'fair'],
    [50, 1, 'fair'],
    [49, 1, 'poor'],
    [100, 0, 'absent'],
  ])('score %i with %i artifacts is %s', (score, artifacts, status) => expect(statusOf(score, artifacts)).toBe(status));

  it('overall is the rounded mean of the domains, absent ones included as 0', () => {
    expect(overallScore([100, 100, 0, 0, 0, 0, 0, 0, 0])).toBe(22);
    expect(overallScore([])).toBe(0);
  });
});
