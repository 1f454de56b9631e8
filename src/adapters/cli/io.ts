import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** What a command may touch of the process: injected so that commands run in-process in tests. */
export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  /**
   * Writes to stdout and resolves when the stream can take more (backpressure), for large reports written
   * chunk by chunk. Optional: without it (in-process tests), chunks go to `stdout`.
   */
  stdoutAsync?: (s: string) => Promise<void>;
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

/** Chunks are coalesced into writes of about this many characters: not one write per finding. */
const WRITE_BATCH = 64 * 1024;

function* batched(chunks: Iterable<string>): Generator<string> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= WRITE_BATCH) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** Writes a report to stdout as it is produced, waiting for the stream to drain when it asks to. */
export async function writeStdout(io: CliIO, chunks: Iterable<string>): Promise<void> {
  for (const batch of batched(chunks)) {
    if (io.stdoutAsync) await io.stdoutAsync(batch);
    else io.stdout(batch);
  }
}

/**
 * Writes a file atomically: into a temporary file beside it, renamed over it once complete, so that a
 * reader never sees half a report and a failed run leaves the previous file as it was. `content` may be
 * a sequence of chunks, written as they are produced.
 */
export function writeAtomic(path: string, content: string | Iterable<string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    try {
      for (const batch of typeof content === 'string' ? [content] : batched(content)) {
        const bytes = Buffer.from(batch);
        for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
