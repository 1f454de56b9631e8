import * as z from 'zod';
import { findConfigFile } from '../../../config/config.js';
import { loadIncidentSettings, prodMatcher } from '../../../incident/incident-config.js';
import { classify, type Impact, REVENUE_LEVELS, SEVERITY_LEVELS } from '../../../incident/severity-matrix.js';
import { defineTool } from '../tool.js';
import { rootRelative } from './paths.js';

const input = z.strictObject({
  usersAffected: z.number().min(0).max(100).optional().describe('Share of users affected, in percent (0-100)'),
  revenueImpact: z.enum(REVENUE_LEVELS).optional(),
  dataLoss: z.boolean().optional().describe('Data was lost'),
  security: z.boolean().optional().describe('It is a security incident (exposure, breach)'),
  state: z.enum(['down', 'degraded', 'ok']).optional().describe('The state of the service'),
  env: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Environment name; production per the configured pattern (assumed production when absent)'),
});

/** `proagent-devops incident classify --format json` (docs/incident.md). */
const output = z.object({
  version: z.literal(1),
  severity: z.enum(SEVERITY_LEVELS),
  name: z.string(),
  description: z.string(),
  rationale: z.array(z.string()).describe('The conditions of the matching criterion, in words'),
  assumptions: z.array(z.string()).describe('What was assumed because it was not given'),
  impact: input,
  response: z.object({
    acknowledge: z.string(),
    updateEvery: z.string(),
    resolveWithin: z.string(),
    page: z.array(z.string()).describe('Who is paged, in escalation order (empty: a ticket, no page)'),
    postmortem: z.object({ required: z.boolean(), within: z.string().optional() }),
  }),
  config: z.string().optional().describe('The config file whose incident: section applied (absent: defaults)'),
});

export const incidentClassifyTool = defineTool({
  name: 'incident_classify',
  title: 'Classify an incident (SEV1-SEV4)',
  description:
    "Severity SEV1-SEV4 of an incident from its impact, by the project's severity matrix (the incident: " +
    'section of .proagent-devops.yaml overrides the default one), with the rationale and the response targets: ' +
    'acknowledge, update cadence, resolution, who to page, postmortem.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output,
  run(args, ctx) {
    const settings = loadIncidentSettings(findConfigFile(ctx.root));
    const impact: Impact = {};
    if (args.usersAffected !== undefined) impact.usersAffected = args.usersAffected;
    if (args.revenueImpact !== undefined) impact.revenueImpact = args.revenueImpact;
    if (args.dataLoss !== undefined) impact.dataLoss = args.dataLoss;
    if (args.security !== undefined) impact.security = args.security;
    if (args.state !== undefined) impact.state = args.state;
    if (args.env !== undefined) impact.env = args.env;
    const isProd = prodMatcher(settings);
    const result = classify(impact, settings.matrix, (n) => isProd(n));
    const d = result.definition;
    const r = d.response;
    const lines = [
      `${result.level} — ${d.name}: ${d.description}`,
      `Why: ${result.rationale.join('; ').replace(/\.$/, '')}.`,
      ...result.assumptions.map((a) => `Assumed: ${a}`),
      `Acknowledge within ${r.acknowledge}; status updates every ${r.updateEvery}; resolve within ${r.resolveWithin}.`,
      `Page: ${r.page.length > 0 ? r.page.join(', ') : 'nobody (ticket to the owning team)'}.`,
      `Postmortem: ${r.postmortem.required ? 'required' : 'optional'}${r.postmortem.within ? `, within ${r.postmortem.within}` : ''}.`,
    ];
    return {
      text: lines.join('\n'),
      structured: {
        version: 1 as const,
        severity: result.level,
        name: d.name,
        description: d.description,
        rationale: result.rationale,
        assumptions: result.assumptions,
        impact,
        response: r,
        ...(settings.source !== undefined ? { config: rootRelative(ctx.root, settings.source) } : {}),
      },
    };
  },
});
