/**
 * Hook process budget (ARCHITECTURE.md): the median wall time of one `node dist/hook.mjs pre-tool-use` process
 * on a Bash and on a Write payload, as a ratio to `node -e 0` on the same machine (target ≤ 2×). Reported,
 * not asserted: wall time depends on the machine and its load.
 *
 *   npx tsx scripts/bench-hook.ts [--runs 21] [--hook path/to/hook.mjs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// `--hook DIR/hook.mjs` measures another build (an earlier commit's bundle, for a before/after comparison).
const hook = resolve(arg('--hook') ?? join(root, 'plugins/proagent-devops/dist/hook.mjs'));
const runs = Number(arg('--runs') ?? 21);

const project = mkdtempSync(join(tmpdir(), 'pdo-bench-hook-'));
const env = { PATH: process.env.PATH ?? '', HOME: project, CLAUDE_PLUGIN_DATA: join(project, '.data') };
const event = (tool: string, input: Record<string, unknown>) =>
  JSON.stringify({
    session_id: 'bench',
    cwd: project,
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: input,
  });

/** Wall time (ms) of one process. */
function time(args: string[], input: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

try {
  const cases: [string, string[], string][] = [
    ['node -e 0', ['-e', '0'], ''],
    [
      'PreToolUse Bash (guard)',
      [hook, 'pre-tool-use'],
      event('Bash', { command: 'kubectl diff -f k8s/ && kubectl apply -f k8s/' }),
    ],
    [
      'PreToolUse Write (secret guard)',
      [hook, 'pre-tool-use'],
      event('Write', { file_path: join(project, 'app.yaml'), content: 'a: 1\n' }),
    ],
    // Not a plain command line (a substitution): the guard loads the full shell parser (mvdan-sh).
    [
      'PreToolUse Bash, full shell parser',
      [hook, 'pre-tool-use'],
      event('Bash', { command: 'kubectl apply -f "$(git rev-parse --show-toplevel)/k8s"' }),
    ],
  ];
  // Interleaved, after one warm-up round: a load change on a shared machine hits every series alike. The
  // warm-up also writes the V8 code cache under CLAUDE_PLUGIN_DATA, as the first hook of a session does.
  const samples = cases.map(() => [] as number[]);
  for (let i = 0; i <= runs; i++) {
    cases.forEach(([, args, input], c) => {
      const ms = time(args, input);
      if (i > 0) samples[c]?.push(ms);
    });
  }
  const baseline = median(samples[0] ?? []);
  console.log(`node -e 0: ${baseline.toFixed(1)} ms (median of ${runs}, interleaved)`);
  cases.slice(1).forEach(([name], c) => {
    const ms = median(samples[c + 1] ?? []);
    const target = c < 2 ? ' (target ≤ 2×)' : '';
    console.log(`${name}: ${ms.toFixed(1)} ms, ${(ms / baseline).toFixed(2)}× node -e 0${target}`);
  });
} finally {
  rmSync(project, { recursive: true, force: true });
}
