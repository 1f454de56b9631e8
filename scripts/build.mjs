/**
 * Bundles the adapters into dependency-free ESM files that are committed: the plugin's under
 * plugins/proagent-devops/dist/ (plugin installs never run a build), the GitHub Action's under dist/ (an
 * Action runs its committed `main`), and the `proagent-devops/metrics` library under dist/ (with its type
 * declarations). `--check` rebuilds everything into a temp dir and fails on drift.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
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
  // The CLI is one file (it must run when copied on its own), and `review` of a large repository is held to
  // a peak RSS budget (ARCHITECTURE.md): whitespace and syntax are minified, names kept for stack traces. V8
  // holds the whole bundle's text and top-level functions, even of the commands a run never loads: about
  // 20 MB of a 10,000-file review's peak. Keep the text Latin-1 as well: one character above U+00FF (in a
  // regular expression or a tagged template, which esbuild leaves as written) makes V8 store it all as UTF-16.
  { dir: 'plugins/proagent-devops/dist', entries: { cli: 'src/adapters/cli/main.ts' }, assets: wasm, minify: true },
  { dir: 'plugins/proagent-devops/dist', entries: { mcp: 'src/adapters/mcp/main.ts' }, assets: wasm },
  // The hook runs on every tool call: split so each event loads only its own code (Bash: the guard, not the
  // review engine); the PreToolUse handlers and the libraries too heavy to load on every call go to their own
  // CommonJS files, loaded on first use (`lazy`, below). Chunk names carry hashes, so a rebuild removes the
  // files of earlier builds (`stale`).
  {
    dir: 'plugins/proagent-devops/dist',
    entries: { hook: 'src/adapters/hook/main.ts' },
    splitting: true,
    chunkNames: 'hook-[name]-[hash]',
    stale: /^hook.*\.[cm]js$/,
    lazy: true,
    requireBuiltins: true,
  },
  { dir: 'dist', entries: { action: 'src/adapters/action/main.ts' }, assets: wasm },
  // A library, not an executable: prom-client stays a dependency so that callers share its registry.
  { dir: 'dist', entries: { metrics: 'src/metrics/index.ts' }, external: ['prom-client'], declarations: 'metrics' },
];

async function bundle(output, dir) {
  const lazy = output.lazy ? await lazyModules(dir) : undefined;
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
    ...(output.minify ? { minifyWhitespace: true, minifySyntax: true } : {}),
    plugins: [...(lazy ? [lazy] : []), ...(output.requireBuiltins ? [requireBuiltins] : [])],
  });
  if (output.declarations) declarations(output.entries[output.declarations], join(dir, output.declarations));
  for (const asset of output.assets ?? []) copyFileSync(resolveFromRoot(asset), join(dir, basename(asset)));
}

/**
 * Node built-ins imported with `require` (the banner's) instead of `import`: an ESM import of `node:fs` builds
 * a facade that reads every export, which loads the stream machinery (`fs.ReadStream`) and costs a hook
 * several milliseconds at start-up. The modules are the same; named imports become property reads.
 */
const requireBuiltins = {
  name: 'require-builtins',
  setup(b) {
    const names = new Set(builtinModules.flatMap((m) => (m.startsWith('node:') ? [m] : [m, `node:${m}`])));
    b.onResolve({ filter: /^[\w:/]+$/ }, (args) => {
      if (!names.has(args.path)) return undefined;
      if (args.namespace === 'builtin') return { path: args.path, external: true };
      return args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * What the hook bundle loads on first use, each from its own CommonJS file `hook-lazy-<name>.cjs` compiled with
 * V8's code cache (src/adapters/hook/lazy-module.ts): a hook is a new process on every tool call, and ES
 * module chunks are parsed and linked anew each time.
 * - libraries too heavy for every call (mvdan-sh alone costs more than the PreToolUse budget; yaml and
 *   picomatch are needed only for some files): `depth` 1 when the importer reads an object of the exports at
 *   import time (`const { syntax } = sh`);
 * - the PreToolUse handlers, where the dispatcher imports them (`importer`): the whole guard path is one file.
 */
const HOOK_LAZY = [
  { id: 'mvdan-sh', depth: 1 },
  { id: 'yaml' },
  { id: 'picomatch' },
  { id: 'src/adapters/hook/pre-bash.ts', importer: 'src/adapters/hook/run.ts' },
  { id: 'src/adapters/hook/pre-write.ts', importer: 'src/adapters/hook/run.ts' },
];
const LAZY_MODULE = join(root, 'src/adapters/hook/lazy-module.ts');

/**
 * Builds the files of HOOK_LAZY into `dir` and returns the esbuild plugin that replaces their imports with
 * `lazyExports(file, hash, shape)`: an object shaped like the module's exports (read here, by loading the
 * built file) whose properties load it on first access.
 */
async function lazyModules(dir) {
  const load = createRequire(join(root, 'package.json'));
  const libraries = HOOK_LAZY.filter((m) => m.importer === undefined);
  const stubs = new Map();
  const plugin = (modules) => ({
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        for (const m of modules) {
          if (m.importer === undefined ? args.path === m.id : isLazyImport(args, m)) {
            return { path: m.id, namespace: 'lazy' };
          }
        }
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
        contents: stubs.get(args.path),
        loader: 'js',
        resolveDir: root,
      }));
    },
  });
  mkdirSync(dir, { recursive: true });
  // Libraries first: a handler's file is built with their stand-ins.
  for (const m of [...libraries, ...HOOK_LAZY.filter((l) => l.importer !== undefined)]) {
    const local = m.importer !== undefined;
    const file = `hook-lazy-${basename(m.id)
      .replace(/\.ts$/, '')
      .replace(/[^\w-]/g, '-')}.cjs`;
    const result = await build({
      entryPoints: [local ? join(root, m.id) : load.resolve(m.id)],
      outfile: join(dir, file),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      mainFields: ['module', 'main'],
      legalComments: 'none',
      minifyWhitespace: true,
      logLevel: 'warning',
      write: false,
      // A handler's own lazy libraries are found beside it: lazy-module.ts reads `import.meta.url`.
      ...(local
        ? {
            plugins: [plugin(libraries)],
            define: { 'import.meta.url': '__pdoModuleUrl' },
            banner: { js: `"use strict";const __pdoModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
          }
        : {}),
    });
    const [out] = result.outputFiles;
    writeFileSync(out.path, out.contents);
    const hash = createHash('sha256').update(out.contents).digest('hex').slice(0, 16);
    const exports = load(local ? out.path : m.id);
    const lazy = `lazyExports(${JSON.stringify(file)}, ${JSON.stringify(hash)}, ${JSON.stringify(shapeOf(exports, m.depth ?? 0))})`;
    stubs.set(
      m.id,
      local ? handlerStub(m.id, exports, lazy) : `module.exports = require(${JSON.stringify(LAZY_MODULE)}).${lazy};`,
    );
  }
  return plugin(HOOK_LAZY);
}

/**
 * A dynamically imported module needs real named exports (esbuild gives a CommonJS module only `default`):
 * one forwarding function per export. Handler modules export functions only.
 */
function handlerStub(id, exports, lazy) {
  const names = Object.keys(exports);
  const other = names.filter((n) => typeof exports[n] !== 'function');
  if (other.length > 0) throw new Error(`${id}: lazy handler modules export only functions (${other.join(', ')})`);
  return [
    `import { lazyExports } from ${JSON.stringify(LAZY_MODULE)};`,
    `const lazy = ${lazy};`,
    ...names.map((n) => `export function ${n}(...args) { return lazy.${n}(...args); }`),
  ].join('\n');
}

/** `await import('./pre-bash.js')` in the dispatcher: the import HOOK_LAZY names for a local module. */
function isLazyImport(args, m) {
  if (args.kind !== 'dynamic-import' || args.importer !== join(root, m.importer) || !args.path.startsWith('.')) {
    return false;
  }
  return join(args.resolveDir, args.path).replace(/\.js$/, '.ts') === join(root, m.id);
}

/** Which properties the stand-in of a module's exports defines; plain objects `depth` levels down are nested. */
function shapeOf(value, depth) {
  const keys = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    const plain = typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
    keys[key] = depth > 0 && plain ? shapeOf(v, depth - 1) : null;
  }
  return { callable: typeof value === 'function', esModule: value.__esModule === true, keys };
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
