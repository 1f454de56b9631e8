import * as z from 'zod';
import { defaultConfig, findConfigFile, loadConfig } from '../../../config/config.js';
import { severityRank } from '../../../core/engine.js';
import { ruleFamily } from '../../../core/rule.js';
import type { Finding } from '../../../core/types.js';
import { renderJson } from '../../../report/json.js';
import { review } from '../../../review.js';
import { RULES } from '../../../rules/registry.js';
import { defineTool, ToolError } from '../tool.js';
import { insideRoot } from './paths.js';
import { ReportSchema, SeveritySchema } from './schemas.js';

const input = z.strictObject({
  paths: z
    .array(z.string().min(1).max(4096))
    .min(1)
    .max(100)
    .default(['.'])
    .describe('Files or directories to review, relative to the workspace root (default: the whole workspace)'),
  only: z.array(z.string().min(1).max(32)).max(200).optional().describe('Run only these rule IDs or families'),
  skip: z.array(z.string().min(1).max(32)).max(200).optional().describe('Skip these rule IDs or families'),
  minSeverity: SeveritySchema.default('info').describe('Leave out findings below this severity'),
  top: z.number().int().min(0).max(100).default(10).describe('How many findings to list in the text answer'),
});

/** Rule IDs or whole families (`DKR`, `K8S001`), as the CLI's `--only`/`--skip` accept them. */
export function expandRuleList(tokens: readonly string[] | undefined, field: string): string[] | undefined {
  if (tokens === undefined) return undefined;
  const known = new Set(RULES.map((r) => r.id));
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const raw of tokens) {
    const token = raw.trim().toUpperCase();
    const family = [...known].filter((id) => ruleFamily(id) === token);
    if (known.has(token)) ids.push(token);
    else if (family.length > 0) ids.push(...family);
    else unknown.push(raw);
  }
  if (unknown.length > 0) throw new ToolError(`${field}: unknown rule or family ${unknown.join(', ')}`);
  return ids;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function findingLine(f: Finding, i: number): string {
  const fix = f.fix ? `\n   Fix: ${f.fix}` : '';
  return `${i + 1}. [${f.severity}] ${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}${fix}`;
}

export const reviewTool = defineTool({
  name: 'review',
  title: 'Review DevOps artifacts',
  description:
    'Checks Dockerfiles, Compose files, Kubernetes manifests, CI workflows, Terraform and monitoring config ' +
    'in the workspace against the DevOps conventions. Answers with a summary and the most severe findings; ' +
    'the full JSON report (every finding with file, line, column, fix and rollback) is the structured content.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output: ReportSchema,
  run(args, ctx) {
    const paths = args.paths.map((p) => insideRoot(ctx.root, p));
    const only = expandRuleList(args.only, 'only');
    const skip = expandRuleList(args.skip, 'skip');
    const configPath = findConfigFile(paths[0] as string);
    const config = configPath ? loadConfig(configPath, new Set(RULES.map((r) => r.id))) : defaultConfig();
    const result = review({
      paths,
      root: ctx.root,
      config,
      ...(only ? { only } : {}),
      ...(skip ? { skip } : {}),
      onRuleError: (rule, file, error) =>
        ctx.log(`internal error in ${rule.id}${file ? ` on ${file}` : ''}: ${(error as Error).message}`),
    });
    const threshold = severityRank(args.minSeverity);
    const kept = { ...result, findings: result.findings.filter((f) => severityRank(f.severity) <= threshold) };
    const report = ReportSchema.parse(JSON.parse(renderJson(kept, { toolVersion: ctx.version })));

    const { summary } = report;
    const open = kept.findings.filter((f) => !f.suppressed);
    const top = [...open].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)).slice(0, args.top);
    const lines = [
      `Reviewed ${plural(summary.files, 'file')}: ${plural(summary.findings, 'finding')} ` +
        `(${summary.bySeverity.error} error, ${summary.bySeverity.warning} warning, ${summary.bySeverity.info} info)` +
        `${summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : ''}` +
        `${report.skipped.length > 0 ? `, ${plural(report.skipped.length, 'file')} skipped` : ''}.`,
    ];
    if (top.length > 0) lines.push('', `Most severe ${top.length}:`, ...top.map(findingLine));
    if (open.length > top.length) lines.push('', `${open.length - top.length} more in the structured content.`);
    return { text: lines.join('\n'), structured: report };
  },
});
