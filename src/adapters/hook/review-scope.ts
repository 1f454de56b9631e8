/**
 * Reviews the files a session changed, with the cross-file context their rules need, inside a hook's time
 * budget. Small projects are reviewed whole (exactly what `proagent-devops review` reports for those files);
 * on larger ones the review reads each changed file's directory plus the files it depends on (a compose
 * file's Dockerfiles and env files, a Dockerfile's .dockerignore) and leaves out the rules that judge the
 * whole repository, which would misfire on a partial view.
 *
 * This module loads the engine and every rule family: hook events import it lazily, only when they review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { type Config, ConfigError, defaultConfig, findConfigFile, validateConfig } from '../../config/config.js';
import type { Finding } from '../../core/types.js';
import { withDependencies } from '../../models/dependencies.js';
import { loadProject, review } from '../../review.js';
import { RULES } from '../../rules/registry.js';
import { ALWAYS_IGNORED_DIRS, isBinaryByName } from '../../workspace/classify.js';
import { readConfigData } from './settings.js';

/** Projects up to this many files are reviewed whole (about a third of a second at 1,000 files/s). */
export const FULL_REVIEW_MAX_FILES = 400;
/** In the partial review, a changed file's directory is read up to this many files. */
export const LOCAL_DIR_MAX_FILES = 200;

/**
 * Rules whose verdict depends on files anywhere in the repository (a NetworkPolicy or PDB in another folder,
 * the root .gitignore, a secret scanner in some CI file): left out of the partial review, where the missing
 * files would look absent and the rule would fire on a file that is fine.
 */
export const NEEDS_WHOLE_REPO: ReadonlySet<string> = new Set([
  'SEC002',
  'SEC005',
  'K8S011',
  'K8S012',
  'K8S014',
  'OBS001',
  'PRM008',
  'PRM011',
  'TF013',
  'PDO002',
]);

const toPosix = (p: string) => p.split(sep).join('/');

export interface ProjectWalk {
  /** Files seen, up to the cap. */
  count: number;
  /** True when the walk stopped at the cap. */
  capped: boolean;
  /** `path size mtime` of every file seen, sorted (a cheap change detector for caches). */
  stamps: string[];
}

/**
 * Counts the project's files (honouring the root .gitignore and the always-ignored directories), stopping at
 * `cap`. Cheaper than discovery: it reads no file contents.
 */
export function walkProject(root: string, cap: number, withStamps = false): ProjectWalk {
  const ig = ignore();
  try {
    ig.add(readFileSync(join(root, '.gitignore'), 'utf8'));
  } catch {
    // no root .gitignore
  }
  const out: ProjectWalk = { count: 0, capped: false, stamps: [] };
  const walk = (dir: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.capped) return;
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(root, abs));
      if (entry.isDirectory()) {
        if (ALWAYS_IGNORED_DIRS.has(entry.name) || ig.ignores(`${rel}/`)) continue;
        walk(abs);
      } else if (entry.isFile() && !ig.ignores(rel) && !isBinaryByName(rel)) {
        if (++out.count > cap) {
          out.capped = true;
          return;
        }
        if (withStamps) {
          try {
            const st = statSync(abs);
            out.stamps.push(`${rel} ${st.size} ${Math.trunc(st.mtimeMs)}`);
          } catch {
            // vanished
          }
        }
      }
    }
  };
  walk(root);
  out.stamps.sort();
  return out;
}

export interface ReviewConfig {
  config: Config;
  /** Why the defaults are used instead of the project's config. */
  warning?: string;
}

/**
 * The review config of the project. The `guard` and `hooks` sections belong to the hooks, not to the review's
 * schema, so they are set aside before validation. A broken config falls back to the defaults, with a warning.
 */
export function loadReviewConfig(root: string): ReviewConfig {
  const path = findConfigFile(root);
  if (path === undefined) return { config: defaultConfig() };
  try {
    const data = readConfigData(path);
    const rest =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'guard' && k !== 'hooks'))
        : data;
    return { config: { ...validateConfig(rest, new Set(RULES.map((r) => r.id)), path), path } };
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : `${path}: ${(error as Error).message.split('\n')[0]}`;
    return { config: defaultConfig(), warning: `${message}; reviewed with the default settings` };
  }
}

export interface ScopedReview {
  /** Unsuppressed findings on the given files, in the engine's order. */
  findings: Finding[];
  mode: 'project' | 'local';
}

/** Regular files of a directory (not recursive), up to the cap. */
function directoryFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !isBinaryByName(e.name))
      .map((e) => join(dir, e.name))
      .sort()
      .slice(0, LOCAL_DIR_MAX_FILES);
  } catch {
    return [];
  }
}

/** Reviews `files` (absolute paths under `root`) and returns their own unsuppressed findings. */
export function reviewChangedFiles(root: string, files: readonly string[], reviewConfig?: ReviewConfig): ScopedReview {
  const { config } = reviewConfig ?? loadReviewConfig(root);
  const rels = files.map((f) => toPosix(relative(root, f)));
  const mine = (f: Finding) => !f.suppressed && rels.includes(f.file);
  const insideRoot = rels.every((r) => !r.startsWith('..') && !isAbsolute(r));
  if (insideRoot && !walkProject(root, FULL_REVIEW_MAX_FILES).capped) {
    const result = review({ paths: [root], root, config, restrictTo: new Set(rels) });
    return { findings: result.findings.filter(mine), mode: 'project' };
  }
  const ignored = config.ignorePaths.length > 0 ? picomatch(config.ignorePaths, { dot: true }) : undefined;
  const configDir = config.path ? dirname(config.path) : root;
  const reviewed = files.filter((f) => !ignored?.(toPosix(relative(configDir, f))));
  if (reviewed.length === 0) return { findings: [], mode: 'local' };
  const paths = new Set(reviewed.flatMap((f) => [f, ...directoryFiles(dirname(f))]));
  // Dependencies outside those directories: a compose service building ../api/Dockerfile, an env_file.
  const project = loadProject({ paths: [...paths], root, config });
  for (const dep of withDependencies(project, new Set(rels))) {
    const abs = resolve(root, dep);
    if (!paths.has(abs) && isFile(abs)) paths.add(abs);
  }
  const rules = RULES.filter((r) => !NEEDS_WHOLE_REPO.has(r.id));
  const result = review({ paths: [...paths], root, config, rules, restrictTo: new Set(rels) });
  return { findings: result.findings.filter(mine), mode: 'local' };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
