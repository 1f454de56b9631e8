import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { SkippedFile } from '../core/types.js';
import { ALWAYS_IGNORED_DIRS, isBinaryByName } from './classify.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface DiscoverOptions {
  /** Paths to review (files or directories), absolute or relative to cwd. */
  paths: readonly string[];
  /** The root all reported paths are relative to. */
  root: string;
  ignorePaths?: readonly string[];
  /** Directory the ignorePaths globs are relative to (the config file's directory; default: root). */
  ignoreBase?: string;
  maxFileSize?: number;
}

export interface DiscoveredFile {
  /** Repo-relative POSIX path. */
  path: string;
  absPath: string;
  text: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
  /** Every candidate path seen, read or not. */
  allPaths: string[];
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Walks the given paths deterministically (sorted), honouring .gitignore files and ignorePaths. */
export function discover(options: DiscoverOptions): Discovery {
  const root = resolve(options.root);
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const ignoreMatchers = (options.ignorePaths ?? []).map((g) => picomatch(g, { dot: true }));
  const ignoreBase = resolve(options.ignoreBase ?? root);
  const userIgnored = (abs: string) => {
    if (ignoreMatchers.length === 0) return false;
    const rel = toPosix(relative(ignoreBase, abs));
    return !rel.startsWith('..') && ignoreMatchers.some((m) => m(rel) || m(`${rel}/`));
  };
  const files: DiscoveredFile[] = [];
  const skipped: SkippedFile[] = [];
  const allPaths: string[] = [];
  const seenFiles = new Set<string>();

  const relOf = (abs: string) => toPosix(relative(root, abs)) || posix.basename(toPosix(abs));

  const readCandidate = (abs: string, rel: string) => {
    if (seenFiles.has(rel)) return;
    seenFiles.add(rel);
    if (isBinaryByName(rel)) return;
    allPaths.push(rel);
    const result = readGuarded(abs, maxSize);
    if (typeof result === 'string') files.push({ path: rel, absPath: abs, text: result });
    else skipped.push({ file: rel, reason: result.reason });
  };

  // Directory walk; `ancestors` holds real paths of the directories on the current branch (loop guard).
  const walk = (absDir: string, rules: GitignoreScope[], ancestors: Set<string>) => {
    let real: string;
    try {
      real = realpathSync(absDir);
    } catch (error) {
      skipped.push({ file: relOf(absDir), reason: `unreadable directory: ${errorCode(error)}` });
      return;
    }
    if (ancestors.has(real)) {
      skipped.push({ file: relOf(absDir), reason: 'symlink loop' });
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(absDir).sort();
    } catch (error) {
      skipped.push({ file: relOf(absDir), reason: `unreadable directory: ${errorCode(error)}` });
      return;
    }
    const scopes = withGitignore(absDir, rules);
    const nextAncestors = new Set(ancestors).add(real);
    for (const name of entries) {
      const abs = join(absDir, name);
      const rel = relOf(abs);
      let isDir: boolean;
      try {
        isDir = statSync(abs).isDirectory();
      } catch (error) {
        // A dangling symlink or a file that vanished: nothing to review, but say so.
        skipped.push({ file: rel, reason: `unreadable: ${errorCode(error)}` });
        continue;
      }
      if (isDir && ALWAYS_IGNORED_DIRS.has(name)) continue;
      if (isIgnored(scopes, abs, isDir) || userIgnored(abs)) continue;
      if (isDir) walk(abs, scopes, nextAncestors);
      else readCandidate(abs, rel);
    }
  };

  for (const p of options.paths) {
    const abs = resolve(p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (error) {
      throw new DiscoveryError(`cannot read ${p}: ${errorCode(error)}`);
    }
    if (isDir) {
      // A directory named explicitly is reviewed even when a parent .gitignore ignores it (as asked).
      const parents = parentGitignores(root, abs);
      walk(abs, isIgnored(parents, abs, true) ? [] : parents, new Set());
    } else readCandidate(abs, relOf(abs));
  }
  files.sort((a, b) => compare(a.path, b.path));
  skipped.sort((a, b) => compare(a.file, b.file));
  allPaths.sort(compare);
  return { files, skipped, allPaths };
}

export class DiscoveryError extends Error {}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** Reads a file with the size, binary and UTF-8 guards. Returns the text or a skip reason. */
export function readGuarded(abs: string, maxSize: number): string | { reason: string } {
  let size: number;
  try {
    size = statSync(abs).size;
  } catch (error) {
    return { reason: `unreadable: ${errorCode(error)}` };
  }
  if (size > maxSize) return { reason: `too large: ${size} bytes (limit ${maxSize})` };
  let buffer: Buffer;
  try {
    buffer = readFileSync(abs);
  } catch (error) {
    return { reason: `unreadable: ${errorCode(error)}` };
  }
  const probe = buffer.subarray(0, 8192);
  if (probe.includes(0)) return { reason: 'binary content' };
  try {
    const text = utf8.decode(buffer);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return { reason: 'invalid UTF-8' };
  }
}

interface GitignoreScope {
  dir: string;
  matcher: Ignore;
}

function withGitignore(absDir: string, scopes: GitignoreScope[]): GitignoreScope[] {
  let content: string;
  try {
    content = readFileSync(join(absDir, '.gitignore'), 'utf8');
  } catch {
    return scopes;
  }
  return [...scopes, { dir: absDir, matcher: ignore().add(content) }];
}

/** .gitignore files of the directories between the root and a reviewed sub-directory. */
function parentGitignores(root: string, absDir: string): GitignoreScope[] {
  const rel = relative(root, absDir);
  if (rel.startsWith('..') || rel === '') return [];
  const scopes: GitignoreScope[] = [];
  let dir = root;
  const parts = rel.split(sep);
  parts.pop();
  for (const part of ['', ...parts]) {
    dir = part === '' ? dir : join(dir, part);
    const next = withGitignore(dir, scopes);
    if (next !== scopes) scopes.push(next[next.length - 1] as GitignoreScope);
  }
  return scopes;
}

function isIgnored(scopes: GitignoreScope[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const rel = toPosix(relative(scope.dir, abs));
    if (rel.startsWith('..')) continue;
    const r = scope.matcher.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}
