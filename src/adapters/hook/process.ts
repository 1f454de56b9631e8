/**
 * The hook as a process: shared by the bundle entry (`dist/hook.mjs <event>`) and `proagent-devops hook EVENT`.
 * Exit code 0 always once stdin was read (a non-zero code other than 2 blocks nothing and only hides our
 * message); 2 only for a person running it by hand at a terminal, with a usage line.
 */
import { fstatSync, readFileSync } from 'node:fs';
import { runHook, serializeOutput } from './run.js';
import type { HookEnv } from './state.js';

export const HOOK_USAGE =
  'usage: hook.mjs pre-tool-use|post-tool-use|session-start|stop  (Claude Code hook: JSON on stdin)\n';

/**
 * Reads stdin to the end; `undefined` when it is a terminal (nobody is piping a hook payload). Synchronous on
 * fd 0: `process.stdin` would load the net and stream machinery, a measurable share of a hook's start-up.
 */
export async function readStdin(): Promise<string | undefined> {
  if (await stdinIsTerminal()) return undefined;
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    // A non-blocking stdin (EAGAIN) cannot be read synchronously: fall back to the stream.
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** `isatty(0)`, without loading node:tty (and with it the net module) when stdin is a pipe or a file. */
async function stdinIsTerminal(): Promise<boolean> {
  try {
    if (!fstatSync(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const { isatty } = await import('node:tty');
  return isatty(0);
}

export interface HookProcessIO {
  env: HookEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function runHookProcess(event: string | undefined, stdin: string | undefined, io: HookProcessIO) {
  if (stdin === undefined) {
    io.stderr(HOOK_USAGE);
    return 2;
  }
  const output = await runHook(event, stdin, io.env);
  // The user sees systemMessage in Claude Code; stderr keeps a trace when the hook runs elsewhere.
  if (output.systemMessage) io.stderr(`${output.systemMessage}\n`);
  io.stdout(serializeOutput(output));
  return 0;
}
