/**
 * GitHub Actions `${{ … }}` expressions: where they are in a string, which contexts they read
 * (`github.event.issue.title`, `secrets.TOKEN`), and which of those an outsider controls.
 */

export interface ExpressionSpan {
  /** The text between `${{` and `}}`, trimmed. */
  text: string;
  /** Offsets in the scanned string of the whole `${{ … }}`. */
  start: number;
  end: number;
  /** Context paths read, normalised: `github.event.commits.*.message`, `secrets.AWS_ACCESS_KEY_ID`. */
  refs: string[];
}

/** Every `${{ … }}` of a string (an unterminated one is ignored: GitHub rejects the workflow). */
export function findExpressions(value: string): ExpressionSpan[] {
  const out: ExpressionSpan[] = [];
  let from = 0;
  for (;;) {
    const start = value.indexOf('${{', from);
    if (start < 0) break;
    let i = start + 3;
    let end = -1;
    while (i < value.length) {
      const ch = value[i];
      if (ch === "'") {
        // String literals may hold `}}`; `''` is an escaped quote.
        i++;
        while (i < value.length && !(value[i] === "'" && value[i + 1] !== "'")) i += value[i] === "'" ? 2 : 1;
        i++;
        continue;
      }
      if (ch === '}' && value[i + 1] === '}') {
        end = i + 2;
        break;
      }
      i++;
    }
    if (end < 0) break;
    const text = value.slice(start + 3, end - 2).trim();
    out.push({ text, start, end, refs: expressionRefs(text) });
    from = end;
  }
  return out;
}

const CONTEXTS = new Set([
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'steps',
  'needs',
  'matrix',
  'job',
  'jobs',
  'runner',
  'strategy',
]);

/** Context paths read by an expression, with `['x']` → `.x` and `[0]`/`[*]` → `.*`. */
export function expressionRefs(text: string): string[] {
  // Index access by a literal key is member access (`github['event']` is `github.event`); other string
  // literals are data and must not be read as context names.
  const code = text.replace(/\[\s*'([A-Za-z_][\w-]*)'\s*\]/g, '.$1').replace(/'(?:[^']|'')*'/g, "''");
  const refs: string[] = [];
  const re = /(?<![\w.\]])([A-Za-z_][\w-]*)((?:\s*\.\s*(?:[A-Za-z_][\w-]*|\*)|\s*\[[^\]]*\])*)/g;
  for (const m of code.matchAll(re)) {
    const head = m[1] as string;
    if (!CONTEXTS.has(head)) continue;
    const tail = (m[2] ?? '').replace(/\s+/g, '').replace(/\[[^\]]*\]/g, '.*');
    refs.push(`${head}${tail}`);
  }
  return refs;
}

/** Event fields an outsider writes (titles, bodies, branch names, commit messages). `*` is one segment. */
const ATTACKER_CONTROLLED = [
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.head_commit.message',
  'github.event.head_commit.author.name',
  'github.event.head_commit.author.email',
  'github.event.commits.*.message',
  'github.event.commits.*.author.name',
  'github.event.commits.*.author.email',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.pages.*.page_name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_commit.message',
  'github.head_ref',
].map((p) => p.split('.'));

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  return segments.every((s, i) => pattern[i] === '*' || s === '*' || pattern[i] === s);
}

/**
 * Whether a context path carries outsider-written text: `error` for event fields (and whole objects that
 * contain them, e.g. `toJSON(github.event.pull_request)`), `warning` for `workflow_dispatch` string
 * inputs (written by someone with write access, but still free text).
 */
export function attackerControlled(
  ref: string,
  dispatchStringInputs: ReadonlySet<string>,
): 'error' | 'warning' | undefined {
  const segments = ref.split('.');
  if (segments[0] === 'github' && segments.length >= 2) {
    if (ATTACKER_CONTROLLED.some((p) => segments.length <= p.length && matches(p, segments))) return 'error';
  }
  const input =
    segments[0] === 'inputs' ? segments[1] : ref.startsWith('github.event.inputs.') ? segments[3] : undefined;
  if (
    input !== undefined &&
    segments.length === (segments[0] === 'inputs' ? 2 : 4) &&
    dispatchStringInputs.has(input)
  ) {
    return 'warning';
  }
  return undefined;
}
