import { relative } from 'node:path';
import { unifiedDiff } from './diff.js';
import { parseSetArgs, resolveOptions } from './options.js';
import type { GeneratedFiles, NextSteps, Recipe } from './types.js';
import { type Validation, validateGenerated } from './validate.js';
import { commitWrite, type PlannedFile, planWrite } from './write.js';

export interface ScaffoldRequest {
  recipe: Recipe;
  /** Raw `--set key=value` arguments. */
  sets: readonly string[];
  /** Absolute output directory. */
  outDir: string;
  dryRun: boolean;
  force: boolean;
  env?: NodeJS.ProcessEnv;
}

export type ScaffoldOutcome = 'written' | 'dry-run' | 'invalid' | 'conflict';

export interface ScaffoldResult {
  outcome: ScaffoldOutcome;
  recipe: string;
  options: Record<string, unknown>;
  files: GeneratedFiles;
  plan: PlannedFile[];
  validation: Validation;
  next: NextSteps;
}

/**
 * Generates a recipe, validates the result (review + external validators), then writes it under `outDir`
 * unless this is a dry run, validation failed, or an existing file would be overwritten without `force`.
 */
export function scaffold(request: ScaffoldRequest): ScaffoldResult {
  const { recipe } = request;
  const options = resolveOptions(recipe, parseSetArgs(request.sets));
  const files = recipe.generate(options);
  const plan = planWrite(request.outDir, files, request.force);
  const validation = validateGenerated(files, request.env);
  const base = { recipe: recipe.name, options, files, plan, validation, next: recipe.nextSteps(options) };
  if (!validation.ok) return { ...base, outcome: 'invalid' };
  if (request.dryRun) return { ...base, outcome: 'dry-run' };
  if (plan.some((p) => p.status === 'conflict')) return { ...base, outcome: 'conflict' };
  commitWrite(plan);
  return { ...base, outcome: 'written' };
}

const STATUS_LABEL: Record<PlannedFile['status'], string> = {
  create: 'create   ',
  overwrite: 'overwrite',
  unchanged: 'unchanged',
  conflict: 'CONFLICT ',
};

/** The human report of a scaffold run: validation, files, then validate/apply/rollback commands. */
export function formatScaffold(result: ScaffoldResult, cwd: string, outDir: string): string {
  const out: string[] = [];
  const where = relative(cwd, outDir) || '.';
  const opts = Object.entries(result.options)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  out.push(`run ${result.recipe} → ${where}${opts ? `  (${opts})` : ''}`, '');

  out.push('Validation (before writing):');
  const { findings, suppressed, checks } = result.validation;
  out.push(
    findings.length === 0
      ? `  ok      review with the whole rule catalog: 0 findings${suppressed.length > 0 ? ` (${suppressed.length} suppressed on purpose, see below)` : ''}`
      : `  FAILED  review with the whole rule catalog: ${findings.length} finding${findings.length === 1 ? '' : 's'}`,
  );
  for (const f of findings)
    out.push(`          ${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}: ${f.message}`);
  for (const f of suppressed) {
    out.push(`          suppressed ${f.ruleId} at ${f.file}:${f.line}: ${f.suppressed?.justification ?? ''}`);
  }
  for (const c of checks) {
    const label = c.status === 'passed' ? 'ok     ' : c.status === 'failed' ? 'FAILED ' : 'skipped';
    out.push(`  ${label} ${c.command}`);
    if (c.detail) for (const line of c.detail.split('\n')) out.push(`          ${line}`);
  }
  out.push('');

  if (result.outcome === 'invalid') {
    out.push('Nothing was written: the generated files did not pass validation (this is a bug in the recipe;');
    out.push('please report it with the command line above).');
    return `${out.join('\n')}\n`;
  }

  const conflicts = result.plan.filter((p) => p.status === 'conflict');
  if (result.outcome === 'dry-run') {
    out.push(`Dry run: nothing was written. ${result.plan.length} file(s) under ${where}:`);
    for (const p of result.plan) out.push(`  ${STATUS_LABEL[p.status]}  ${p.path}`);
    out.push('');
    for (const p of result.plan) {
      const diff = unifiedDiff(p.path, p.existing, p.content);
      if (diff !== '') out.push(diff.trimEnd(), '');
    }
    if (conflicts.length > 0) out.push(`${conflicts.length} existing file(s) differ: a real run needs --force.`, '');
  } else if (result.outcome === 'conflict') {
    out.push(`Nothing was written: ${conflicts.length} existing file(s) would be overwritten:`);
    for (const p of conflicts) out.push(`  ${p.path}`);
    out.push('Review the differences with --dry-run, then re-run with --force to replace them.');
    return `${out.join('\n')}\n`;
  } else {
    const written = result.plan.filter((p) => p.status === 'create' || p.status === 'overwrite');
    out.push(`Wrote ${written.length} file(s) under ${where}:`);
    for (const p of result.plan) out.push(`  ${STATUS_LABEL[p.status]}  ${p.path}`);
    out.push('');
  }

  const { next } = result;
  if (next.fill && next.fill.length > 0) out.push('Fill in before applying:', ...next.fill.map((l) => `  ${l}`), '');
  out.push('Validate:', ...next.validate.map((l) => `  ${l}`), '');
  out.push('Apply:', ...next.apply.map((l) => `  ${l}`), '');
  out.push('Rollback:', ...next.rollback.map((l) => `  ${l}`));
  const created = result.plan.filter((p) => p.status === 'create').map((p) => p.path);
  const replaced = result.plan.filter((p) => p.status === 'overwrite').map((p) => p.path);
  const verb = result.outcome === 'dry-run' ? 'would be ' : '';
  if (created.length > 0)
    out.push(`  undo this scaffold (files ${verb}created): (cd ${where} && rm -- ${created.join(' ')})`);
  if (replaced.length > 0) {
    out.push(`  restore the files ${verb}overwritten: (cd ${where} && git checkout -- ${replaced.join(' ')})`);
  }
  return `${out.join('\n')}\n`;
}
