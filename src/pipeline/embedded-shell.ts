/**
 * Shell scripts embedded in another language: a YAML `run:`/`script:` scalar, a Groovy `sh '…'` string.
 * The script's characters are not contiguous in the file (block-scalar indentation, escapes, folding), so
 * the script is parsed on its own and every offset is mapped back through the host's character map.
 * Template expressions (`${{ … }}`, Groovy `${…}`) are substituted before the shell runs; they are masked
 * with a same-length shell expansion so the parse sees "some value here" and offsets stay aligned.
 */
import {
  parseShell,
  type ShellAssignment,
  type ShellRedirect,
  type ShellScript,
  type ShellWord,
  type SimpleCommand,
} from '../parsers/shell.js';

/** A string value and where each of its characters is in the file. */
export interface MappedText {
  value: string;
  /** File offset of the value's character `index` (`index === value.length`: just past the last one). */
  offsetOf(index: number): number;
}

export interface Span {
  start: number;
  end: number;
}

/** File offsets of the value span [start, end): the end stays on the line of the last character. */
export function fileSpan(fileText: string, mapped: MappedText, start: number, end: number): Span {
  const s = mapped.offsetOf(start);
  if (end <= start) return { start: s, end: s };
  const afterLast = mapped.offsetOf(end - 1) + 1;
  const next = mapped.offsetOf(end);
  // `next` is exact unless a line break (indentation, folding) lies between the two characters.
  const e = next >= afterLast && !/[\r\n]/.test(fileText.slice(afterLast, next)) ? next : afterLast;
  return { start: s, end: Math.max(s, e) };
}

/**
 * Replaces each span with a shell parameter expansion of the same length (`${{ x }}` → `${_____}`), so
 * the word it sits in is non-literal, as the real substituted value is unknown.
 */
export function maskSpans(value: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out += value.slice(at, start);
    const body = value.slice(start, end);
    out +=
      /[\r\n]/.test(body) || body.length < 4 ? body.replace(/[^\r\n]/g, '_') : `\${${'_'.repeat(body.length - 3)}}`;
    at = end;
  }
  return out + value.slice(at);
}

/** Parses an embedded script; every offset of the result (commands, words, redirects, error) is a file offset. */
export function parseEmbeddedShell(fileText: string, mapped: MappedText, masks: readonly Span[] = []): ShellScript {
  const parsed = parseCached(maskSpans(mapped.value, masks));
  const start = (i: number) => mapped.offsetOf(i);
  const end = (s: number, e: number) => fileSpan(fileText, mapped, s, e).end;
  const word = (w: ShellWord): ShellWord => ({ ...w, start: start(w.start), end: end(w.start, w.end) });
  const assignment = (a: ShellAssignment): ShellAssignment => ({
    ...a,
    value: a.value ? word(a.value) : undefined,
    start: start(a.start),
    end: end(a.start, a.end),
  });
  const redirect = (r: ShellRedirect): ShellRedirect => ({
    ...r,
    target: r.target ? word(r.target) : undefined,
    heredoc: r.heredoc ? word(r.heredoc) : undefined,
    start: start(r.start),
    end: end(r.start, r.end),
  });
  const commands: SimpleCommand[] = parsed.commands.map((cmd) => ({
    ...cmd,
    words: cmd.words.map(word),
    assignments: cmd.assignments.map(assignment),
    redirects: cmd.redirects.map(redirect),
    start: start(cmd.start),
    end: end(cmd.start, cmd.end),
  }));
  const script: ShellScript = { text: mapped.value, offset: start(0), commands };
  if (parsed.error) script.error = { ...parsed.error, offset: start(parsed.error.offset) };
  return script;
}

/**
 * CI files repeat the same short scripts (`npm ci`, `make test`) across jobs and files, and a shell parse
 * costs about 2 ms. Scripts are parsed at offset 0 and mapped per use, so a parse is reusable as is; the
 * cache is bounded and cleared whole when full (parses are never mutated).
 */
const CACHE_LIMIT = 2000;
const MAX_CACHED_LENGTH = 4000;
const parses = new Map<string, ShellScript>();

function parseCached(script: string): ShellScript {
  if (script.length > MAX_CACHED_LENGTH) return parseShell(script);
  let parsed = parses.get(script);
  if (!parsed) {
    if (parses.size >= CACHE_LIMIT) parses.clear();
    parsed = parseShell(script);
    parses.set(script, parsed);
  }
  return parsed;
}
