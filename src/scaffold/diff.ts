/** Unified diffs (`diff -u` format) for `run --dry-run`: what would change in files that already exist. */

type Op = { kind: ' ' | '-' | '+'; text: string };

/** Above this many line pairs the LCS table is not built: the whole file is shown as replaced. */
const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line edit script by longest common subsequence (files here are small; big ones degrade gracefully). */
function editScript(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: most edits touch a few lines of a long file.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Op[] = a.slice(0, start).map((text) => ({ kind: ' ', text }));
  const tail: Op[] = a.slice(endA).map((text) => ({ kind: ' ', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const middle: Op[] = [];
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (const text of midA) middle.push({ kind: '-', text });
    for (const text of midB) middle.push({ kind: '+', text });
    return [...head, ...middle, ...tail];
  }
  // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        midA[i] === midB[j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      middle.push({ kind: ' ', text: midA[i] as string });
      i++;
      j++;
    } else if (j < m && (i === n || (lcs[i * width + j + 1] as number) > (lcs[(i + 1) * width + j] as number))) {
      // Deletions first on ties, as diff -u prints them.
      middle.push({ kind: '+', text: midB[j] as string });
      j++;
    } else {
      middle.push({ kind: '-', text: midA[i] as string });
      i++;
    }
  }
  return [...head, ...middle, ...tail];
}

/**
 * A unified diff of `before` → `after` with 3 lines of context, or '' when they are equal.
 * `before` undefined means the file does not exist yet (diff against /dev/null).
 */
export function unifiedDiff(path: string, before: string | undefined, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  const ops = editScript(a, b);
  const header = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  const hunks: string[] = [];
  // Walk the script, grouping changes whose context windows overlap into one hunk.
  let k = 0;
  const lineA: number[] = [];
  const lineB: number[] = [];
  let la = 0;
  let lb = 0;
  for (const op of ops) {
    lineA.push(la);
    lineB.push(lb);
    if (op.kind !== '+') la++;
    if (op.kind !== '-') lb++;
  }
  while (k < ops.length) {
    while (k < ops.length && ops[k]?.kind === ' ') k++;
    if (k >= ops.length) break;
    const from = Math.max(0, k - context);
    let to = k;
    let quiet = 0;
    for (let x = k; x < ops.length; x++) {
      if (ops[x]?.kind === ' ') {
        quiet++;
        if (quiet > context * 2) break;
      } else {
        quiet = 0;
        to = x;
      }
    }
    const end = Math.min(ops.length, to + context + 1);
    const slice = ops.slice(from, end);
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    const startA = countA === 0 ? (lineA[from] as number) : (lineA[from] as number) + 1;
    const startB = countB === 0 ? (lineB[from] as number) : (lineB[from] as number) + 1;
    // As diff -u: a count of 1 is left out.
    const span = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
    hunks.push(`@@ -${span(startA, countA)} +${span(startB, countB)} @@`, ...slice.map((o) => `${o.kind}${o.text}`));
    k = end;
  }
  const noNewline = (text: string | undefined) => text !== undefined && text !== '' && !text.endsWith('\n');
  if (noNewline(before) || noNewline(after)) hunks.push('\\ (one side has no newline at end of file)');
  return `${[...header, ...hunks].join('\n')}\n`;
}
