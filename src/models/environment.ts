import type { RuleSettings } from '../core/rule.js';

/**
 * Which environment a file belongs to, and whether it is production: one helper for every rule that says
 * "prod" or "non-prod" (Terraform, Kubernetes, Helm, Kustomize, Argo CD), so that they agree.
 */

export interface Environment {
  /** The environment's name as written (`prod`, `staging`, `shop-prod`), when something names one. */
  name: string | undefined;
  /** The path, the name or one of the extra names matches the configured production pattern. */
  prod: boolean;
}

/** Words that name an environment (in a file name, a namespace, a workspace). */
const ENVIRONMENT_WORDS = new Set([
  'dev',
  'develop',
  'development',
  'test',
  'testing',
  'qa',
  'uat',
  'int',
  'integration',
  'stage',
  'staging',
  'stg',
  'preprod',
  'nonprod',
  'sandbox',
  'sbx',
  'demo',
  'perf',
  'prod',
  'production',
  'prd',
  'live',
]);

/** Bare directory names that are environments even without an `envs/` parent (`infra/staging/`). */
const ENVIRONMENT_DIRS = new Set([
  'dev',
  'development',
  'qa',
  'uat',
  'stage',
  'staging',
  'stg',
  'preprod',
  'nonprod',
  'sandbox',
  'prod',
  'production',
  'prd',
]);

/** Directories whose children are environments: `envs/<env>/`, `environments/<env>/`, kustomize overlays. */
const ENVIRONMENT_PARENTS = new Set(['env', 'envs', 'environment', 'environments', 'overlays']);

/** File names that carry an environment: `<env>.tfvars`, `values-<env>.yaml`, `compose.<env>.yml`, `.env.<env>`. */
const ENV_FILE_PATTERNS: readonly RegExp[] = [
  /^(.+?)(?:\.auto)?\.tfvars(?:\.json)?$/i,
  /^values[-_.](.+)\.ya?ml$/i,
  /^(?:docker-)?compose[-_.](.+)\.ya?ml$/i,
  /^\.env\.(.+)$/i,
];

/** True when a name is, or has a word that is, an environment (`prod`, `eu-prod`, `staging_2`). */
export function isEnvironmentName(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[-_.]+/)
    .some((w) => ENVIRONMENT_WORDS.has(w) || w === 'pre-prod');
}

/** The environment a path names: an env-carrying file name first, then the nearest env directory. */
export function environmentFromPath(path: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  const base = segments[segments.length - 1] ?? '';
  for (const pattern of ENV_FILE_PATTERNS) {
    const m = pattern.exec(base);
    if (m?.[1] && m[1] !== 'terraform' && isEnvironmentName(m[1])) return m[1];
  }
  for (let i = segments.length - 2; i >= 0; i--) {
    const dir = segments[i] as string;
    const parent = segments[i - 1]?.toLowerCase();
    if (parent !== undefined && ENVIRONMENT_PARENTS.has(parent)) return dir;
    if (ENVIRONMENT_DIRS.has(dir.toLowerCase())) return dir;
  }
  return undefined;
}

/**
 * The environment of a file: an extra name that is an environment (namespace, workspace, Argo CD
 * destination) wins over the path. Prod when any of them matches the configured production pattern.
 */
export function environmentOf(
  path: string,
  settings: Pick<RuleSettings, 'isProd'>,
  extra: readonly (string | undefined)[] = [],
): Environment {
  const named = extra.find((n): n is string => n !== undefined && n !== '' && isEnvironmentName(n));
  const name = named ?? environmentFromPath(path);
  return { name, prod: settings.isProd(path, name, ...extra) };
}

export function isProdPath(path: string, settings: Pick<RuleSettings, 'isProd'>): boolean {
  return settings.isProd(path);
}

/** Words that name the environment a release passes through before production (GOP006's counterpart). */
const PRE_PROD_WORDS = new Set(['stage', 'staging', 'stg', 'preprod', 'uat']);

/** True for `staging`, `stg-eu`, `pre-prod`, `preprod`, `uat`. */
export function isPreProdName(name: string): boolean {
  const lower = name.toLowerCase();
  if (/(^|[-_./])pre-?prod(uction)?([-_./]|$)/.test(lower)) return true;
  return lower.split(/[-_./]+/).some((w) => PRE_PROD_WORDS.has(w));
}

/**
 * Where an environment sits on the promotion path. `pre-prod` is checked first: the default production
 * pattern also matches the `prod` of `pre-prod`, which is a staging environment.
 */
export function environmentTier(env: Environment): 'prod' | 'pre-prod' | 'other' {
  if (env.name !== undefined && isPreProdName(env.name)) return 'pre-prod';
  return env.prod ? 'prod' : 'other';
}
