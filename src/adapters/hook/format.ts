/** Findings as compact text for Claude's context: one line each, most severe first, fix and rollback inline. */
import type { Finding } from '../../core/types.js';

/** Findings listed one by one; beyond this, a count (the hook output is capped at 10,000 characters). */
const MAX_LISTED = 25;

export function findingLine(f: Finding): string {
  const parts = [`- ${f.ruleId} ${f.severity} ${f.file}:${f.line}:${f.column}: ${f.message}`];
  if (f.fix) parts.push(`Fix: ${f.fix}`);
  if (f.rollback) parts.push(`Rollback: ${f.rollback}`);
  return parts.join(' ');
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Lines for the findings, errors first (stable within a severity), with a count for what is left out. */
export function findingLines(findings: readonly Finding[]): string[] {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const lines = sorted.slice(0, MAX_LISTED).map(findingLine);
  if (sorted.length > MAX_LISTED) lines.push(`- … and ${sorted.length - MAX_LISTED} more`);
  return lines;
}

/** "2 errors, 1 warning" */
export function countText(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [part(n('error'), 'error'), part(n('warning'), 'warning'), part(n('info'), 'info finding')]
    .filter((s) => !s.startsWith('0 '))
    .join(', ');
}
