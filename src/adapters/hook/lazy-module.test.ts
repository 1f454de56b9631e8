/**
 * The stand-ins the hook bundle puts in place of lazily loaded modules (scripts/build.mjs, HOOK_LAZY) must
 * behave like the module itself once a property is read, and load nothing before. The bundle-level checks
 * (which files a PreToolUse loads, the code cache on disk) are in test/plugin/hook-lazy.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheDir, lazyObject, loadCommonJs, type ModuleShape } from './lazy-module.js';

const dir = mkdtempSync(join(tmpdir(), 'pdo-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shape = (keys: ModuleShape['keys'], callable = false): ModuleShape => ({ callable, esModule: false, keys });

/** What esbuild's `__toESM` does with a CommonJS module: enumerate names and descriptors, read nothing. */
function esbuildInterop(mod: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(mod)) {
    const enumerable = Object.getOwnPropertyDescriptor(mod, key)?.enumerable ?? true;
    Object.defineProperty(out, key, { get: () => (mod as Record<string, unknown>)[key], enumerable });
  }
  return out;
}

describe('lazyObject', () => {
  it('loads nothing until a property is read, then reads the module', () => {
    let loads = 0;
    const real = { parse: (s: string) => `parsed ${s}`, syntax: { NodeType: (n: { t: string }) => n.t } };
    const mod = lazyObject(shape({ parse: null, syntax: shape({ NodeType: null }) }), () => {
      loads++;
      return real;
    }) as typeof real;
    const imported = esbuildInterop(mod);
    // `const { syntax } = sh` at import time reads a nested stand-in: still nothing loaded.
    const { syntax } = mod;
    expect(Object.keys(imported).sort()).toEqual(['parse', 'syntax']);
    expect(loads).toBe(0);
    expect(syntax.NodeType({ t: 'Lit' })).toBe('Lit');
    expect((imported.parse as typeof real.parse)('x')).toBe('parsed x');
    expect(imported.parse).toBe(real.parse);
    expect(loads).toBeGreaterThan(0);
  });

  it('forwards calls and `new` when the module is a function, with its static properties', () => {
    class Real {
      constructor(readonly value: number) {}
      static helper = () => 'static';
    }
    function real(this: unknown, a: number, b: number) {
      return [this, a + b];
    }
    real.helper = Real.helper;
    const fn = lazyObject(shape({ helper: null }, true), () => real as unknown as Record<string, unknown>) as (
      this: unknown,
      a: number,
      b: number,
    ) => unknown[];
    const self = { me: 1 };
    expect(fn.call(self, 1, 2)).toEqual([self, 3]);
    expect((fn as unknown as { helper: () => string }).helper()).toBe('static');
    const Klass = lazyObject(shape({}, true), () => Real as unknown as Record<string, unknown>) as unknown as new (
      v: number,
    ) => Real;
    const made = new Klass(7);
    expect(made).toBeInstanceOf(Real);
    expect(made.value).toBe(7);
  });

  it('keeps the __esModule marker of the exports', () => {
    const mod = lazyObject({ callable: false, esModule: true, keys: {} }, () => ({}));
    expect((mod as { __esModule?: boolean }).__esModule).toBe(true);
  });
});

describe('loadCommonJs', () => {
  it('runs a CommonJS file like require: exports, module.exports, built-ins, __filename, __dirname', () => {
    const file = join(dir, 'lib.cjs');
    writeFileSync(
      file,
      [
        '"use strict";',
        'const { basename } = require("node:path");',
        'module.exports = function lib() { return this; };',
        'module.exports.where = basename(__filename) + " in " + basename(__dirname);',
      ].join('\n'),
    );
    const lib = loadCommonJs(file, { cacheDir: undefined, hash: 'x' }) as { (): unknown; where: string };
    expect(lib.where).toBe(`lib.cjs in ${dir.split('/').pop()}`);
    // Strict mode kept: `this` of a plain call is undefined.
    expect(lib()).toBeUndefined();
  });

  it('reads no cache and writes none without a cache directory', () => {
    const file = join(dir, 'plain.cjs');
    writeFileSync(file, 'exports.answer = 42;');
    expect((loadCommonJs(file, { cacheDir: undefined, hash: 'x' }) as { answer: number }).answer).toBe(42);
    expect(readdirSync(dir).sort()).toEqual(['lib.cjs', 'plain.cjs']);
  });

  it('keeps the code cache under CLAUDE_PLUGIN_DATA, else in a per-user temp directory', () => {
    expect(codeCacheDir({ CLAUDE_PLUGIN_DATA: '/data/plugin' })).toBe('/data/plugin/v8-cache');
    expect(codeCacheDir({})).toMatch(/proagent-devops-hook-[^/]+\/v8-cache$/);
  });
});
