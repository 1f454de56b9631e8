import * as z from 'zod';
import { docsUrl, type Rule, ruleFamily } from '../../../core/rule.js';
import { FILE_KINDS } from '../../../core/types.js';
import { RULES } from '../../../rules/registry.js';
import { explainRule } from '../../cli/rules-command.js';
import { defineTool, ToolError } from '../tool.js';
import { DomainSchema, SeveritySchema } from './schemas.js';

const input = z.strictObject({
  id: z.string().min(1).max(32).describe('Rule ID, e.g. DKR002 (case-insensitive)'),
});

const output = z.object({
  id: z.string(),
  title: z.string(),
  severity: SeveritySchema,
  domain: DomainSchema,
  kinds: z.array(z.enum(FILE_KINDS)).describe('File kinds the rule reads (empty: the whole review)'),
  enabledByDefault: z.boolean(),
  rationale: z.string().describe('Why the convention exists (Markdown)'),
  fix: z.string(),
  rollback: z.string().optional(),
  peers: z.array(z.string()).describe('Peer tool IDs with the same intent (hadolint:DL3007 …)'),
  notes: z.string().optional(),
  docsUrl: z.string(),
});

function describeRule(rule: Rule): z.output<typeof output> {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    domain: rule.domain,
    kinds: [...rule.kinds],
    enabledByDefault: rule.enabledByDefault !== false,
    rationale: rule.rationale,
    fix: rule.fix,
    ...(rule.rollback !== undefined ? { rollback: rule.rollback } : {}),
    peers: [...(rule.peers ?? [])],
    ...(rule.notes !== undefined ? { notes: rule.notes } : {}),
    docsUrl: docsUrl(rule.id),
  };
}

/** For an unknown ID: the rules of the same family, or the list of families. */
function suggestion(id: string): string {
  const family = RULES.filter((r) => ruleFamily(r.id) === ruleFamily(id)).map((r) => r.id);
  if (family.length > 0) return `rules of family ${ruleFamily(id)}: ${family.join(', ')}`;
  return `families: ${[...new Set(RULES.map((r) => ruleFamily(r.id)))].sort().join(', ')}`;
}

export const explainRuleTool = defineTool({
  name: 'explain_rule',
  title: 'Explain a review rule',
  description:
    'Explains one review rule by ID (as reported in review findings): why the convention exists, how to fix ' +
    'a finding, how to roll back, peer tool IDs and the documentation link.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output,
  run({ id }) {
    const wanted = id.trim().toUpperCase();
    const rule = RULES.find((r) => r.id === wanted);
    if (!rule) throw new ToolError(`unknown rule ${JSON.stringify(id)}; ${suggestion(wanted)}`);
    return { text: explainRule(rule, 'text').trimEnd(), structured: describeRule(rule) };
  },
});
