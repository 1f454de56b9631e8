/**
 * Runs the committed hook bundle (`plugins/proagent-devops/dist/hook.mjs`) as Claude Code does: one process
 * per event, JSON on stdin, a clean environment (no KUBECONFIG, TF_WORKSPACE or HOME of the developer).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;
export const PLUGIN_DIR = join(REPO_ROOT, 'plugins/proagent-devops');
export const HOOK_BUNDLE = join(PLUGIN_DIR, 'dist/hook.mjs');

export interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON; `undefined` when the hook printed nothing. */
  output: Record<string, unknown> | undefined;
}

/** A throwaway project, plugin data and home directory for one test. */
export interface Sandbox {
  project: string;
  data: string;
  home: string;
  put(rel: string, content: string): string;
  env(extra?: Record<string, string>): Record<string, string>;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const base = mkdtempSync(join(tmpdir(), 'pdo-hook-'));
  const project = join(base, 'shop');
  const data = join(base, 'plugin-data');
  const home = join(base, 'home');
  for (const d of [project, data, home]) mkdirSync(d);
  return {
    project,
    data,
    home,
    put(rel, content) {
      const abs = join(project, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    env: (extra = {}) => ({
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      CLAUDE_PLUGIN_DATA: data,
      CLAUDE_PROJECT_DIR: project,
      ...extra,
    }),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Runs the bundle with `event` as its argument (none when undefined) and `stdin` (a value is JSON-encoded). */
export function runHook(event: string | undefined, stdin: unknown, env: Record<string, string>): HookRun {
  if (!existsSync(HOOK_BUNDLE)) throw new Error(`${HOOK_BUNDLE} is missing: run \`npm run build\``);
  const input = typeof stdin === 'string' ? stdin : JSON.stringify(stdin);
  const result = spawnSync(process.execPath, event === undefined ? [HOOK_BUNDLE] : [HOOK_BUNDLE, event], {
    input,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  const stdout = result.stdout;
  return {
    code: result.status,
    stdout,
    stderr: result.stderr,
    output: stdout.trim() === '' ? undefined : (JSON.parse(stdout) as Record<string, unknown>),
  };
}

/** The stdin payload Claude Code sends for a tool event (the shape of hook-stdin-samples.jsonl). */
export function toolEvent(
  event: 'PreToolUse' | 'PostToolUse',
  cwd: string,
  toolName: string,
  toolInput: Record<string, unknown>,
): Record<string, unknown> {
  return {
    session_id: 'session-under-test',
    transcript_path: join(cwd, '.transcript.jsonl'),
    cwd,
    permission_mode: 'default',
    hook_event_name: event,
    tool_name: toolName,
    tool_input: toolInput,
    tool_use_id: 'toolu_test',
    ...(event === 'PostToolUse' ? { tool_response: { type: 'create', filePath: toolInput.file_path } } : {}),
  };
}
