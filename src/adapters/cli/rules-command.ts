import { docsUrl, type Rule } from '../../core/rule.js';
import { RULES } from '../../rules/registry.js';
import { type CliIO, oneOf, parse, UsageError } from './io.js';

/** `rules`: one line per rule (text) or the metadata list (json). */
export function listRules(rules: readonly Rule[], format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rules.map(ruleJson), null, 2)}\n`;
  const rows = rules.map(
    (r) =>
      `${r.id.padEnd(7)} ${r.severity.padEnd(8)} ${r.domain.padEnd(14)} ${r.title}${r.enabledByDefault === false ? ' (off by default)' : ''}`,
  );
  return `${rows.join('\n')}\n${rules.length} rules. "proagent-devops rules ID" explains one.\n`;
}

/** `rules ID`: rationale, fix, rollback, peers and docs link. */
export function explainRule(rule: Rule, format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(ruleJson(rule), null, 2)}\n`;
  const lines = [
    `${rule.id}  ${rule.title}`,
    `severity: ${rule.severity}${rule.enabledByDefault === false ? ' (off by default)' : ''}   domain: ${rule.domain}   applies to: ${rule.kinds.join(', ') || 'whole review'}`,
    '',
    `Why: ${rule.rationale}`,
    '',
    `Fix: ${rule.fix}`,
  ];
  if (rule.rollback) lines.push('', `Rollback: ${rule.rollback}`);
  if (rule.peers && rule.peers.length > 0) lines.push('', `Peers: ${rule.peers.join(', ')}`);
  if (rule.notes) lines.push('', `Notes: ${rule.notes}`);
  lines.push('', `Docs: ${docsUrl(rule.id)}`);
  return `${lines.join('\n')}\n`;
}

function ruleJson(r: Rule) {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity,
    domain: r.domain,
    kinds: r.kinds,
    enabledByDefault: r.enabledByDefault !== false,
    rationale: r.rationale,
    fix: r.fix,
    ...(r.rollback ? { rollback: r.rollback } : {}),
    peers: r.peers ?? [],
    docsUrl: docsUrl(r.id),
  };
}

export function rulesCommand(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(argv, { format: { type: 'string' } });
  const format = oneOf(values.format ?? 'text', ['text', 'json'] as const, '--format');
  const id = positionals[0]?.toUpperCase();
  if (id === undefined) {
    io.stdout(listRules(RULES, format));
    return 0;
  }
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new UsageError(`unknown rule ${id} (run "proagent-devops rules" for the list)`);
  io.stdout(explainRule(rule, format));
  return 0;
}
