/**
 * Input the hook does not expect, and its own failures: it always exits 0 with a visible `systemMessage`
 * (fail open: the tool goes through the user's normal permission flow) and never prints a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOOK_USAGE, runHookProcess } from '../../src/adapters/hook/process.js';
import { keyFileName } from '../../src/adapters/hook/state.js';
import { runHook, type Sandbox, sandbox, toolEvent } from './hook-runner.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

describe('malformed stdin', () => {
  const bash = () => toolEvent('PreToolUse', box.project, 'Bash', { command: 'terraform destroy' });
  it.each([
    [
      'empty stdin',
      'pre-tool-use',
      '',
      'proagent-devops hook (PreToolUse): stdin is empty; the tool call was not checked',
    ],
    [
      'not JSON',
      'pre-tool-use',
      '{"tool_name": "Bash",',
      'proagent-devops hook (PreToolUse): stdin is not valid JSON (21 characters); the tool call was not checked',
    ],
    [
      'a JSON array',
      'post-tool-use',
      '[1, 2]',
      'proagent-devops hook (PostToolUse): stdin is not a JSON object; the file was not reviewed',
    ],
    [
      'no cwd',
      'stop',
      '{"hook_event_name": "Stop", "session_id": "s"}',
      'proagent-devops hook (Stop): stdin has no "cwd"; changed files were not re-checked',
    ],
    [
      'an unknown event argument',
      'pre-commit',
      '{}',
      'proagent-devops hook: unknown hook event "pre-commit" (expected pre-tool-use, post-tool-use, session-start or stop)',
    ],
  ])('%s: exit 0 and a systemMessage', (_name, event, stdin, message) => {
    const run = runHook(event, stdin, box.env());
    expect(run.code).toBe(0);
    expect(run.output).toEqual({ systemMessage: message });
    expect(run.stderr).toBe(`${message}\n`);
  });

  it('an event that contradicts the registration is refused, not guessed', () => {
    const run = runHook('post-tool-use', bash(), box.env());
    expect(run.output).toEqual({
      systemMessage:
        'proagent-devops hook (PostToolUse): registered for PostToolUse but called for PreToolUse; the file was not reviewed',
    });
  });

  it('unknown tools and tool inputs without the fields it reads are passed through silently', () => {
    expect(runHook('pre-tool-use', toolEvent('PreToolUse', box.project, 'Read', {}), box.env()).output).toBeUndefined();
    expect(runHook('pre-tool-use', toolEvent('PreToolUse', box.project, 'Bash', {}), box.env()).output).toBeUndefined();
    expect(
      runHook('pre-tool-use', toolEvent('PreToolUse', box.project, 'Write', {}), box.env()).output,
    ).toBeUndefined();
  });

  it('at a terminal (no piped stdin) prints its usage and exits 2', async () => {
    let stderr = '';
    let stdout = '';
    const code = await runHookProcess('pre-tool-use', undefined, {
      env: {},
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
    expect([code, stdout, stderr]).toEqual([2, '', HOOK_USAGE]);
  });
});

describe('internal errors fail open', () => {
  it('a plugin data directory that cannot be written: the file is not reviewed, and the user is told', () => {
    const notADirectory = join(box.data, 'file');
    writeFileSync(notADirectory, '');
    const file = box.put('Dockerfile', 'FROM node:latest\n');
    const run = runHook(
      'post-tool-use',
      toolEvent('PostToolUse', box.project, 'Write', { file_path: file }),
      box.env({ CLAUDE_PLUGIN_DATA: notADirectory }),
    );
    expect(run.code).toBe(0);
    const changedDir = join(notADirectory, 'sessions', keyFileName('session-under-test'), 'changed');
    expect(run.output).toEqual({
      systemMessage: `proagent-devops hook (PostToolUse): internal error: ENOTDIR: not a directory, mkdir '${changedDir}'; the file was not reviewed`,
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('never fails open on a policy match: a secret is denied even when state cannot be written', () => {
    const notADirectory = join(box.data, 'file');
    writeFileSync(notADirectory, '');
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}f6G7h8`;
    const run = runHook(
      'pre-tool-use',
      toolEvent('PreToolUse', box.project, 'Write', { file_path: join(box.project, 'a.env'), content: `T=${token}\n` }),
      box.env({ CLAUDE_PLUGIN_DATA: notADirectory }),
    );
    expect(run.output?.hookSpecificOutput).toMatchObject({ permissionDecision: 'deny' });
  });
});
