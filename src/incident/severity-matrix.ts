/**
 * The incident severity matrix, as data: what makes an incident SEV1–SEV4 and the response each severity
 * gets. Documented in docs/incident.md; overridable per repository in the `incident:` section of
 * `.proagent-devops.yaml` (incident-config.ts). `classify` is a pure function of the matrix and the impact.
 */

export const SEVERITY_LEVELS = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export const REVENUE_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RevenueImpact = (typeof REVENUE_LEVELS)[number];

export type ServiceState = 'down' | 'degraded' | 'ok';

/** What is known about an incident's impact (the `classify` flags). */
export interface Impact {
  /** Share of users affected, in percent (0–100). */
  usersAffected?: number;
  revenueImpact?: RevenueImpact;
  dataLoss?: boolean;
  security?: boolean;
  state?: ServiceState;
  /** Environment name; production is decided by the configured production pattern. */
  env?: string;
}

/** One way to reach a severity: every condition given must hold. */
export interface Criterion {
  prod?: boolean;
  state?: 'down' | 'degraded';
  usersAffectedAtLeast?: number;
  revenueImpactAtLeast?: Exclude<RevenueImpact, 'none'>;
  dataLoss?: boolean;
  security?: boolean;
}

export interface ResponseTargets {
  /** Durations: `5m`, `1h`, `1d` (see parseDuration). */
  acknowledge: string;
  updateEvery: string;
  resolveWithin: string;
  /** Who is paged, in escalation order. Empty: no page (a ticket to the owning team). */
  page: string[];
  postmortem: { required: boolean; within?: string };
}

export interface SeverityDefinition {
  level: SeverityLevel;
  name: string;
  description: string;
  /** Any criterion matching gives this severity. The last level is the fallback and needs none. */
  criteria: Criterion[];
  response: ResponseTargets;
}

export interface SeverityMatrix {
  levels: SeverityDefinition[];
  /** Incident severity an alert's `severity` label maps to (runbooks' escalation section). */
  alertSeverities: Record<string, SeverityLevel>;
}

export const DEFAULT_MATRIX: SeverityMatrix = {
  levels: [
    {
      level: 'SEV1',
      name: 'Critical',
      description: 'Production is down, data is lost or exposed, or most users or revenue are hit.',
      criteria: [
        { prod: true, state: 'down' },
        { prod: true, dataLoss: true },
        { prod: true, security: true },
        { prod: true, usersAffectedAtLeast: 50 },
        { prod: true, revenueImpactAtLeast: 'high' },
      ],
      response: {
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
      },
    },
    {
      level: 'SEV2',
      name: 'Major',
      description: 'Production is degraded for a significant share of users, or a security issue outside production.',
      criteria: [
        { prod: true, usersAffectedAtLeast: 10 },
        { prod: true, revenueImpactAtLeast: 'medium' },
        { security: true },
      ],
      response: {
        acknowledge: '15m',
        updateEvery: '1h',
        resolveWithin: '8h',
        page: ['on-call primary', 'incident commander'],
        postmortem: { required: true, within: '5 business days' },
      },
    },
    {
      level: 'SEV3',
      name: 'Minor',
      description: 'Limited impact: a degraded feature for few users, or a non-production outage or data loss.',
      criteria: [
        { prod: true, state: 'degraded' },
        { prod: true, usersAffectedAtLeast: 1 },
        { prod: true, revenueImpactAtLeast: 'low' },
        { state: 'down' },
        { dataLoss: true },
      ],
      response: {
        acknowledge: '1h',
        updateEvery: '4h',
        resolveWithin: '3d',
        page: ['on-call primary (business hours)'],
        postmortem: { required: false, within: '10 business days' },
      },
    },
    {
      level: 'SEV4',
      name: 'Low',
      description: 'No user impact: non-production degradation, cosmetic issues, near misses.',
      criteria: [],
      response: {
        acknowledge: '1d',
        updateEvery: '1d',
        resolveWithin: '14d',
        page: [],
        postmortem: { required: false },
      },
    },
  ],
  alertSeverities: { critical: 'SEV2', page: 'SEV2', warning: 'SEV3', info: 'SEV4', none: 'SEV4' },
};

export interface Classification {
  level: SeverityLevel;
  definition: SeverityDefinition;
  /** Why: the conditions of the criterion that matched, in words. */
  rationale: string[];
  /** What was assumed because it was not given. */
  assumptions: string[];
}

/** The first severity (most severe first) with a matching criterion; the last level otherwise. */
export function classify(impact: Impact, matrix: SeverityMatrix, isProd: (name: string) => boolean): Classification {
  const assumptions: string[] = [];
  let prod: boolean;
  if (impact.env === undefined || impact.env === '') {
    prod = true;
    assumptions.push('No --env given: assumed production.');
  } else {
    prod = isProd(impact.env);
  }
  const facts = { ...impact, prod };
  for (const definition of matrix.levels) {
    for (const criterion of definition.criteria) {
      if (matches(criterion, facts)) {
        return { level: definition.level, definition, rationale: explain(criterion, facts), assumptions };
      }
    }
  }
  const fallback = matrix.levels[matrix.levels.length - 1] as SeverityDefinition;
  const higher = matrix.levels.filter((l) => l !== fallback).map((l) => l.level);
  return {
    level: fallback.level,
    definition: fallback,
    rationale: [`No criterion of ${higher.join(', ')} matched the impact.`],
    assumptions,
  };
}

type Facts = Impact & { prod: boolean };

function matches(c: Criterion, f: Facts): boolean {
  if (c.prod !== undefined && c.prod !== f.prod) return false;
  if (c.state !== undefined && !stateAtLeast(f.state, c.state)) return false;
  if (c.usersAffectedAtLeast !== undefined && !((f.usersAffected ?? 0) >= c.usersAffectedAtLeast)) return false;
  if (c.revenueImpactAtLeast !== undefined && !revenueAtLeast(f.revenueImpact, c.revenueImpactAtLeast)) return false;
  if (c.dataLoss !== undefined && (f.dataLoss === true) !== c.dataLoss) return false;
  if (c.security !== undefined && (f.security === true) !== c.security) return false;
  return true;
}

/** `down` is worse than `degraded`: a criterion on degraded also matches an outage. */
function stateAtLeast(actual: ServiceState | undefined, wanted: 'down' | 'degraded'): boolean {
  if (wanted === 'down') return actual === 'down';
  return actual === 'down' || actual === 'degraded';
}

function revenueAtLeast(actual: RevenueImpact | undefined, wanted: RevenueImpact): boolean {
  return REVENUE_LEVELS.indexOf(actual ?? 'none') >= REVENUE_LEVELS.indexOf(wanted);
}

function explain(c: Criterion, f: Facts): string[] {
  const out: string[] = [];
  const where = f.env ? `\`${f.env}\`` : 'production';
  if (c.prod === true) out.push(`${where} is production`);
  if (c.prod === false) out.push(`${where} is not production`);
  if (c.state !== undefined) out.push(f.state === 'down' ? 'the service is down' : 'the service is degraded');
  if (c.usersAffectedAtLeast !== undefined) {
    out.push(`${f.usersAffected ?? 0}% of users are affected (at least ${c.usersAffectedAtLeast}%)`);
  }
  if (c.revenueImpactAtLeast !== undefined) {
    out.push(`revenue impact is ${f.revenueImpact ?? 'none'} (at least ${c.revenueImpactAtLeast})`);
  }
  if (c.dataLoss) out.push('data was lost');
  if (c.security) out.push('it is a security incident');
  return out.length > 0 ? [out.join(', ')] : ['the criterion has no condition'];
}

/** Minutes of a matrix duration: `45m`, `2h`, `1d`, `2w` (calendar time). */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] as string).toLowerCase()[0];
  const factor = unit === 'm' ? 1 : unit === 'h' ? 60 : unit === 'd' ? 1440 : 10080;
  return n * factor;
}
