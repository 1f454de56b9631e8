/**
 * `npm run bench [-- --files N --seed S --runs R --formats text,json,sarif,markdown]`: generates a seeded
 * synthetic monorepo, then measures read+parse-only time and full review time in separate processes (median
 * of R runs) and prints files/s, the review/parse ratio and peak RSS; then the CLI itself, `review --format F
 * --output FILE` for each format, whose peak RSS also counts the report (the budget is the CLI's). Numbers
 * are printed, never asserted.
 *
 * The worker and the CLI are bundled first, the way the shipped CLI is (scripts/build.mjs), and run by plain
 * node: measured through the tsx loader, every run would also pay for on-the-fly transpiling (about 60 MB of
 * RSS and seconds of CPU) that no user ever runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: 'text,json,sarif,markdown' },
  },
});
const fileCount = Number(values.files);
const seed = Number(values.seed);
const runs = Number(values.runs);
const formats = values.formats.split(',').filter(Boolean);
const root = new URL('..', import.meta.url).pathname;
const bench = join(root, '.bench');
// The corpus is cached, keyed by the generator's own text too: a changed generator makes a new corpus.
const generator = createHash('sha256')
  .update(readFileSync(join(root, 'scripts/corpus.ts')))
  .digest('hex')
  .slice(0, 8);
const dir = join(bench, `corpus-${fileCount}-${seed}-${generator}`);
if (!existsSync(dir)) {
  rmSync(bench, { recursive: true, force: true });
  const n = generateCorpus(dir, fileCount, seed);
  console.log(`generated ${n} files in ${dir}`);
}

// Same bundling options as the CLI's in scripts/build.mjs, so that the measured code is the shipped code.
mkdirSync(bench, { recursive: true });
const bundle = (entry: string, outfile: string) =>
  build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    mainFields: ['module', 'main'],
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);",
    },
  });
const worker = join(bench, 'bench-worker.mjs');
const cli = join(bench, 'cli.mjs');
await bundle('scripts/bench-worker.ts', worker);
await bundle('src/adapters/cli/main.ts', cli);
// The HCL grammar beside the bundles, as in the plugin's dist/.
const resolveFromRoot = createRequire(join(root, 'package.json')).resolve;
for (const asset of [
  'web-tree-sitter/web-tree-sitter.wasm',
  '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
]) {
  copyFileSync(resolveFromRoot(asset), join(bench, basename(asset)));
}
// Preloaded into the CLI: its peak RSS and CPU time, on stderr, when it exits.
const probe = join(bench, 'probe.mjs');
writeFileSync(
  probe,
  `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\n@bench ' + JSON.stringify({ maxRssMb: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }) + '\\n'); });\n`,
);

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

/** `review DIR --format F --output FILE` by the bundled CLI, as a user runs it. */
const runCli = (format: string): Sample => {
  const started = performance.now();
  const out = join(bench, `report.${format}`);
  const args = ['--import', probe, cli, 'review', dir, '--format', format, '--output', out, '--fail-on', 'never'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  rmSync(out, { force: true });
  const at = r.stderr.lastIndexOf('@bench ');
  if (r.status !== 0 || at < 0) throw new Error(`CLI --format ${format} exited ${r.status}: ${r.stderr}`);
  const probed = JSON.parse(r.stderr.slice(at + '@bench '.length)) as Pick<Sample, 'maxRssMb' | 'cpuMs'>;
  return { files: fileCount, findings: 0, ms, ...probed };
};

// Phases alternate, so that a change in the machine's load during the run weighs on all alike.
const parseSamples: Sample[] = [];
const reviewSamples: Sample[] = [];
const cliSamples = new Map<string, Sample[]>(formats.map((f) => [f, []]));
for (let i = 0; i < runs; i++) {
  parseSamples.push(run('parse'));
  reviewSamples.push(run('review'));
  for (const format of formats) cliSamples.get(format)?.push(runCli(format));
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
  ...[...cliSamples].map(([format, samples]): [string, string] => {
    const m = median(samples);
    return [`CLI --format ${format}`, `${m.ms.toFixed(0)} ms, peak RSS ${m.maxRssMb.toFixed(0)} MB (budget ≤ 300 MB)`];
  }),
];
for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
