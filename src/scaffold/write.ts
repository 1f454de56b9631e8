import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GeneratedFiles } from './types.js';

/** A write that must not happen: a path escaping `--out`, a symlink, a file where a directory is needed. */
export class UnsafeWriteError extends Error {}

export type PlannedStatus = 'create' | 'unchanged' | 'conflict' | 'overwrite';

export interface PlannedFile {
  /** POSIX path relative to the output directory. */
  path: string;
  absolute: string;
  content: string;
  status: PlannedStatus;
  /** The current content when the file exists (for diffs). */
  existing?: string;
}

const inside = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** Rejects paths a recipe must never produce: absolute, `..`, empty segments, backslashes, NUL. */
export function checkRelativePath(path: string): void {
  const segments = path.split('/');
  if (
    path === '' ||
    isAbsolute(path) ||
    /^[A-Za-z]:/.test(path) ||
    path.includes('\\') ||
    path.includes('\0') ||
    segments.some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw new UnsafeWriteError(`refusing to write "${path}": it is not a plain relative path inside --out`);
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Decides what happens to each file under `outDir` without touching the disk: new, unchanged, or a
 * conflict with an existing different file (`overwrite` only with `force`). Refuses any path that
 * resolves outside `outDir`, including through a symlinked directory, and refuses to replace symlinks.
 */
export function planWrite(outDir: string, files: GeneratedFiles, force: boolean): PlannedFile[] {
  const root = resolve(outDir);
  const rootStat = lstatOrUndefined(root);
  if (rootStat && !rootStat.isDirectory() && !rootStat.isSymbolicLink()) {
    throw new UnsafeWriteError(`--out ${outDir} exists and is not a directory`);
  }
  const realRoot = rootStat ? realpathSync(root) : root;
  const planned: PlannedFile[] = [];
  for (const path of Object.keys(files).sort()) {
    checkRelativePath(path);
    const absolute = resolve(root, ...path.split('/'));
    if (!inside(root, absolute)) throw new UnsafeWriteError(`refusing to write "${path}": it escapes --out`);
    // Every existing ancestor must be a real directory inside the real output directory.
    let dir = root;
    for (const segment of path.split('/').slice(0, -1)) {
      dir = join(dir, segment);
      const st = lstatOrUndefined(dir);
      if (!st) break;
      if (st.isSymbolicLink()) {
        const real = realpathSync(dir);
        if (!inside(realRoot, real)) {
          throw new UnsafeWriteError(`refusing to write "${path}": ${relative(root, dir)} links outside --out`);
        }
      } else if (!st.isDirectory()) {
        throw new UnsafeWriteError(`cannot write "${path}": ${relative(root, dir)} exists and is not a directory`);
      }
    }
    const content = files[path] as string;
    const st = lstatOrUndefined(absolute);
    if (!st) {
      planned.push({ path, absolute, content, status: 'create' });
      continue;
    }
    if (st.isSymbolicLink()) throw new UnsafeWriteError(`refusing to replace "${path}": it is a symbolic link`);
    if (!st.isFile()) throw new UnsafeWriteError(`cannot write "${path}": it exists and is not a regular file`);
    const existing = readFileSync(absolute, 'utf8');
    const status: PlannedStatus = existing === content ? 'unchanged' : force ? 'overwrite' : 'conflict';
    planned.push({ path, absolute, content, status, existing });
  }
  return planned;
}

function writeTemp(target: string, content: string): string {
  const tmp = join(dirname(target), `.${randomBytes(6).toString('hex')}.proagent-devops.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Writes the planned files atomically: every file goes to a temporary file in its own directory first,
 * and only when all of them are on disk are they moved into place. New files are linked into place
 * (fails if something appeared there meanwhile, so nothing is clobbered); `overwrite`s are renamed over.
 * Refuses to start while any conflict is unresolved.
 */
export function commitWrite(planned: readonly PlannedFile[]): PlannedFile[] {
  const conflicts = planned.filter((p) => p.status === 'conflict');
  if (conflicts.length > 0) {
    throw new UnsafeWriteError(`refusing to overwrite ${conflicts.map((c) => c.path).join(', ')} without --force`);
  }
  const todo = planned.filter((p) => p.status === 'create' || p.status === 'overwrite');
  const temps: { file: PlannedFile; tmp: string }[] = [];
  try {
    for (const file of todo) {
      mkdirSync(dirname(file.absolute), { recursive: true });
      temps.push({ file, tmp: writeTemp(file.absolute, file.content) });
    }
    for (const { file, tmp } of temps) {
      if (file.status === 'create') {
        try {
          linkSync(tmp, file.absolute);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') {
            throw new UnsafeWriteError(`"${file.path}" appeared while writing; not overwritten (run again)`);
          }
          // File systems without hard links: check-then-rename (a narrower race, still never a torn file).
          if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
          if (lstatOrUndefined(file.absolute)) {
            throw new UnsafeWriteError(`"${file.path}" appeared while writing; not overwritten (run again)`);
          }
          renameSync(tmp, file.absolute);
        }
        rmSync(tmp, { force: true });
      } else {
        renameSync(tmp, file.absolute);
      }
    }
  } finally {
    for (const { tmp } of temps) rmSync(tmp, { force: true });
  }
  return todo;
}
