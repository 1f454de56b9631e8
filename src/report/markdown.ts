import type { Rule } from '../core/rule.js';
import type { Finding, Severity } from '../core/types.js';
import type { ReviewResult } from '../review.js';
import { type ReportOptions, summarize } from './json.js';

/** Lets a bot find and update its own earlier comment instead of adding a new one per push. */
export const MARKDOWN_MARKER = '<!-- proagent-devops:review -->';
export const DEFAULT_MAX_ROWS = 50;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * GitHub turns `@name` into a notification and `#123` into a cross-reference on that issue, even from
 * escaped text: a word joiner (U+2060, invisible) after the sigil keeps a PR comment from pinging anyone.
 */
function neutraliseReferences(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u2060').replace(/#(?=[0-9])/g, '#\u2060');
}

/**
 * Text from findings (messages, paths, reasons) as inert Markdown: no table breaks (`|`), code spans,
 * emphasis, links, math (`$`, which GitHub renders), raw HTML, mentions or issue references; newlines
 * become spaces.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseReferences(
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~$]/g, '\\$&'),
  );
}

/**
 * Rule metadata is our own Markdown, but placeholders like `<image>` outside code spans would be taken for
 * HTML tags and dropped by GitHub's sanitiser: angle brackets outside code spans become entities (and
 * `@`/`#123` are neutralised as in findings).
 */
export function metadataMarkdown(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : neutraliseReferences(part.replace(/</g, '&lt;').replace(/>/g, '&gt;'))))
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A code span that survives any backticks in `text` (a longer fence). In a table cell pipes still need a
 * backslash: GFM splits cells before it parses code spans.
 */
function codeSpan(text: string, inTable: boolean): string {
  let clean = text.replace(/[\r\n]+/g, ' ');
  if (inTable) clean = clean.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Generated docs URLs are safe; parentheses and spaces would still end a Markdown link early. */
function linkTarget(url: string): string {
  return url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function findingRow(f: Finding): string {
  const cells = [
    f.severity,
    `[${escapeMarkdown(f.ruleId)}](${linkTarget(f.docsUrl)})`,
    codeSpan(`${f.file}:${f.line}`, true),
    escapeMarkdown(f.message),
  ];
  return `| ${cells.join(' | ')} |`;
}

function ruleDetails(id: string, count: number, rule: Rule | undefined, sample: Finding): string[] {
  const title = rule ? ` ${escapeHtml(rule.title)}` : '';
  const fix = rule?.fix ?? sample.fix;
  const rollback = rule?.rollback ?? sample.rollback;
  const lines = ['<details>', `<summary><code>${escapeHtml(id)}</code>${title} (${count})</summary>`, ''];
  if (rule) lines.push(`**Why.** ${metadataMarkdown(rule.rationale)}`, '');
  if (fix) lines.push(`**Fix.** ${metadataMarkdown(fix)}`, '');
  if (rollback) lines.push(`**Rollback.** ${metadataMarkdown(rollback)}`, '');
  lines.push(`[${escapeMarkdown(id)} documentation](${linkTarget(sample.docsUrl)})`, '', '</details>');
  return lines;
}

/**
 * A pull-request comment: counts, a table of the most severe findings (at most `maxRows`, default 50),
 * and a collapsible section per rule with its fix and rollback. Suppressed findings are only counted.
 */
export function renderMarkdown(result: ReviewResult, options: Pick<ReportOptions, 'rules' | 'maxRows'>): string {
  const summary = summarize(result);
  const skipped = result.skipped.length;
  const maxRows = Math.max(0, options.maxRows ?? DEFAULT_MAX_ROWS);
  const out: string[] = [MARKDOWN_MARKER, '## proagent-devops review', ''];

  if (summary.findings === 0) {
    const extra = [
      summary.suppressed > 0 ? `${summary.suppressed} suppressed` : '',
      skipped > 0 ? `${skipped} skipped` : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(`No problems found in ${plural(summary.files, 'file')}${extra ? ` (${extra})` : ''}.`, '');
  } else {
    const { error, warning, info } = summary.bySeverity;
    out.push(
      `**${plural(summary.findings, 'problem')}** in ${plural(summary.files, 'file')}: ` +
        `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'info', 'infos')}.`,
      '',
      '| Errors | Warnings | Infos | Suppressed | Skipped files | Files reviewed |',
      '|---:|---:|---:|---:|---:|---:|',
      `| ${error} | ${warning} | ${info} | ${summary.suppressed} | ${skipped} | ${summary.files} |`,
      '',
    );

    // Most severe first; within a severity the engine's order (file, line, column, rule) is kept.
    const open = result.findings
      .filter((f) => !f.suppressed)
      .map((f, i) => ({ f, i }))
      .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
      .map(({ f }) => f);
    const shown = open.slice(0, maxRows);
    if (shown.length > 0) {
      out.push('| Severity | Rule | Location | Message |', '|---|---|---|---|', ...shown.map(findingRow), '');
    }
    if (open.length > shown.length) out.push(`…and ${open.length - shown.length} more.`, '');

    const rulesById = new Map(options.rules.map((r) => [r.id, r]));
    const byRule = new Map<string, Finding[]>();
    for (const f of open) {
      const list = byRule.get(f.ruleId);
      if (list) list.push(f);
      else byRule.set(f.ruleId, [f]);
    }
    out.push('### Rules', '');
    for (const id of [...byRule.keys()].sort()) {
      const findings = byRule.get(id)!;
      out.push(...ruleDetails(id, findings.length, rulesById.get(id), findings[0]!), '');
    }
  }

  if (skipped > 0) {
    out.push('<details>', `<summary>${plural(skipped, 'file')} skipped</summary>`, '');
    for (const s of result.skipped) out.push(`- ${codeSpan(s.file, false)}: ${escapeMarkdown(s.reason)}`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
