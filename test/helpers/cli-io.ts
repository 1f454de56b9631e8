import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliIO, Command } from '../../src/adapters/cli/io.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command in-process with a non-TTY, empty-env IO (overridable) and captures what it prints. */
export async function capture(
  command: Command,
  args: readonly string[],
  io: Partial<CliIO> & Pick<CliIO, 'cwd'>,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
    stderrIsTTY: false,
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}

/** Writes `content` at `rel` under `dir`, creating the directories it needs. */
export function putFile(dir: string, rel: string, content: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), content);
}
