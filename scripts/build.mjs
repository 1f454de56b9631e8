/**
 * Bundles the adapters into dependency-free ESM files that are committed: the plugin's under
 * plugins/proagent-devops/dist/ (plugin installs never run a build), the GitHub Action's under dist/ (an
 * Action runs its committed `main`), and the `proagent-devops/metrics` library under dist/ (with its type
 * declarations). `--check` rebuilds everything into a temp dir and fails on drift.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

// CommonJS dependencies (mvdan-sh, dockerfile-ast, prom-client) call require(); give them one.
const requireBanner =
  "import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);";

/**
 * WebAssembly the bundles load at run time (the HCL grammar): src/parsers/hcl.ts looks beside the running
 * bundle first, and an installed plugin or an Action checkout has no node_modules to fall back on.
 */
const wasm = ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'];
const resolveFromRoot = createRequire(join(root, 'package.json')).resolve;

/** Output directories (repo-relative) and what goes in each. */
const outputs = [
  {
    dir: 'plugins/proagent-devops/dist',
    entries: { cli: 'src/adapters/cli/main.ts', mcp: 'src/adapters/mcp/main.ts' },
    assets: wasm,
  },
  // The hook runs on every tool call: split so each event loads only its own code (Bash: the guard, not the
  // review engine). Chunk names carry hashes, so a rebuild removes the files of earlier builds (`stale`).
  {
    dir: 'plugins/proagent-devops/dist',
    entries: { hook: 'src/adapters/hook/main.ts' },
    splitting: true,
    chunkNames: 'hook-[name]-[hash]',
    stale: /^hook.*\.mjs$/,
  },
  { dir: 'dist', entries: { action: 'src/adapters/action/main.ts' }, assets: wasm },
  // A library, not an executable: prom-client stays a dependency so that callers share its registry.
  { dir: 'dist', entries: { metrics: 'src/metrics/index.ts' }, external: ['prom-client'], declarations: 'metrics' },
];

async function bundle(output, dir) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(output.entries).map(([k, v]) => [k, join(root, v)])),
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
    ...(output.external ? { external: output.external } : { banner: { js: requireBanner } }),
    ...(output.splitting ? { splitting: true, chunkNames: output.chunkNames } : {}),
  });
  if (output.declarations) declarations(output.entries[output.declarations], join(dir, output.declarations));
  for (const asset of output.assets ?? []) copyFileSync(resolveFromRoot(asset), join(dir, basename(asset)));
}

/** `.d.ts` files for a library entry, emitted by the TypeScript compiler into `outDir`. */
function declarations(entry, outDir) {
  const program = ts.createProgram([join(root, entry)], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir,
    rootDir: join(root, entry, '..'),
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const result = program.emit();
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (errors.length > 0 || result.emitSkipped) {
    throw new Error(ts.formatDiagnostics(errors, ts.createCompilerHost({})) || 'declaration emit skipped');
  }
}

/** Every file an output produces, repo-relative to its directory. */
function producedFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else out.push(relative(dir, join(d, entry.name)));
    }
  };
  walk(dir);
  return out;
}

if (check) {
  const tmp = mkdtempSync(join(tmpdir(), 'pdo-build-'));
  try {
    const stale = [];
    for (const [i, output] of outputs.entries()) {
      const dir = join(tmp, String(i));
      mkdirSync(dir);
      await bundle(output, dir);
      for (const file of producedFiles(dir)) {
        const committed = join(root, output.dir, file);
        if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(dir, file)))) {
          stale.push(join(output.dir, file));
        }
      }
      if (output.stale) {
        const made = new Set(producedFiles(dir));
        for (const f of readdirSync(join(root, output.dir))) {
          if (output.stale.test(f) && !made.has(f)) stale.push(join(output.dir, f));
        }
      }
    }
    if (stale.length > 0) {
      console.error(`bundles are out of date (${stale.join(', ')}); run \`npm run build\` and commit them`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  for (const output of outputs) {
    const dir = join(root, output.dir);
    if (output.stale && existsSync(dir))
      for (const f of readdirSync(dir)) if (output.stale.test(f)) rmSync(join(dir, f));
    await bundle(output, dir);
  }
}
