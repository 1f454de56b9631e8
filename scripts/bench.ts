/**
 * `npm run bench [-- --files N --seed S --runs R]`: generates a seeded synthetic monorepo, then measures
 * read+parse-only time and full review time in separate processes (median of R runs) and prints
 * files/s, the review/parse ratio and peak RSS. Numbers are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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

interface Sample {
  files: number;
  findings: number;
  ms: number;
  maxRssMb: number;
}
function measure(phase: 'parse' | 'review'): Sample {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-worker.ts'), phase, dir], {
      encoding: 'utf8',
    });
    samples.push(JSON.parse(out) as Sample);
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)] as Sample;
  return { ...median, maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)) };
}

const parse = measure('parse');
const full = measure('review');
const rows: [string, string][] = [
  ['files', String(full.files)],
  ['findings', String(full.findings)],
  ['read+parse only', `${parse.ms.toFixed(0)} ms`],
  ['full review', `${full.ms.toFixed(0)} ms`],
  ['throughput', `${((full.files / full.ms) * 1000).toFixed(0)} files/s (budget ≥ 1000)`],
  ['review / parse-only', `${(full.ms / parse.ms).toFixed(2)}× (budget ≤ 2×)`],
  ['peak RSS (review)', `${full.maxRssMb.toFixed(0)} MB (budget ≤ 300 MB)`],
  ['peak RSS (parse)', `${parse.maxRssMb.toFixed(0)} MB`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
