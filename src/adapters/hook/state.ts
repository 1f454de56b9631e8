/**
 * Where hooks keep state between processes: `${CLAUDE_PLUGIN_DATA}` (persistent per plugin; never the plugin
 * root, which is replaced on every update). Each hook is a new process, so what PostToolUse learns (the files
 * this session changed) is written here for Stop to read.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { HookInput } from './protocol.js';

export type HookEnv = Readonly<Record<string, string | undefined>>;

/** The plugin data directory; outside Claude Code (a manual run), a per-user temp directory. */
export function dataDir(env: HookEnv): string {
  const configured = env.CLAUDE_PLUGIN_DATA;
  if (configured !== undefined && configured !== '') return resolve(configured);
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `proagent-devops-hook-${user}`);
}

/** The user's project: `${CLAUDE_PROJECT_DIR}`, else the session's cwd. */
export function projectDir(input: HookInput, env: HookEnv): string {
  const configured = env.CLAUDE_PROJECT_DIR;
  return resolve(configured !== undefined && configured !== '' ? configured : input.cwd);
}

/** A short stable file name for a key (a project path, a session id) that may hold any character. */
export function keyFileName(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

/** Reads a JSON state file; a missing or damaged file is `undefined` (state is a cache, never a source of truth). */
export function readState<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes atomically: a concurrent reader sees the old or the new file, never half of one. */
export function writeState(path: string, value: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

/**
 * What this session changed, for the Stop hook. One small file per changed path: PostToolUse hooks of
 * parallel tool calls run at the same time, and a shared read-modify-write file would lose updates.
 */
function sessionDir(env: HookEnv, sessionId: string): string {
  return join(dataDir(env), 'sessions', keyFileName(sessionId || 'no-session'));
}

export function recordChangedFile(env: HookEnv, sessionId: string, absPath: string): void {
  const dir = join(sessionDir(env, sessionId), 'changed');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, keyFileName(absPath)), absPath);
}

/** Absolute paths of the artifacts written or edited in this session, sorted. */
export function changedFiles(env: HookEnv, sessionId: string): string[] {
  const dir = join(sessionDir(env, sessionId), 'changed');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const paths = new Set<string>();
  for (const name of names) {
    try {
      paths.add(readFileSync(join(dir, name), 'utf8'));
    } catch {
      // removed meanwhile
    }
  }
  return [...paths].sort();
}

/** Fingerprints of the error findings the Stop hook already blocked on (it blocks once per set). */
export function blockedOn(env: HookEnv, sessionId: string): string[] {
  const raw = readState<unknown>(join(sessionDir(env, sessionId), 'stop.json'));
  const list = (raw as { blockedOn?: unknown } | undefined)?.blockedOn;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

export function recordBlockedOn(env: HookEnv, sessionId: string, fingerprints: readonly string[]): void {
  writeState(join(sessionDir(env, sessionId), 'stop.json'), { blockedOn: fingerprints });
}
