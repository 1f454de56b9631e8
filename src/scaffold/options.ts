import { z } from 'zod';
import type { OptionSpec, OptionTable, OptionValues, Recipe } from './types.js';

/** A recipe input the user got wrong: one line, shown as a usage error (exit 2). */
export class RecipeOptionError extends Error {}

// Option constructors. Values arrive as strings from `--set key=value`; each type parses its own.

export function text(def: string, description: string, pattern?: RegExp, patternHint?: string): OptionSpec<string> {
  const base = z.string().trim().min(1, 'must not be empty');
  return {
    type: pattern ? base.regex(pattern, patternHint ?? `must match ${pattern}`) : base,
    default: def,
    description,
  };
}

export function choice<const T extends readonly [string, ...string[]]>(
  values: T,
  def: T[number],
  description: string,
): OptionSpec<T[number]> {
  return {
    type: z.enum(values, { error: `must be one of ${values.join(', ')}` }),
    default: def,
    description,
  };
}

export function number(
  def: number,
  description: string,
  range: { min?: number; max?: number; int?: boolean; exclusiveMax?: boolean; oneOf?: readonly number[] } = {},
): OptionSpec<number> {
  let type = z.coerce.number({ error: 'must be a number' });
  if (range.int) type = type.int('must be a whole number');
  if (range.min !== undefined) type = type.min(range.min, `must be at least ${range.min}`);
  if (range.max !== undefined) {
    type = range.exclusiveMax
      ? type.lt(range.max, `must be below ${range.max}`)
      : type.max(range.max, `must be at most ${range.max}`);
  }
  if (range.oneOf) {
    const allowed = range.oneOf;
    return {
      type: type.refine((n) => allowed.includes(n), `must be one of ${allowed.join(', ')}`),
      default: def,
      description,
    };
  }
  return { type, default: def, description };
}

const TRUE = ['true', 'yes', '1', 'on'];
const FALSE = ['false', 'no', '0', 'off'];

export function flag(def: boolean, description: string): OptionSpec<boolean> {
  return {
    type: z
      .string()
      .refine((s) => [...TRUE, ...FALSE].includes(s.toLowerCase()), 'must be true or false')
      .transform((s) => TRUE.includes(s.toLowerCase())) as unknown as z.ZodType<boolean>,
    default: def,
    description,
  };
}

/** An optional value whose absence means "leave the slot open" (digests, account IDs). */
export function optional(description: string, pattern: RegExp, patternHint: string): OptionSpec<string> {
  return { type: z.string().trim().regex(pattern, patternHint), default: '', description };
}

/** Kubernetes/DNS-label style names: also safe in paths, image names and Terraform identifiers. */
export const NAME = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;
export const NAME_HINT = 'must be a lower-case DNS label (a-z, 0-9, -; 2-40 characters, starting with a letter)';
export const DIGEST = /^sha256:[a-f0-9]{64}$/;
export const DIGEST_HINT = 'must be sha256:<64 hex digits> (docker buildx imagetools inspect IMAGE:TAG)';
export const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
export const SEMVER_HINT = 'must be a version like 1.2.3';

/** Splits `--set key=value` arguments; a key given twice is an error (which one would win is a guess). */
export function parseSetArgs(sets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of sets) {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new RecipeOptionError(`--set expects key=value (got "${raw}")`);
    const key = raw.slice(0, eq).trim();
    if (Object.hasOwn(out, key)) throw new RecipeOptionError(`--set ${key} is given twice`);
    out[key] = raw.slice(eq + 1);
  }
  return out;
}

/** Validates raw `--set` values against a recipe's options (unknown keys refused) and fills defaults. */
export function resolveOptions<S extends OptionTable>(recipe: Recipe<S>, raw: Record<string, string>): OptionValues<S> {
  const known = Object.keys(recipe.options);
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    const list = unknown.map((k) => `"${k}"`).join(', ');
    throw new RecipeOptionError(
      `unknown option ${list} for recipe ${recipe.name} (options: ${known.join(', ') || 'none'}; see "run ${recipe.name} --help")`,
    );
  }
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(recipe.options)) shape[key] = spec.type.optional();
  const result = z.strictObject(shape).safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `--set ${key}=${JSON.stringify(raw[key] ?? '')}: ${issue.message}`;
    });
    throw new RecipeOptionError(problems.join('; '));
  }
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(recipe.options)) {
    const parsed = (result.data as Record<string, unknown>)[key];
    values[key] = parsed === undefined ? spec.default : parsed;
  }
  return values as OptionValues<S>;
}

/** `run RECIPE --help`: every option with its default and description. */
export function recipeHelp(recipe: Recipe): string {
  const rows = Object.entries(recipe.options).map(([key, spec]) => {
    const def = spec.default === '' ? '(empty)' : String(spec.default);
    return { left: `--set ${key}=${def}`, right: spec.description };
  });
  const width = Math.max(0, ...rows.map((r) => r.left.length)) + 2;
  const lines = [
    `Usage: proagent-devops run ${recipe.name} [--out DIR] [--set key=value ...] [--dry-run] [--force]`,
    '',
    recipe.summary,
    '',
    rows.length > 0 ? 'Options (shown with their defaults):' : 'This recipe has no options.',
    ...rows.map((r) => `  ${r.left.padEnd(width)}${r.right}`),
    '',
    'Generated files are reviewed with the whole rule catalog (and promtool/yamllint where they apply)',
    'before anything is written; existing files are never overwritten without --force.',
  ];
  return `${lines.join('\n')}\n`;
}
