import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal content', () => {
    expect(unifiedDiff('a.txt', 'x\n', 'x\n')).toBe('');
  });
  it('shows a new file against /dev/null', () => {
    expect(unifiedDiff('a.txt', undefined, 'one\ntwo\n')).toBe(
      '--- /dev/null\n+++ b/a.txt\n@@ -0,0 +1,2 @@\n+one\n+two\n',
    );
  });
  it('keeps three lines of context and splits distant changes into hunks', () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n')}\n`;
    const after = before.replace('l2\n', 'L2\n').replace('l18\n', 'L18\n');
    expect(unifiedDiff('f', before, after)).toBe(
      [
        '--- a/f',
        '+++ b/f',
        '@@ -1,5 +1,5 @@',
        ' l1',
        '-l2',
        '+L2',
        ' l3',
        ' l4',
        ' l5',
        '@@ -15,6 +15,6 @@',
        ' l15',
        ' l16',
        ' l17',
        '-l18',
        '+L18',
        ' l19',
        ' l20',
        '',
      ].join('\n'),
    );
  });

  // GNU diff and patch are the reference: our diff applies cleanly with `patch` and is as small as `diff -u`'s.
  const haveTools = spawnSync('diff', ['--version']).status === 0 && spawnSync('patch', ['--version']).status === 0;
  it.runIf(haveTools)('round-trips through patch and is minimal like diff -u', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diff-oracle-'));
    try {
      const line = fc.constantFrom('a', 'b', 'c', 'd', 'e', '', 'x y');
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
          const before = a.length > 0 ? `${a.join('\n')}\n` : '';
          const after = b.length > 0 ? `${b.join('\n')}\n` : '';
          writeFileSync(join(dir, 'a'), before);
          writeFileSync(join(dir, 'b'), after);
          const ours = unifiedDiff('f', before, after);
          if (before === after) {
            expect(ours).toBe('');
            return;
          }
          writeFileSync(join(dir, 'd'), ours);
          const patched = spawnSync('patch', ['-s', '-o', join(dir, 'out'), join(dir, 'a'), join(dir, 'd')]);
          expect(patched.status).toBe(0);
          expect(readFileSync(join(dir, 'out'), 'utf8')).toBe(after);
          const gnu = spawnSync('diff', ['-u', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' }).stdout;
          const changed = (d: string) => d.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l)).length;
          expect(changed(ours)).toBe(changed(gnu));
        }),
        { numRuns: 150, seed: 7 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
