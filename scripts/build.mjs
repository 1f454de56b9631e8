/**
 * Bundles the adapters into dependency-free ESM files committed under plugins/proagent-devops/dist/
 * (plugin installs never run a build). `--check` rebuilds into a temp dir and fails on drift.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'plugins/proagent-devops/dist');
const entries = { cli: 'src/adapters/cli/main.ts' };
const check = process.argv.includes('--check');

async function bundle(dir) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    // Prefer ESM builds: jsonc-parser's UMD main uses dynamic require() that cannot be bundled.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    // CommonJS dependencies (mvdan-sh, dockerfile-ast) call require(); give them one.
    banner: {
      js: "import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);",
    },
  });
}

if (check) {
  const tmp = mkdtempSync(join(tmpdir(), 'pdo-build-'));
  try {
    await bundle(tmp);
    const stale = Object.keys(entries).filter((name) => {
      const committed = join(outDir, `${name}.mjs`);
      return (
        !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(join(tmp, `${name}.mjs`), 'utf8')
      );
    });
    if (stale.length > 0) {
      console.error(
        `dist bundles are out of date (${stale.join(', ')}); run \`npm run build\` and commit plugins/proagent-devops/dist/`,
      );
      process.exitCode = 1;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  await bundle(outDir);
}
