/** One measured phase in a fresh process (so peak RSS is the phase's own): `parse` or `review`. */
import { parseByKind } from '../src/parsers/index.js';
import { loadProject, review } from '../src/review.js';

const [phase, dir] = process.argv.slice(2);
if (!dir || (phase !== 'parse' && phase !== 'review')) {
  console.error('usage: bench-worker parse|review DIR');
  process.exit(2);
}
const started = performance.now();
const cpuStarted = process.cpuUsage();
let files = 0;
let findings = 0;
if (phase === 'parse') {
  const project = loadProject({ paths: [dir], root: dir });
  // Trees are dropped after each file, as the review drops them: kept, 10,000 files' trees would make this
  // baseline pay for garbage collection that the review does not (and take over 500 MB).
  for (const f of project.files) {
    parseByKind(f);
    f.evict();
  }
  files = project.files.length;
} else {
  const result = review({ paths: [dir], root: dir });
  files = result.files;
  findings = result.findings.length;
}
const ms = performance.now() - started;
// CPU time as well as wall time: on a shared machine, other processes stretch the wall time only.
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({ phase, files, findings, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
