import { type ParseArgsConfig, parseArgs } from 'node:util';

/** What a command may touch of the process: injected so that commands run in-process in tests. */
export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Usage errors, bad config, unreadable input: one line on stderr, exit code 2. */
export class UsageError extends Error {}

export type Command = (argv: readonly string[], io: CliIO) => number | Promise<number>;

/** node:util parseArgs with strict options; its errors become usage errors (exit 2). */
export function parse<const O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

/** A flag value from a fixed set, or a usage error naming the allowed values. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  if (flag === '--format' && value === 'html') {
    throw new UsageError(
      '--format html is not available yet (it comes with the hub); use text, json, sarif or markdown',
    );
  }
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
