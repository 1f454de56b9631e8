import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/adapters/cli/run.js';

const root = new URL('..', import.meta.url).pathname;
const multitool = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/sarif-multitool-linux/package.json')),
  'Sarif.Multitool',
);
const out = mkdtempSync(join(tmpdir(), 'pdo-sarif-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('SARIF output checked by the real SARIF Multitool', () => {
  it('`review examples --format sarif` has no validation errors or warnings', async () => {
    const sarifPath = join(out, 'review.sarif');
    let stderr = '';
    await runCli(['review', 'examples', '--format', 'sarif', '--output', sarifPath, '--fail-on', 'never'], {
      cwd: root,
      stdout: () => {},
      stderr: (s) => {
        stderr += s;
      },
      isTTY: false,
      stderrIsTTY: false,
      env: {},
    });
    expect(stderr).toBe('');
    const log = JSON.parse(readFileSync(sarifPath, 'utf8'));
    expect(log.runs[0].results.length).toBeGreaterThan(0);

    const resultPath = join(out, 'validation.sarif');
    const r = spawnSync(multitool, ['validate', sarifPath, '-o', resultPath], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const validation = JSON.parse(readFileSync(resultPath, 'utf8'));
    const problems = (validation.runs[0].results ?? [])
      .filter((x: { level?: string }) => x.level === 'error' || x.level === 'warning')
      .map(
        (x: { ruleId: string; message: { id?: string; arguments?: string[] } }) =>
          `${x.ruleId} ${x.message.id} ${x.message.arguments?.join(' ')}`,
      );
    expect(problems).toEqual([]);
  });
});
