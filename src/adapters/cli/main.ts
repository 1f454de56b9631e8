#!/usr/bin/env node
import { once } from 'node:events';
import { runCli } from './run.js';

// Process entry: wires stdout/stderr and the exit code; everything else is in run.ts (tested in-process).
const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  // Backpressure: wait for 'drain' when the pipe is full (rejects on a stream error, e.g. EPIPE).
  stdoutAsync: async (s) => {
    if (!process.stdout.write(s)) await once(process.stdout, 'drain');
  },
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
// Never process.exit(): piped output would be cut.
process.exitCode = code;
