/**
 * Modules the hook bundle loads on first use. A hook is a new process on every tool call: ES module chunks
 * are parsed and linked anew each time, and some libraries cost more to load than the whole PreToolUse
 * budget (mvdan-sh, a 1.5 MB GopherJS build) while most calls never use them (a plain `kubectl apply` is read
 * by the guard's fast path; a Write without credentials never reads YAML). So scripts/build.mjs bundles each
 * of them (HOOK_LAZY there: mvdan-sh, yaml, picomatch and the PreToolUse handlers) into its own CommonJS
 * file beside the hook (`hook-lazy-<name>.cjs`) and replaces the import with `lazyExports(…)`: an object of
 * the same shape whose properties load the module on first access. esbuild reads a CommonJS module's named
 * imports at each use (`import_yaml.parse(…)`), so nothing loads until a function is called.
 *
 * Loading compiles the file with V8's code cache (Node 20 has no `module.enableCompileCache`): the cache is
 * kept in `${CLAUDE_PLUGIN_DATA}/v8-cache` (outside Claude Code, a per-user directory under the system temp
 * directory), one file per file content hash and Node version, written atomically when missing or rejected,
 * and ignored whenever it cannot be read, its directory is not private to this user, or V8 rejects it.
 *
 * Source runs (tests, `tsx`) never use this: there the imports stay ordinary imports.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The shape of a module's exports, recorded at build time: which properties to define, and how deep. */
export interface ModuleShape {
  /** The exports object is a function (`picomatch`): the stand-in is a function that forwards to it. */
  callable: boolean;
  /** `__esModule` of the exports, copied as is (esbuild's interop reads it at import time). */
  esModule: boolean;
  /** Property names; a nested shape for objects read at import time (`const { syntax } = sh`). */
  keys: Record<string, ModuleShape | null>;
}

export interface LoadOptions {
  /** Where cached code lives; undefined: no code cache. */
  cacheDir: string | undefined;
  /** Identifies the file's content in the cache file name (a hash computed at build time). */
  hash: string;
}

const LOADED = Symbol.for('proagent-devops.lazy-modules');

/**
 * Modules loaded so far, by path, for the whole process: the ES module chunks and each handler's CommonJS
 * file hold their own copy of this module, and a library must still be loaded once.
 */
const registry = globalThis as { [LOADED]?: Map<string, unknown> };
registry[LOADED] ??= new Map();
const loaded = registry[LOADED];

/** An object shaped like the module's exports that loads `file` (beside the bundle) on first access. */
export function lazyExports(file: string, hash: string, shape: ModuleShape): unknown {
  let exports: Record<string, unknown> | undefined;
  return lazyObject(shape, () => {
    if (exports === undefined) {
      const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
      if (!loaded.has(path)) loaded.set(path, loadCommonJs(path, { cacheDir: codeCacheDir(process.env), hash }));
      exports = loaded.get(path) as Record<string, unknown>;
    }
    return exports;
  });
}

/**
 * The stand-in: each property of `shape` reads the same property of `resolve()` (nested shapes are stand-ins
 * themselves, so reading them loads nothing); a callable shape forwards calls and `new` to the module.
 */
export function lazyObject(shape: ModuleShape, resolve: () => Record<string, unknown>): object {
  const target: object = shape.callable
    ? function standIn(this: unknown, ...args: unknown[]) {
        const fn = resolve() as unknown as (...a: unknown[]) => unknown;
        if (new.target === undefined) return Reflect.apply(fn, this, args);
        // `new StandIn()` builds what `new Module()` builds (its prototype, not the stand-in's).
        return Reflect.construct(fn, args, new.target === standIn ? fn : new.target);
      }
    : {};
  if (shape.esModule) Object.defineProperty(target, '__esModule', { value: true });
  for (const [key, nested] of Object.entries(shape.keys)) {
    const resolveKey = () => resolve()[key] as Record<string, unknown>;
    const value = nested === null ? undefined : lazyObject(nested, resolveKey);
    Object.defineProperty(target, key, {
      get: value === undefined ? resolveKey : () => value,
      enumerable: true,
      configurable: true,
    });
  }
  return target;
}

/** `${CLAUDE_PLUGIN_DATA}/v8-cache`, else a per-user directory under the system temp directory. */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const data = env.CLAUDE_PLUGIN_DATA;
  if (data !== undefined && data !== '') return join(data, 'v8-cache');
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `proagent-devops-hook-${user}`, 'v8-cache');
}

/**
 * Loads a self-contained CommonJS file (a bundle that requires only Node built-ins), like `require` would,
 * compiling it with the code cache of `options.cacheDir` when there is a usable one.
 */
export function loadCommonJs(path: string, options: LoadOptions): unknown {
  const source = readFileSync(path, 'utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const cacheFile = options.cacheDir === undefined ? undefined : cacheFileName(options.cacheDir, path, options.hash);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(wrapper, { filename: path, ...(cached ? { cachedData: cached } : {}) });
  const module = { exports: {} as unknown };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  if (cacheFile !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    // At exit, the cache also holds the functions this process compiled (a parse, not only the set-up).
    process.once('exit', () => writeCache(cacheFile, `${basename(path)}-`, script));
  }
  return module.exports;
}

/** `<file>-<content hash>-<node version>-<arch>.bin`: a cache never meets another file or V8 than its own. */
function cacheFileName(dir: string, path: string, hash: string): string {
  return join(dir, `${basename(path)}-${hash}-${process.version}-${process.arch}.bin`);
}

/** The cache's bytes, when the directory is a private one of this user (nobody else could plant code). */
function readCache(file: string): Buffer | undefined {
  try {
    if (!privateDirectory(dirname(file))) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function privateDirectory(dir: string): boolean {
  const stat = lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
}

/**
 * Written next to the target and renamed: a concurrent hook reads the old cache or the new one. The caches of
 * other versions of the same file (an earlier plugin or Node version) are removed.
 */
function writeCache(file: string, prefix: string, script: Script): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!privateDirectory(dir)) return;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    renameSync(tmp, file);
    for (const other of readdirSync(dir)) {
      if (other.startsWith(prefix) && other.endsWith('.bin') && other !== basename(file)) {
        rmSync(join(dir, other), { force: true });
      }
    }
  } catch {
    // A cache is an optimisation: a read-only or full disk costs speed, nothing else.
  }
}
