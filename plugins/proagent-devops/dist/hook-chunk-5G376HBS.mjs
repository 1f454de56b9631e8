import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);

// src/adapters/hook/format.ts
var MAX_LISTED = 25;
function findingLine(f) {
  const parts = [`- ${f.ruleId} ${f.severity} ${f.file}:${f.line}:${f.column}: ${f.message}`];
  if (f.fix) parts.push(`Fix: ${f.fix}`);
  if (f.rollback) parts.push(`Rollback: ${f.rollback}`);
  return parts.join(" ");
}
var RANK = { error: 0, warning: 1, info: 2 };
function findingLines(findings) {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const lines = sorted.slice(0, MAX_LISTED).map(findingLine);
  if (sorted.length > MAX_LISTED) lines.push(`- \u2026 and ${sorted.length - MAX_LISTED} more`);
  return lines;
}
function countText(findings) {
  const n = (s) => findings.filter((f) => f.severity === s).length;
  const part = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return [part(n("error"), "error"), part(n("warning"), "warning"), part(n("info"), "info finding")].filter((s) => !s.startsWith("0 ")).join(", ");
}

export {
  findingLines,
  countText
};
