import { ConfigError } from '../../config/config.js';
import { VERSION } from '../../version.js';
import { DiscoveryError } from '../../workspace/discover.js';
import { type CliIO, type Command, UsageError } from './io.js';
import { USAGE } from './usage.js';

export type { CliIO } from './io.js';
export { UsageError } from './io.js';

/**
 * Subcommands; each lives in its own module and gets argv after the command name. Loaded on demand, so that
 * `review` does not also set up the hub, the incident toolkit, the scaffold recipes or the MCP server.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  review: async () => (await import('./review-command.js')).reviewCommand,
  rules: async () => (await import('./rules-command.js')).rulesCommand,
  run: async () => (await import('./scaffold-command.js')).runCommand,
  guard: async () => (await import('./guard-command.js')).guardCliCommand,
  hub: async () => (await import('./hub-command.js')).hubCommand,
  incident: async () => (await import('./incident-command.js')).incidentCommand,
  hook: async () => (await import('./hook-command.js')).hookCommand,
  mcp: async () => (await import('./mcp-command.js')).mcpCommand,
  doctor: async () => (await import('./doctor-command.js')).doctorCommand,
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const load = command === undefined || !Object.hasOwn(COMMANDS, command) ? undefined : COMMANDS[command];
    if (load) return await (await load())(rest, io);
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
