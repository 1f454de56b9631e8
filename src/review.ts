import { dirname, relative, resolve, sep } from 'node:path';
import type { Baseline } from './config/baseline.js';
import { type Config, defaultConfig, RuleLevels, ruleSettings } from './config/config.js';
import { lint } from './core/engine.js';
import { Project } from './core/project.js';
import type { Rule } from './core/rule.js';
import { SourceFile } from './core/source-file.js';
import type { Finding, SkippedFile } from './core/types.js';
import { withDependencies } from './models/dependencies.js';
import { initHcl } from './parsers/hcl.js';
import { RULES } from './rules/registry.js';
import { classify, kindByName } from './workspace/classify.js';
import { DEFAULT_MAX_FILE_SIZE, discover } from './workspace/discover.js';

export interface ReviewOptions {
  paths: readonly string[];
  /** Reported paths are relative to this directory (default: cwd). */
  root?: string;
  config?: Config;
  only?: readonly string[];
  skip?: readonly string[];
  baseline?: Baseline;
  /** Report only on these repo-relative paths and the files they depend on (`--changed-since`). */
  restrictTo?: ReadonlySet<string>;
  rules?: readonly Rule[];
  onRuleError?: (rule: Rule, file: string | undefined, error: unknown) => void;
  onProgress?: (message: string) => void;
}

// The HCL grammar is WebAssembly, which loads asynchronously while lint() is synchronous: load it once,
// when the review module is first imported (about 40 ms). If it cannot load, Terraform files are reported
// as unparseable (PDO000) and the rest of the review is unaffected.
export const hclReady: Promise<boolean> = initHcl().then(
  () => true,
  () => false,
);
await hclReady;

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

export interface ReviewResult {
  root: string;
  files: number;
  findings: Finding[];
  skipped: SkippedFile[];
  durationMs: number;
}

/** Builds the project model of the given paths: discovery, guards, classification. */
export function loadProject(options: Pick<ReviewOptions, 'paths' | 'root' | 'config'>): Project {
  const config = options.config ?? defaultConfig();
  const root = resolve(options.root ?? process.cwd());
  const discovery = discover({
    paths: options.paths,
    root,
    ignorePaths: config.ignorePaths,
    ...(config.path ? { ignoreBase: dirname(config.path) } : {}),
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  });
  const chartDirs = new Set(
    discovery.allPaths.filter((p) => kindByName(p) === 'helm-chart').map((p) => p.replace(/\/?Chart\.yaml$/, '')),
  );
  const files = discovery.files.map((f) => new SourceFile(f.path, classify(f.path, f.text, chartDirs), f.text));
  return new Project(files, discovery.allPaths, discovery.skipped);
}

/**
 * A project from in-memory files (path → content), classified exactly as discovery would classify them:
 * used to review generated files before they are written, hook payloads, and rule tests.
 */
export function projectFromSources(files: Readonly<Record<string, string>>, skipped: SkippedFile[] = []): Project {
  const paths = Object.keys(files).sort();
  const chartDirs = new Set(
    paths.filter((p) => kindByName(p) === 'helm-chart').map((p) => p.replace(/\/?Chart\.yaml$/, '')),
  );
  const sources = paths.map((p) => new SourceFile(p, classify(p, files[p] as string, chartDirs), files[p] as string));
  return new Project(sources, paths, skipped);
}

/** Reviews in-memory files with the whole catalog (or `rules`), config levels and suppressions applied. */
export function reviewSources(
  files: Readonly<Record<string, string>>,
  options: Pick<ReviewOptions, 'config' | 'only' | 'skip' | 'rules'> = {},
): Finding[] {
  const config = options.config ?? defaultConfig();
  const levels = new RuleLevels(config);
  const all = options.rules ?? RULES;
  return lint(projectFromSources(files), selectRules(all, levels, options.only, options.skip), {
    settings: ruleSettings(config),
    levelFor: (id, file) => levels.levelFor(id, file),
    knownRuleIds: new Set(all.map((r) => r.id)),
  });
}

/** Selects rules: `only` / `skip` lists, and rules off by default unless the config turns them on. */
export function selectRules(
  all: readonly Rule[],
  levels: RuleLevels,
  only?: readonly string[],
  skip?: readonly string[],
): Rule[] {
  return all.filter((r) => {
    if (only && only.length > 0 && !only.includes(r.id) && r.id !== 'PDO001') return false;
    if (skip?.includes(r.id)) return false;
    if (r.enabledByDefault === false && !levels.mentions(r.id)) return false;
    return true;
  });
}

export function review(options: ReviewOptions): ReviewResult {
  const started = performance.now();
  const config = options.config ?? defaultConfig();
  options.onProgress?.('discovering files');
  const project = loadProject(options);
  const root = resolve(options.root ?? process.cwd());
  const configDir = config.path ? dirname(config.path) : root;
  const levels = new RuleLevels(config, (file) => toPosix(relative(configDir, resolve(root, file))));
  const all = options.rules ?? RULES;
  const rules = selectRules(all, levels, options.only, options.skip);
  let findings = lint(project, rules, {
    settings: ruleSettings(config),
    levelFor: (id, file) => levels.levelFor(id, file),
    knownRuleIds: new Set(all.map((r) => r.id)),
    ...(options.onRuleError ? { onRuleError: options.onRuleError } : {}),
    ...(options.onProgress
      ? { onProgress: (d: number, t: number) => options.onProgress?.(`reviewing ${d}/${t}`) }
      : {}),
  });
  if (options.restrictTo) {
    const keep = withDependencies(project, options.restrictTo);
    findings = findings.filter((f) => keep.has(f.file));
  }
  if (options.baseline) findings = options.baseline.apply(findings);
  return {
    root,
    files: project.files.length,
    findings,
    skipped: [...project.skipped],
    durationMs: Math.round(performance.now() - started),
  };
}
