import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ToolError } from '../tool.js';

/** True when `target` (absolute, symlinks resolved) is `root` or below it. */
function contains(root: string, target: string): boolean {
  const rel = relative(root, target);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** A path inside the workspace, symlinks resolved: a remote client must not read the rest of the disk. */
export function insideRoot(root: string, path: string): string {
  const abs = resolve(root, path);
  if (!existsSync(abs)) throw new ToolError(`no such file or directory: ${path}`);
  if (!contains(realpathSync(root), realpathSync(abs))) throw new ToolError(`${path} is outside the workspace root`);
  return abs;
}

/** An existing regular file inside the workspace. */
export function fileInsideRoot(root: string, path: string, what = 'file'): string {
  const abs = insideRoot(root, path);
  if (!statSync(abs).isFile()) throw new ToolError(`${path} is not a ${what}`);
  return abs;
}

/** An existing directory inside the workspace. */
export function directoryInsideRoot(root: string, path: string): string {
  const abs = insideRoot(root, path);
  if (!statSync(abs).isDirectory()) throw new ToolError(`${path} is not a directory`);
  return abs;
}

/**
 * A place to write inside the workspace that may not exist yet: its nearest existing ancestor, symlinks
 * resolved (a dangling link is refused), must be inside the root; the rest is created below it.
 */
export function targetInsideRoot(root: string, path: string): string {
  const abs = resolve(root, path);
  const realRoot = realpathSync(root);
  let existing = abs;
  for (;;) {
    let found = true;
    try {
      lstatSync(existing);
    } catch {
      found = false;
    }
    if (found) break;
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw new ToolError(`${path} is outside the workspace root`);
  }
  // The part below `existing` does not exist yet: plain segments (resolve removed `..`), no links.
  if (!contains(realRoot, real)) throw new ToolError(`${path} is outside the workspace root`);
  return abs;
}

/** How to name an absolute path inside the workspace: root-relative, POSIX, `.` for the root. */
export function rootRelative(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel === '' ? '.' : rel.split(sep).join('/');
}
