/**
 * AWS instance families for the cost rules (CST002 previous generation, CST006 oversized): which families
 * are previous generation, their current-generation equivalents (x86 first, then Graviton), and the sizes
 * each current family offers, so that a suggestion is always a type that exists (`m4.large → m6i.large`,
 * `m1.small → m6i.large`, since m6i has no `small`). One data module, so the table is reviewed in one place.
 */

export type InstanceService = 'ec2' | 'rds' | 'elasticache';

export interface InstanceType {
  service: InstanceService;
  /** `db.` / `cache.` for RDS and ElastiCache, empty for EC2. */
  prefix: string;
  family: string;
  size: string;
}

/** Sizes from smallest to largest (`metal` last): suggestions round up to the nearest offered size. */
const SIZE_ORDER = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
  '3xlarge',
  '4xlarge',
  '6xlarge',
  '8xlarge',
  '9xlarge',
  '10xlarge',
  '12xlarge',
  '16xlarge',
  '18xlarge',
  '24xlarge',
  '32xlarge',
  '48xlarge',
  'metal',
] as const;

const T_SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const M6I_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'];
const GRAVITON_SIZES = ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];

/** Sizes offered by each current-generation family a suggestion may name. */
const CURRENT_SIZES: Readonly<Record<string, readonly string[]>> = {
  t3: T_SIZES,
  t4g: T_SIZES,
  m6i: M6I_SIZES,
  m7g: GRAVITON_SIZES,
  c6i: M6I_SIZES,
  c7g: GRAVITON_SIZES,
  r6i: M6I_SIZES,
  r7g: GRAVITON_SIZES,
  i4i: M6I_SIZES,
  d3: ['xlarge', '2xlarge', '4xlarge', '8xlarge'],
  g4dn: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  g5: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
  x2iedn: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge', '24xlarge', '32xlarge'],
  'db.t3': ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  'db.t4g': ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  'db.m6i': M6I_SIZES,
  'db.m7g': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  'db.r6i': M6I_SIZES,
  'db.r7g': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  'cache.t3': ['micro', 'small', 'medium'],
  'cache.t4g': ['micro', 'small', 'medium'],
  'cache.m6g': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  'cache.m7g': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  'cache.r6g': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  'cache.r7g': ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
};

/**
 * Previous-generation families (RULES.md CST002) → current-generation equivalents, preferred first.
 * Memory-optimised m2 maps to r-families; GPU families to the current GPU families.
 */
export const PREVIOUS_GENERATION: Readonly<Record<string, readonly string[]>> = {
  t1: ['t3', 't4g'],
  t2: ['t3', 't4g'],
  m1: ['m6i', 'm7g'],
  m2: ['r6i', 'r7g'],
  m3: ['m6i', 'm7g'],
  m4: ['m6i', 'm7g'],
  c1: ['c6i', 'c7g'],
  c3: ['c6i', 'c7g'],
  c4: ['c6i', 'c7g'],
  r3: ['r6i', 'r7g'],
  r4: ['r6i', 'r7g'],
  i2: ['i4i'],
  d2: ['d3'],
  g2: ['g4dn', 'g5'],
  g3: ['g4dn', 'g5'],
  p2: ['g4dn', 'g5'],
  x1: ['x2iedn'],
  x1e: ['x2iedn'],
  'db.t2': ['db.t3', 'db.t4g'],
  'db.m3': ['db.m6i', 'db.m7g'],
  'db.m4': ['db.m6i', 'db.m7g'],
  'db.r3': ['db.r6i', 'db.r7g'],
  'db.r4': ['db.r6i', 'db.r7g'],
  'cache.t2': ['cache.t3', 'cache.t4g'],
  'cache.m3': ['cache.m6g', 'cache.m7g'],
  'cache.m4': ['cache.m6g', 'cache.m7g'],
  'cache.r3': ['cache.r6g', 'cache.r7g'],
  'cache.r4': ['cache.r6g', 'cache.r7g'],
};

const INSTANCE_TYPE =
  /^(db\.|cache\.)?([a-z][a-z0-9-]*?)\.((?:\d+)?(?:nano|micro|small|medium|large|xlarge)|metal(?:-\d+xl)?)$/;

/** Parses `m4.large`, `db.r4.2xlarge`, `cache.t2.micro`; undefined for anything else (`n2-standard-4`). */
export function parseInstanceType(value: string): InstanceType | undefined {
  const m = INSTANCE_TYPE.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  const prefix = m[1] ?? '';
  return {
    service: prefix === 'db.' ? 'rds' : prefix === 'cache.' ? 'elasticache' : 'ec2',
    prefix,
    family: m[2] as string,
    size: m[3] as string,
  };
}

/** Current-generation types equivalent to a previous-generation one, preferred first; empty when current. */
export function currentGenerationFor(value: string): string[] {
  const type = parseInstanceType(value);
  if (!type) return [];
  const key = `${type.prefix}${type.family}`;
  const targets = PREVIOUS_GENERATION[key];
  if (!targets) return [];
  return targets.flatMap((target) => {
    const size = nearestSize(CURRENT_SIZES[target] ?? [], type.size);
    return size === undefined ? [] : [`${target}.${size}`];
  });
}

/** The same size when offered, else the smallest offered size above it, else the largest offered. */
function nearestSize(offered: readonly string[], size: string): string | undefined {
  if (offered.includes(size)) return size;
  const rank = sizeRank(size);
  const above = offered.filter((s) => sizeRank(s) >= rank).sort((a, b) => sizeRank(a) - sizeRank(b));
  return above[0] ?? offered[offered.length - 1];
}

function sizeRank(size: string): number {
  const base = size.startsWith('metal') ? 'metal' : size;
  const i = (SIZE_ORDER as readonly string[]).indexOf(base);
  if (i >= 0) return i;
  // An unlisted `<n>xlarge` sorts by its multiplier between the listed ones.
  const n = /^(\d+)xlarge$/.exec(size);
  return n ? SIZE_ORDER.indexOf('xlarge') + Math.log2(Number(n[1])) * 2 : -1;
}

/** The `old → new` suggestion for messages: `m4.large → m6i.large (or m7g.large)`; undefined when current. */
export function previousGenerationSuggestion(value: string): string | undefined {
  const [first, ...rest] = currentGenerationFor(value);
  if (first === undefined) return undefined;
  const alternatives = rest.length > 0 ? ` (or ${rest.join(', ')})` : '';
  return `${value} → ${first}${alternatives}`;
}

/** The `<n>` of `<n>xlarge` (1 for `xlarge`, 0 below), `Infinity` for bare-metal sizes. */
export function sizeMultiplier(size: string): number {
  if (size.startsWith('metal')) return Number.POSITIVE_INFINITY;
  if (size === 'xlarge') return 1;
  const m = /^(\d+)xlarge$/.exec(size);
  return m ? Number(m[1]) : 0;
}

/** CST006: `4xlarge` and above (and bare metal) is large for a non-production environment. */
export const OVERSIZED_MULTIPLIER = 4;

export function isOversized(value: string): boolean {
  const type = parseInstanceType(value);
  return type !== undefined && sizeMultiplier(type.size) >= OVERSIZED_MULTIPLIER;
}

/** A smaller type of the same family for the CST006 message (`m6i.4xlarge` → `m6i.xlarge`). */
export function smallerSuggestion(value: string): string | undefined {
  const type = parseInstanceType(value);
  if (!type) return undefined;
  return `${type.prefix}${type.family}.xlarge`;
}
