import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryInsideRoot, fileInsideRoot, insideRoot, rootRelative, targetInsideRoot } from './paths.js';

let dir: string;
let root: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-mcp-paths-'));
  root = join(dir, 'ws');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(root, 'file.txt'), 'x');
  symlinkSync(join(dir, 'outside'), join(root, 'out-link'));
  symlinkSync(join(root, 'sub'), join(root, 'in-link'));
  symlinkSync(join(dir, 'missing'), join(root, 'dangling'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('paths confined to the workspace root', () => {
  it('insideRoot: existing paths, symlinks resolved', () => {
    expect(insideRoot(root, 'sub')).toBe(join(root, 'sub'));
    expect(insideRoot(root, join(root, 'file.txt'))).toBe(join(root, 'file.txt'));
    expect(insideRoot(root, 'in-link')).toBe(join(root, 'in-link'));
    expect(() => insideRoot(root, 'out-link')).toThrow('out-link is outside the workspace root');
    expect(() => insideRoot(root, '..')).toThrow('.. is outside the workspace root');
    expect(() => insideRoot(root, 'nope')).toThrow('no such file or directory: nope');
  });

  it('fileInsideRoot and directoryInsideRoot check the kind', () => {
    expect(fileInsideRoot(root, 'file.txt')).toBe(join(root, 'file.txt'));
    expect(() => fileInsideRoot(root, 'sub')).toThrow('sub is not a file');
    expect(directoryInsideRoot(root, '.')).toBe(root);
    expect(() => directoryInsideRoot(root, 'file.txt')).toThrow('file.txt is not a directory');
  });

  it('targetInsideRoot: paths that do not exist yet, judged by their nearest existing ancestor', () => {
    expect(targetInsideRoot(root, 'new/deeper')).toBe(join(root, 'new/deeper'));
    expect(targetInsideRoot(root, 'in-link/new')).toBe(join(root, 'in-link/new'));
    expect(targetInsideRoot(root, 'sub/../new')).toBe(join(root, 'new'));
    expect(() => targetInsideRoot(root, 'out-link/new')).toThrow('out-link/new is outside the workspace root');
    expect(() => targetInsideRoot(root, 'dangling/new')).toThrow('dangling/new is outside the workspace root');
    expect(() => targetInsideRoot(root, '../outside/new')).toThrow('../outside/new is outside the workspace root');
    expect(() => targetInsideRoot(root, join(dir, 'new'))).toThrow('is outside the workspace root');
  });

  it('rootRelative names paths POSIX-style, the root as .', () => {
    expect(rootRelative(root, root)).toBe('.');
    expect(rootRelative(root, join(root, 'sub', 'x.yaml'))).toBe('sub/x.yaml');
  });
});
