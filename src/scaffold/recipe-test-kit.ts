import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findRecipe } from './recipes/index.js';
import { type ScaffoldResult, scaffold } from './scaffold.js';
import { findExecutable } from './validate.js';

/**
 * Shared by the scaffold tests (not used at run time): generate a recipe into a fresh temporary directory
 * through the real pipeline (options, review, external validators, atomic write) and read the result back.
 */

/** Validators CI installs (apt packages prometheus, prometheus-alertmanager, yamllint): a skip there is a failure. */
export const REQUIRED_IN_CI = ['promtool', 'amtool', 'yamllint'] as const;

export interface Generated {
  dir: string;
  result: ScaffoldResult;
  /** Paths written, sorted. */
  paths: string[];
  read(path: string): string;
  /** YAML documents of a written file, as plain data. */
  yaml(path: string): unknown[];
  json(path: string): unknown;
  cleanup(): void;
}

export function generate(recipeName: string, sets: string[] = []): Generated {
  const recipe = findRecipe(recipeName);
  if (!recipe) throw new Error(`no recipe ${recipeName}`);
  const dir = mkdtempSync(join(tmpdir(), `scaffold-${recipeName}-`));
  const result = scaffold({ recipe, sets, outDir: dir, dryRun: false, force: false });
  const read = (path: string) => readFileSync(join(dir, ...path.split('/')), 'utf8');
  return {
    dir,
    result,
    paths: result.plan.map((p) => p.path).sort(),
    read,
    yaml: (path) => parseAllDocuments(read(path), { merge: true }).map((d) => d.toJS()),
    json: (path) => JSON.parse(read(path)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Problems that make a generated set unacceptable: findings, failed validators, CI validators skipped. */
export function problems(result: ScaffoldResult, env: NodeJS.ProcessEnv = process.env): string[] {
  const out = result.validation.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
  for (const c of result.validation.checks) {
    if (c.status === 'failed') out.push(`${c.command} failed: ${c.detail ?? ''}`);
    if (c.status === 'skipped' && env.CI && (REQUIRED_IN_CI as readonly string[]).includes(c.tool)) {
      out.push(`${c.command} skipped in CI: ${c.detail ?? ''}`);
    }
  }
  if (result.outcome !== 'written') out.push(`outcome ${result.outcome}`);
  return out;
}

/** Missing validators that CI must have (empty outside CI). */
export function missingInCi(env: NodeJS.ProcessEnv = process.env): string[] {
  return env.CI ? REQUIRED_IN_CI.filter((tool) => findExecutable(tool, env) === undefined) : [];
}

/** A value inside parsed YAML/JSON by path (`['spec', 'template', 0]`). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}
