import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRelativePath, commitWrite, planWrite, UnsafeWriteError } from './write.js';

let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'scaffold-write-'));
  out = join(root, 'out');
  mkdirSync(out);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under a directory, relative, sorted (temporary files included: none may be left). */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('planWrite: paths that escape --out are refused', () => {
  for (const path of ['../evil', 'a/../../evil', '/etc/passwd', 'C:/x', 'a\\..\\b', 'a//b', './a', 'a/./b', '']) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      expect(() => checkRelativePath(path)).toThrow(UnsafeWriteError);
      expect(() => planWrite(out, { [path]: 'x' }, true)).toThrow(UnsafeWriteError);
    });
  }

  it('refuses to write through a symlinked directory that points outside', () => {
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(out, 'k8s'));
    expect(() => planWrite(out, { 'k8s/app.yaml': 'x' }, true)).toThrow('k8s links outside --out');
    expect(tree(join(root, 'elsewhere'))).toEqual([]);
  });

  it('allows a symlinked directory that stays inside --out', () => {
    mkdirSync(join(out, 'real'));
    symlinkSync(join(out, 'real'), join(out, 'alias'));
    const plan = planWrite(out, { 'alias/a.txt': 'x' }, false);
    commitWrite(plan);
    expect(readFileSync(join(out, 'real', 'a.txt'), 'utf8')).toBe('x');
  });

  it('refuses to replace a symlink, even with force', () => {
    writeFileSync(join(root, 'target'), 'outside');
    symlinkSync(join(root, 'target'), join(out, 'Dockerfile'));
    expect(() => planWrite(out, { Dockerfile: 'x' }, true)).toThrow(
      'refusing to replace "Dockerfile": it is a symbolic link',
    );
    expect(readFileSync(join(root, 'target'), 'utf8')).toBe('outside');
  });

  it('reports a file standing where a directory is needed', () => {
    writeFileSync(join(out, 'k8s'), 'a file');
    expect(() => planWrite(out, { 'k8s/app.yaml': 'x' }, true)).toThrow('k8s exists and is not a directory');
  });

  it('refuses an --out that is a file', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => planWrite(join(root, 'file'), { a: 'x' }, false)).toThrow('is not a directory');
  });
});

describe('planWrite + commitWrite', () => {
  it('creates missing directories and files, and leaves no temporary file', () => {
    const plan = planWrite(out, { 'a/b/c.yaml': 'c\n', 'top.txt': 'top\n' }, false);
    expect(plan.map((p) => [p.path, p.status])).toEqual([
      ['a/b/c.yaml', 'create'],
      ['top.txt', 'create'],
    ]);
    expect(commitWrite(plan).map((p) => p.path)).toEqual(['a/b/c.yaml', 'top.txt']);
    expect(tree(out)).toEqual(['a/b/c.yaml', 'top.txt']);
    expect(readFileSync(join(out, 'a/b/c.yaml'), 'utf8')).toBe('c\n');
  });

  it('never overwrites a different existing file without force, and writes nothing of the set', () => {
    writeFileSync(join(out, 'Dockerfile'), 'mine\n');
    const plan = planWrite(out, { Dockerfile: 'generated\n', '.dockerignore': '.git\n' }, false);
    expect(plan.map((p) => [p.path, p.status])).toEqual([
      ['.dockerignore', 'create'],
      ['Dockerfile', 'conflict'],
    ]);
    expect(plan.find((p) => p.path === 'Dockerfile')?.existing).toBe('mine\n');
    expect(() => commitWrite(plan)).toThrow('refusing to overwrite Dockerfile without --force');
    expect(tree(out)).toEqual(['Dockerfile']);
    expect(readFileSync(join(out, 'Dockerfile'), 'utf8')).toBe('mine\n');
  });

  it('overwrites with force, and leaves identical files alone', () => {
    writeFileSync(join(out, 'Dockerfile'), 'mine\n');
    writeFileSync(join(out, 'same.txt'), 'same\n');
    const plan = planWrite(out, { Dockerfile: 'generated\n', 'same.txt': 'same\n' }, true);
    expect(plan.map((p) => [p.path, p.status])).toEqual([
      ['Dockerfile', 'overwrite'],
      ['same.txt', 'unchanged'],
    ]);
    expect(commitWrite(plan).map((p) => p.path)).toEqual(['Dockerfile']);
    expect(readFileSync(join(out, 'Dockerfile'), 'utf8')).toBe('generated\n');
    expect(tree(out)).toEqual(['Dockerfile', 'same.txt']);
  });

  it('does not clobber a file that appears between planning and writing', () => {
    const plan = planWrite(out, { 'new.txt': 'generated\n' }, false);
    writeFileSync(join(out, 'new.txt'), 'someone else\n');
    expect(() => commitWrite(plan)).toThrow('"new.txt" appeared while writing; not overwritten');
    expect(readFileSync(join(out, 'new.txt'), 'utf8')).toBe('someone else\n');
    expect(tree(out)).toEqual(['new.txt']);
  });

  it('puts nothing in place when a temporary file cannot be written', () => {
    // A directory where the second file's parent should be: the set fails before any rename.
    const plan = planWrite(out, { 'a.txt': 'a\n', 'b/c.txt': 'c\n' }, false);
    writeFileSync(join(out, 'b'), 'blocker');
    expect(() => commitWrite(plan)).toThrow();
    expect(tree(out)).toEqual(['b']);
  });
});
