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

const Counts = z.record(SeveritySchema, z.number().int());
const GradeSchema = z.enum(['A', 'B', 'C', 'D', 'F']);

/** The `version: 1` JSON report of `proagent-devops hub --format json` (src/hub/types.ts). */
export const HubReportSchema = z.object({
  version: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }),
  root: z.string(),
  overall: z.object({ score: z.number(), grade: GradeSchema }),
  domains: z.array(
    z.object({
      id: DomainSchema,
      title: z.string(),
      score: z.number(),
      grade: GradeSchema,
      status: z.enum(['good', 'fair', 'poor', 'absent']),
      artifacts: z.number().int().describe('Distinct files that are artifacts of the domain'),
      evidence: z.array(z.object({ id: z.string(), label: z.string(), files: z.array(z.string()) })),
      findings: Counts.describe('Unsuppressed review findings in the domain'),
      gaps: z.array(
        z.object({
          id: z.string(),
          severity: SeveritySchema,
          message: z.string(),
          fix: z.string(),
          recipe: z.string().optional().describe('The scaffold recipe that produces the missing artifact'),
          command: z.string().optional(),
        }),
      ),
      breakdown: z.object({ findingsScore: z.number(), penaltyPerArtifact: z.number(), gapPenalty: z.number() }),
    }),
  ),
  nextActions: z.array(
    z.object({
      rank: z.number().int(),
      severity: SeveritySchema,
      domain: DomainSchema,
      blastRadius: z.enum(['prod', 'shared', 'non-prod']),
      priority: z.number().describe('Severity weight x blast-radius weight: the ranking key'),
      title: z.string(),
      ruleId: z.string().optional(),
      gapId: z.string().optional(),
      count: z.number().int(),
      files: z.array(z.string()),
      fix: z.string(),
      rollback: z.string().optional(),
      recipe: z.string().optional(),
      command: z.string().optional(),
    }),
  ),
  summary: z.object({
    files: z.number().int(),
    findings: z.number().int(),
    bySeverity: Counts,
    suppressed: z.number().int(),
  }),
  method: z.string().describe('Where the scoring method is documented'),
});
