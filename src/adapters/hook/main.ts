#!/usr/bin/env node
import { writeSync } from 'node:fs';
import { readStdin, runHookProcess } from './process.js';

/**
 * Writes to fd 1 or 2 synchronously: `process.stdout`/`process.stderr` on a pipe would load the net and stream
 * machinery at start-up. The answer is small (under the 64 KiB a pipe buffers); a non-blocking pipe that is
 * full (EAGAIN) falls back to the stream.
 */
function writeFd(fd: 1 | 2, text: string): void {
  if (text === '') return;
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(written));
  }
}

// Bundle entry (plugins/proagent-devops/dist/hook.mjs), run by hooks/hooks.json as `node hook.mjs <event>`.
process.exitCode = await runHookProcess(process.argv[2], await readStdin(), {
  env: process.env,
  stdout: (s) => writeFd(1, s),
  stderr: (s) => writeFd(2, s),
});
