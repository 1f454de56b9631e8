import { execFileSync } from 'node:child_process';
import type { Finding } from '../../core/types.js';

/** Added or modified lines per file (paths relative to the diffed directory), as inclusive ranges. */
export type ChangedLines = Map<string, Array<[number, number]>>;

export type DiffResult = { lines: ChangedLines; against: string } | { error: string };

/** Git's C-style quoting of unusual file names (`"a\tb"`), undone. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parses `git diff --unified=0` output into the new side's changed line ranges. */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const lines: ChangedLines = new Map();
  let file: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      file = target === '/dev/null' ? undefined : unquote(target).replace(/^b\//, '');
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk || file === undefined) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count === 0) continue; // a pure deletion adds no line to annotate
    const ranges = lines.get(file) ?? [];
    ranges.push([start, start + count - 1]);
    lines.set(file, ranges);
  }
  return lines;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', cwd, '-c', 'core.quotePath=false', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

const DIFF = ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', '--diff-filter=AMR', '-M'];

/**
 * The lines a pull request changes, relative to `cwd`. Tries the merge base with `origin/<base>` (a
 * checkout with `fetch-depth: 0`), then the first parent of the merge commit `actions/checkout` makes for
 * pull requests (`fetch-depth: 2` suffices). Returns why neither worked otherwise.
 */
export function changedLines(cwd: string, baseRef: string): DiffResult {
  if (!/^[\w./-]+$/.test(baseRef) || baseRef.startsWith('-') || baseRef.includes('..')) {
    return { error: `GITHUB_BASE_REF ${JSON.stringify(baseRef)} is not a branch name` };
  }
  const remote = `refs/remotes/origin/${baseRef}`;
  if (git(cwd, ['rev-parse', '--verify', '--quiet', `${remote}^{commit}`]) !== undefined) {
    const diff = git(cwd, [...DIFF, `${remote}...HEAD`, '--']);
    if (diff !== undefined) return { lines: parseUnifiedDiff(diff), against: `origin/${baseRef}` };
  }
  if (git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^2^{commit}']) !== undefined) {
    const diff = git(cwd, [...DIFF, 'HEAD^1', 'HEAD', '--']);
    if (diff !== undefined) return { lines: parseUnifiedDiff(diff), against: 'the merge commit’s base parent' };
  }
  return {
    error: `cannot diff against ${baseRef}: check out with fetch-depth: 0 (or 2) so the base is available`,
  };
}

/** True when any line of the finding's range was added or modified. */
export function onChangedLine(f: Finding, changed: ChangedLines): boolean {
  return (changed.get(f.file) ?? []).some(([from, to]) => f.line <= to && f.endLine >= from);
}
