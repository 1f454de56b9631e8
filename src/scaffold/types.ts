import type { z } from 'zod';

/** One `--set` option of a recipe: its zod type (parsing the raw string), default and help line. */
export interface OptionSpec<T = unknown> {
  type: z.ZodType<T>;
  default: T;
  description: string;
}

export type OptionTable = Record<string, OptionSpec>;

/** The validated values of a recipe's options. */
export type OptionValues<S extends OptionTable> = { [K in keyof S]: S[K]['default'] };

/** Generated files: POSIX path relative to `--out` → content. */
export type GeneratedFiles = Record<string, string>;

/** What to run after writing: validation, apply, and how to undo each, as shell command lines. */
export interface NextSteps {
  /** Things the user must fill in before applying (digest slots, account IDs …). */
  fill?: string[];
  validate: string[];
  apply: string[];
  rollback: string[];
}

export interface Recipe<S extends OptionTable = OptionTable> {
  name: string;
  /** One line for `run --list`. */
  summary: string;
  options: S;
  generate(values: OptionValues<S>): GeneratedFiles;
  nextSteps(values: OptionValues<S>): NextSteps;
}

/** Declares a recipe with its option types inferred (the list in recipes/index.ts erases them). */
export function defineRecipe<S extends OptionTable>(recipe: Recipe<S>): Recipe {
  return recipe as unknown as Recipe;
}
