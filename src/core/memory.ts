import v8 from 'node:v8';
import vm from 'node:vm';

const MB = 1024 * 1024;

/**
 * Keeps peak memory near the live set on large reviews. V8 grows the heap to several times the live data
 * before collecting (a 150 MB live set reached 700 MB RSS on the 10,000-file benchmark); a hard
 * `--max-old-space-size` would bound it but crash on repositories with a larger live set. Instead, every
 * `every` calls this looks at the used heap:
 * - past half the soft limit (a large review), it has V8 size the heap at most `growingPercent` above what
 *   survived each full collection, for the rest of the process: V8's concurrent marking then collects early,
 *   at no measurable CPU cost (−30 MB peak RSS on the benchmark). It stays set because what follows a large
 *   review is rendering a large report, which would otherwise grow the heap right back;
 * - past the soft limit, it forces a full collection and sets the limit to what survived plus half the soft
 *   limit, so that a genuinely large live set is never collected in a loop.
 * Small reviews (hooks, tests, most MCP calls) stay under both and change nothing.
 */
export function createMemoryGovernor(softLimitBytes = 160 * MB, every = 100, growingPercent = 20): () => void {
  const gc = exposeGc();
  let limit = softLimitBytes;
  let calls = 0;
  return () => {
    if (++calls % every !== 0) return;
    // getHeapStatistics, not process.memoryUsage(): the latter also reads RSS from the OS on every call.
    const used = v8.getHeapStatistics().used_heap_size;
    if (used >= softLimitBytes / 2) tightenHeapGrowing(growingPercent);
    if (!gc || used < limit) return;
    gc();
    limit = Math.max(softLimitBytes, v8.getHeapStatistics().used_heap_size + softLimitBytes / 2);
  };
}

let tightened = false;

/** `--heap-growing-percent`, unless the process was started with its own (then that one stands). */
function tightenHeapGrowing(percent: number): void {
  if (tightened) return;
  tightened = true;
  if (process.execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return;
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  } catch {
    // A V8 that refuses run-time flags keeps its default sizing; the forced collections still bound it.
  }
}

let cached: (() => void) | null | undefined;

/** `global.gc` without the command-line flag: the flag can be set at run time for new contexts. */
function exposeGc(): (() => void) | null {
  if (cached !== undefined) return cached;
  try {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (typeof existing === 'function') {
      cached = existing;
    } else {
      v8.setFlagsFromString('--expose-gc');
      cached = vm.runInNewContext('gc') as () => void;
    }
  } catch {
    cached = null;
  }
  return cached;
}
