import * as z from 'zod';
import { DOMAINS, SEVERITIES } from '../../../core/types.js';

/** zod mirrors of the core types, for tool output schemas (advertised to clients as JSON Schema). */

export const SeveritySchema = z.enum(SEVERITIES);
export const DomainSchema = z.enum(DOMAINS);

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  file: z.string().describe('Path relative to the workspace root (POSIX)'),
  line: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based, UTF-16 code units'),
  endLine: z.number().int(),
  endColumn: z.number().int().describe('end exclusive'),
  domain: DomainSchema,
  fix: z.string().optional(),
  rollback: z.string().optional(),
  docsUrl: z.string(),
  fingerprint: z.string(),
  snippet: z.string().optional().describe('The offending line, secrets redacted'),
  suppressed: z.object({ kind: z.enum(['inline', 'config', 'baseline']), justification: z.string() }).optional(),
});

/** The `version: 1` JSON report of `proagent-devops review --format json` (ARCHITECTURE.md). */
export const ReportSchema = z.object({
  version: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }),
  root: z.string(),
  summary: z.object({
    files: z.number().int(),
    findings: z.number().int().describe('Unsuppressed findings'),
    bySeverity: z.record(SeveritySchema, z.number().int()),
    byDomain: z.record(DomainSchema, z.number().int()),
    suppressed: z.number().int(),
    durationMs: z.number(),
  }),
  findings: z.array(FindingSchema),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});
