/**
 * `npm run bench [-- --files N --seed S --runs R]`: generates a seeded synthetic monorepo, then measures
 * read+parse-only time and full review time in separate processes (median of R runs) and prints
 * files/s, the review/parse ratio and peak RSS. Numbers are printed, never asserted.
 *
 * The worker is bundled first, the way the shipped CLI is (scripts/build.mjs), and run by plain node:
 * measured through the tsx loader, every run would also pay for on-the-fly transpiling (about 60 MB of
 * RSS and seconds of CPU) that no user ever runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '3' },
  },
});
const fileCount = Number(values.files);
const seed = Number(values.seed);
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.bench', `corpus-${fileCount}-${seed}`);
if (!existsSync(dir)) {
  rmSync(join(root, '.bench'), { recursive: true, force: true });
  const n = generateCorpus(dir, fileCount, seed);
  console.log(`generated ${n} files in ${dir}`);
}

// Same bundling options as scripts/build.mjs, so that the measured code is the shipped code.
const worker = join(root, '.bench', 'bench-worker.mjs');
mkdirSync(join(root, '.bench'), { recursive: true });
await build({
  entryPoints: [join(root, 'scripts/bench-worker.ts')],
  outfile: worker,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);",
  },
});

interface Sample {
  files: number;
  findings: number;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}
const run = (phase: 'parse' | 'review'): Sample =>
  JSON.parse(execFileSync(process.execPath, [worker, phase, dir], { encoding: 'utf8' })) as Sample;
const median = (samples: Sample[]): Sample => {
  const byTime = [...samples].sort((a, b) => a.ms - b.ms);
  const byCpu = [...samples].sort((a, b) => a.cpuMs - b.cpuMs);
  const mid = Math.floor(samples.length / 2);
  return {
    ...(byTime[mid] as Sample),
    cpuMs: (byCpu[mid] as Sample).cpuMs,
    maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)),
  };
};

// Phases alternate, so that a change in the machine's load during the run weighs on both alike.
const parseSamples: Sample[] = [];
const reviewSamples: Sample[] = [];
for (let i = 0; i < runs; i++) {
  parseSamples.push(run('parse'));
  reviewSamples.push(run('review'));
}
const parse = median(parseSamples);
const full = median(reviewSamples);
const rows: [string, string][] = [
  ['files', String(full.files)],
  ['findings', String(full.findings)],
  ['read+parse only', `${parse.ms.toFixed(0)} ms`],
  ['full review', `${full.ms.toFixed(0)} ms`],
  ['throughput', `${((full.files / full.ms) * 1000).toFixed(0)} files/s (budget ≥ 1000)`],
  ['review / parse-only', `${(full.ms / parse.ms).toFixed(2)}× (budget ≤ 2×)`],
  [
    'CPU review / parse',
    `${(full.cpuMs / 1000).toFixed(1)} s / ${(parse.cpuMs / 1000).toFixed(1)} s = ${(full.cpuMs / parse.cpuMs).toFixed(2)}×`,
  ],
  ['peak RSS (review)', `${full.maxRssMb.toFixed(0)} MB (budget ≤ 300 MB)`],
  ['peak RSS (parse)', `${parse.maxRssMb.toFixed(0)} MB`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
