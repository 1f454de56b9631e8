/** One measured phase in a fresh process (so peak RSS is the phase's own): `parse` or `review`. */
import { parseByKind } from '../src/parsers/index.js';
import { loadProject, review } from '../src/review.js';

const [phase, dir] = process.argv.slice(2);
if (!dir || (phase !== 'parse' && phase !== 'review')) {
  console.error('usage: bench-worker parse|review DIR');
  process.exit(2);
}
const started = performance.now();
let files = 0;
let findings = 0;
if (phase === 'parse') {
  const project = loadProject({ paths: [dir], root: dir });
  for (const f of project.files) parseByKind(f);
  files = project.files.length;
} else {
  const result = review({ paths: [dir], root: dir });
  files = result.files;
  findings = result.findings.length;
}
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ phase, files, findings, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
