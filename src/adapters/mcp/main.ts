#!/usr/bin/env node
import { UsageError } from '../cli/io.js';
import { mcpCommand } from '../cli/mcp-command.js';

// Bundle entry (plugins/proagent-devops/dist/mcp.mjs): `node mcp.mjs [--http ...]`, the same as
// `proagent-devops mcp`. Usage errors exit 2 with one line on stderr, never a stack trace.
try {
  process.exitCode = await mcpCommand(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('E'))) {
    process.stderr.write(`proagent-devops mcp: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`proagent-devops mcp: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  }
}
