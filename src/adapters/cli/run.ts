import { ConfigError } from '../../config/config.js';
import { VERSION } from '../../version.js';
import { DiscoveryError } from '../../workspace/discover.js';
import { doctorCommand } from './doctor-command.js';
import { guardCliCommand } from './guard-command.js';
import { hookCommand } from './hook-command.js';
import { hubCommand } from './hub-command.js';
import { incidentCommand } from './incident-command.js';
import { type CliIO, type Command, UsageError } from './io.js';
import { mcpCommand } from './mcp-command.js';
import { reviewCommand } from './review-command.js';
import { rulesCommand } from './rules-command.js';
import { runCommand } from './scaffold-command.js';
import { USAGE } from './usage.js';

export type { CliIO } from './io.js';
export { UsageError } from './io.js';

/** Subcommands; each lives in its own module and gets argv after the command name. */
const COMMANDS: Record<string, Command> = {
  review: reviewCommand,
  rules: rulesCommand,
  run: runCommand,
  guard: guardCliCommand,
  hub: hubCommand,
  incident: incidentCommand,
  hook: hookCommand,
  mcp: mcpCommand,
  doctor: doctorCommand,
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const handler = command === undefined ? undefined : COMMANDS[command];
    if (handler) return await handler(rest, io);
    switch (command) {
      case 'version':
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (run "proagent-devops --help")`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DiscoveryError) {
      io.stderr(`proagent-devops: ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && typeof code === 'string' && code.startsWith('E')) {
      io.stderr(`proagent-devops: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
