import type { Rule } from '../core/rule.js';
import { DOMAINS, type Domain, type Finding, SEVERITIES, type Severity } from '../core/types.js';
import type { ReviewResult } from '../review.js';
import { joinChunks, jsonChunks, LazyArray, mapped } from './json-chunks.js';

export const TOOL_NAME = 'proagent-devops';

/** What every reporter receives besides the result. */
export interface ReportOptions {
  /** Rule metadata (the whole registry): SARIF's rule table, Markdown's per-rule details. */
  rules: readonly Rule[];
  toolVersion: string;
  /** ANSI colour in the text report; the CLI decides (TTY and no NO_COLOR). Off unless `true`. */
  color?: boolean;
  /** Markdown: at most this many rows in the findings table (default 50). */
  maxRows?: number;
}

export interface ReportSummary {
  files: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  byDomain: Record<Domain, number>;
  suppressed: number;
  durationMs: number;
}

/**
 * Counts of the result. `findings`, `bySeverity` and `byDomain` count **unsuppressed** findings only: they
 * are what the exit code and a reader act on. Suppressed ones (inline, config, baseline) are counted once,
 * in `suppressed`. Every severity and every domain is present (zero when absent) so the shape is fixed.
 */
export function summarize(result: ReviewResult): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byDomain = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<Domain, number>;
  let findings = 0;
  let suppressed = 0;
  for (const f of result.findings) {
    if (f.suppressed) {
      suppressed++;
      continue;
    }
    findings++;
    bySeverity[f.severity]++;
    byDomain[f.domain]++;
  }
  return { files: result.files, findings, bySeverity, byDomain, suppressed, durationMs: result.durationMs };
}

/** A finding with its keys in the documented order (types.ts), whatever order the engine built it in. */
function orderedFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    domain: f.domain,
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
    ...(f.rollback !== undefined ? { rollback: f.rollback } : {}),
    docsUrl: f.docsUrl,
    fingerprint: f.fingerprint,
    ...(f.snippet !== undefined ? { snippet: f.snippet } : {}),
    ...(f.suppressed ? { suppressed: { kind: f.suppressed.kind, justification: f.suppressed.justification } } : {}),
  };
}

/**
 * The `version: 1` JSON report (ARCHITECTURE.md). `findings` lists every finding, suppressed ones included
 * with their `suppressed` field; the summary counts only unsuppressed ones (see `summarize`).
 * Keys in a fixed order, 2-space indentation, trailing newline.
 */
export function renderJson(result: ReviewResult, options: Pick<ReportOptions, 'toolVersion'>): string {
  return joinChunks(renderJsonChunks(result, options));
}

/** `renderJson` as chunks, one finding at a time, for writing a large report without holding it whole. */
export function renderJsonChunks(result: ReviewResult, options: Pick<ReportOptions, 'toolVersion'>): Iterable<string> {
  const report = {
    version: 1,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    root: result.root,
    summary: summarize(result),
    findings: new LazyArray(mapped(result.findings, orderedFinding)),
    skipped: result.skipped.map((s) => ({ file: s.file, reason: s.reason })),
  };
  return jsonChunks(report);
}
