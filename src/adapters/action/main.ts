import { ConfigError } from '../../config/config.js';
import { DiscoveryError } from '../../workspace/discover.js';
import { UsageError } from '../cli/io.js';
import { runAction } from './run.js';
import { command } from './workflow-commands.js';

// Entry of the committed bundle dist/action.mjs (action.yml: `runs.main`). Bad input or config fails the
// step with one `::error::` line (exit 2), never a stack trace; findings at or above fail-on exit 1.
const out = (s: string) => process.stdout.write(s);
try {
  process.exitCode = runAction({ cwd: process.cwd(), env: process.env, stdout: out });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const expected =
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof DiscoveryError ||
    (typeof code === 'string' && code.startsWith('E'));
  if (expected) {
    out(command('error', `proagent-devops: ${(error as Error).message}`));
    process.exitCode = 2;
  } else {
    out(command('error', `proagent-devops: internal error: ${(error as Error)?.message ?? String(error)}`));
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  }
}
