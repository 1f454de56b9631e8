import type { Finding, Severity } from '../core/types.js';
import type { ReviewResult } from '../review.js';
import { type ReportOptions, summarize } from './json.js';
import { joinChunks } from './json-chunks.js';

type Style = 'bold' | 'dim' | 'underline' | Severity;

const ANSI: Record<Style, [open: string, close: string]> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  underline: ['\u001b[4m', '\u001b[24m'],
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
};

/**
 * Control characters and bidi overrides in paths or messages would let a file name rewrite the reader's
 * terminal or reorder what they see: they are shown as `\uXXXX` escapes (tabs and newlines as spaces).
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\t' || c === '\n' || c === '\r' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/**
 * The human report: findings grouped by file, one `line:col  severity  ID  message` row each, with the fix
 * dimmed below, then a one-line summary. Suppressed findings are only counted. ANSI colour only when
 * `options.color === true`.
 */
export function renderText(result: ReviewResult, options: Pick<ReportOptions, 'color'>): string {
  return joinChunks(renderTextChunks(result, options));
}

/** `renderText` as chunks, one file's findings at a time. */
export function* renderTextChunks(result: ReviewResult, options: Pick<ReportOptions, 'color'>): Generator<string> {
  const paint = (style: Style, text: string): string =>
    options.color === true ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text;

  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.suppressed) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }

  // One chunk per file: its heading, its rows, then the blank line that separates it from the next.
  for (const [file, findings] of byFile) {
    const position = (f: Finding) => `${f.line}:${f.column}`;
    const posWidth = Math.max(...findings.map((f) => position(f).length));
    const idWidth = Math.max(...findings.map((f) => f.ruleId.length));
    const out = [paint('underline', printable(file))];
    for (const f of findings) {
      const row = [
        `  ${position(f).padEnd(posWidth)}`,
        paint(f.severity, f.severity.padEnd(7)),
        paint('dim', f.ruleId.padEnd(idWidth)),
        printable(f.message),
      ].join('  ');
      out.push(row.trimEnd());
      if (f.fix) out.push(paint('dim', `  ${' '.repeat(posWidth)}  ↳ ${printable(f.fix)}`));
    }
    yield `${out.join('\n')}\n\n`;
  }
  yield `${summaryLine(result, paint)}\n`;
}

function summaryLine(result: ReviewResult, paint: (style: Style, text: string) => string): string {
  const s = summarize(result);
  const files = plural(s.files, 'file');
  const skipped = result.skipped.length;
  if (s.findings === 0) {
    const extra = [s.suppressed > 0 ? `${s.suppressed} suppressed` : '', skipped > 0 ? `${skipped} skipped` : '']
      .filter(Boolean)
      .map((e) => `, ${e}`)
      .join('');
    return paint('bold', `No problems found in ${files}${extra}.`);
  }
  const counts = [
    paint('error', plural(s.bySeverity.error, 'error')),
    paint('warning', plural(s.bySeverity.warning, 'warning')),
    paint('info', plural(s.bySeverity.info, 'info', 'infos')),
  ].join(', ');
  return `${paint('bold', plural(s.findings, 'problem'))} (${counts}) in ${files}, ${s.suppressed} suppressed, ${skipped} skipped.`;
}
