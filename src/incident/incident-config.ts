/**
 * The `incident:` section of `.proagent-devops.yaml`: overrides of the severity matrix, the alert-label →
 * severity map, the Slack channel and the runbook base URL. Read here (the main config loader only validates
 * the review's keys); every other key of the file is ignored.
 *
 * ```yaml
 * incident:
 *   severities:
 *     SEV2:
 *       criteria: [{ prod: true, usersAffectedAtLeast: 5 }]     # replaces SEV2's criteria
 *       response: { acknowledge: 10m, page: [on-call primary] } # merged key by key
 *   alertSeverities: { critical: SEV1 }                         # merged
 *   slack: { channel: "#incidents" }
 *   runbookBaseUrl: https://github.com/acme/shop/blob/main/runbooks
 * ```
 */
import { readFileSync } from 'node:fs';
import { parse as parseYamlText } from 'yaml';
import { z } from 'zod';
import { DEFAULT_PROD_PATTERN } from '../config/config.js';
import {
  DEFAULT_MATRIX,
  parseDuration,
  REVENUE_LEVELS,
  SEVERITY_LEVELS,
  type SeverityDefinition,
  type SeverityMatrix,
} from './severity-matrix.js';

export class IncidentConfigError extends Error {}

/** True when an environment name matches the configured production pattern. */
export function prodMatcher(settings: IncidentSettings): (...names: (string | undefined)[]) => boolean {
  let re: RegExp;
  try {
    re = new RegExp(settings.production, 'i');
  } catch {
    throw new IncidentConfigError(`production is not a valid regular expression: ${settings.production}`);
  }
  return (...names) => names.some((n) => n !== undefined && n !== '' && re.test(n));
}

const duration = z.string().refine((s) => parseDuration(s) !== undefined, {
  message: 'must be a duration such as 15m, 4h or 2d',
});
const level = z.enum(SEVERITY_LEVELS);

const criterion = z.strictObject({
  prod: z.boolean().optional(),
  state: z.enum(['down', 'degraded']).optional(),
  usersAffectedAtLeast: z.number().min(0).max(100).optional(),
  revenueImpactAtLeast: z.enum(REVENUE_LEVELS.filter((r) => r !== 'none') as ['low', 'medium', 'high']).optional(),
  dataLoss: z.boolean().optional(),
  security: z.boolean().optional(),
});

const response = z.strictObject({
  acknowledge: duration.optional(),
  updateEvery: duration.optional(),
  resolveWithin: duration.optional(),
  page: z.array(z.string().min(1)).optional(),
  postmortem: z.strictObject({ required: z.boolean(), within: z.string().min(1).optional() }).optional(),
});

const severityOverride = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  criteria: z.array(criterion).optional(),
  response: response.optional(),
});

const incidentSection = z.strictObject({
  severities: z.partialRecord(level, severityOverride).optional(),
  alertSeverities: z.record(z.string(), level).optional(),
  slack: z.strictObject({ channel: z.string().min(1).optional() }).optional(),
  runbookBaseUrl: z.url().optional(),
});

export interface IncidentSettings {
  matrix: SeverityMatrix;
  slackChannel: string | undefined;
  runbookBaseUrl: string | undefined;
  /** The config file the settings came from (undefined: defaults). */
  source: string | undefined;
  /** The configured production pattern (top-level `production:`), for `--env`. */
  production: string;
}

export function defaultIncidentSettings(): IncidentSettings {
  return {
    matrix: structuredClone(DEFAULT_MATRIX),
    slackChannel: undefined,
    runbookBaseUrl: undefined,
    source: undefined,
    production: DEFAULT_PROD_PATTERN,
  };
}

/** Reads the `incident:` section of a config file (defaults when the file has none). */
export function loadIncidentSettings(path: string | undefined): IncidentSettings {
  if (path === undefined) return defaultIncidentSettings();
  let raw: unknown;
  try {
    raw = parseYamlText(readFileSync(path, 'utf8'), { maxAliasCount: 50 }) ?? {};
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new IncidentConfigError(`cannot read ${path}: ${reason}`);
  }
  const top = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = { ...incidentSettingsFrom(top.incident, path), source: path };
  if (typeof top.production === 'string') settings.production = top.production;
  return settings;
}

/** Validates an `incident:` section and applies it over the defaults. */
export function incidentSettingsFrom(section: unknown, where = 'config'): IncidentSettings {
  const settings = defaultIncidentSettings();
  if (section === undefined || section === null) return settings;
  const parsed = incidentSection.safeParse(section);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['incident', ...(issue?.path ?? [])].join('.');
    throw new IncidentConfigError(`${where}: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  const value = parsed.data;
  for (const [name, override] of Object.entries(value.severities ?? {})) {
    const target = settings.matrix.levels.find((l) => l.level === name) as SeverityDefinition;
    if (!override) continue;
    if (override.name) target.name = override.name;
    if (override.description) target.description = override.description;
    if (override.criteria) target.criteria = override.criteria.map(stripUndefined);
    if (override.response) {
      const r = override.response;
      target.response = {
        acknowledge: r.acknowledge ?? target.response.acknowledge,
        updateEvery: r.updateEvery ?? target.response.updateEvery,
        resolveWithin: r.resolveWithin ?? target.response.resolveWithin,
        page: r.page ?? target.response.page,
        postmortem: r.postmortem ? stripUndefined(r.postmortem) : target.response.postmortem,
      };
    }
  }
  Object.assign(settings.matrix.alertSeverities, value.alertSeverities ?? {});
  settings.slackChannel = value.slack?.channel;
  settings.runbookBaseUrl = value.runbookBaseUrl;
  return settings;
}

/** zod gives `key: undefined` for absent optional keys; the matrix types want them absent. */
type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };
function stripUndefined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}
