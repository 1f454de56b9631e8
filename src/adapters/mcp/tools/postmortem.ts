import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { SourceFile } from '../../../core/source-file.js';
import { postmortemTemplate, renderPostmortem } from '../../../incident/postmortem.js';
import { readIncidentRecord } from '../../../incident/postmortem-record.js';
import { redactSecrets } from '../../../secrets/detect.js';
import { defineTool, ToolError, type ToolOutput } from '../tool.js';
import { fileInsideRoot, rootRelative } from './paths.js';

/** How an inline record is named in problem positions: they point into its 2-space JSON rendering. */
export const INLINE_RECORD = '<inline record>';

const input = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe('Incident record (YAML or JSON), relative to the workspace root'),
  record: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'The incident record inline (title, severity, commander, started, summary, impact, detection, timeline, ' +
        'contributingFactors, fiveWhys, actionItems, lessons); positions refer to its 2-space JSON rendering',
    ),
});

const output = z.object({
  kind: z
    .enum(['template', 'postmortem', 'invalid'])
    .describe('template: no record given; invalid: the record has errors (no Markdown)'),
  source: z.string().optional().describe('The record: its path relative to the root, or <inline record>'),
  markdown: z.string().optional(),
  problems: z.array(
    z.object({
      severity: z.enum(['error', 'warning']),
      message: z.string(),
      line: z.number().int().describe('1-based'),
      column: z.number().int().describe('1-based'),
      endLine: z.number().int(),
      endColumn: z.number().int().describe('end exclusive'),
    }),
  ),
});

type Output = z.output<typeof output>;

export const postmortemTool = defineTool({
  name: 'postmortem',
  title: 'Blameless postmortem',
  description:
    'A blameless postmortem in Markdown from an incident record (a YAML/JSON file in the workspace, or the ' +
    'record inline); a record that does not validate gives its problems with line and column instead, and ' +
    'blame language is flagged. With no record, the template with guidance for every section. Writes nothing.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output,
  run(args, ctx): ToolOutput<Output> {
    if (args.path !== undefined && args.record !== undefined) {
      throw new ToolError('give the incident record as path or as record, not both');
    }
    if (args.path === undefined && args.record === undefined) {
      const markdown = postmortemTemplate();
      return { text: markdown, structured: { kind: 'template', markdown, problems: [] } };
    }
    let source: string;
    let text: string;
    if (args.path !== undefined) {
      const abs = fileInsideRoot(ctx.root, args.path);
      source = rootRelative(ctx.root, abs);
      text = readFileSync(abs, 'utf8');
    } else {
      source = INLINE_RECORD;
      text = `${JSON.stringify(args.record, null, 2)}\n`;
    }
    const { record, problems } = readIncidentRecord(new SourceFile(source, 'yaml', text));
    // Messages quote field values: a credential pasted into a record is not echoed back.
    const listed: Output['problems'] = problems.map((p) => ({
      severity: p.severity,
      message: redactSecrets(p.message),
      ...p.range,
    }));
    const lines = listed.map((p) => `${source}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    const errors = listed.filter((p) => p.severity === 'error').length;
    if (errors > 0 || !record) {
      lines.push(`${source}: ${errors} error(s); fix the record and call postmortem again.`);
      return { text: lines.join('\n'), structured: { kind: 'invalid', source, problems: listed }, isError: true };
    }
    const markdown = redactSecrets(renderPostmortem(record));
    return {
      text: [...lines, ...(lines.length > 0 ? [''] : []), markdown].join('\n'),
      structured: { kind: 'postmortem', source, markdown, problems: listed },
    };
  },
});
