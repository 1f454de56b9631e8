import { readStdin, runHookProcess } from '../hook/process.js';
import { type Command, UsageError } from './io.js';

/**
 * `proagent-devops hook EVENT`: the Claude Code hook entry from the CLI (JSON on stdin), the same as the
 * plugin's `dist/hook.mjs EVENT`, for settings.json hooks written without the plugin. stdin is the process's:
 * CliIO carries no input stream.
 */
export const hookCommand: Command = async (argv, io) => {
  if (argv.length !== 1 || argv[0]?.startsWith('-')) {
    throw new UsageError('hook takes one event: pre-tool-use, post-tool-use, session-start or stop (JSON on stdin)');
  }
  return runHookProcess(argv[0], await readStdin(), io);
};
