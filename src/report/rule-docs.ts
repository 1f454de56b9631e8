import { type Rule, ruleFamily } from '../core/rule.js';

/** Markdown docs page of one rule, generated from its metadata (docs/rules/<ID>.md). */
export function ruleDocPage(rule: Rule): string {
  const lines = [
    `# ${rule.id}: ${rule.title}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Severity | \`${rule.severity}\`${rule.enabledByDefault === false ? ' (off by default; enable in config)' : ''} |`,
    `| Domain | \`${rule.domain}\` |`,
    `| Family | \`${ruleFamily(rule.id)}\` |`,
    `| Applies to | ${rule.kinds.length > 0 ? rule.kinds.map((k) => `\`${k}\``).join(', ') : 'the whole review'} |`,
    ...(rule.peers && rule.peers.length > 0 ? [`| Peers | ${rule.peers.map((p) => `\`${p}\``).join(', ')} |`] : []),
    '',
    '## Why',
    '',
    rule.rationale,
    '',
    '## Fix',
    '',
    rule.fix,
    '',
  ];
  if (rule.rollback) lines.push('## Rollback', '', rule.rollback, '');
  if (rule.notes) lines.push('## Notes', '', rule.notes, '');
  lines.push(
    '## Suppress',
    '',
    'With a reason, on the line before the finding:',
    '',
    '```',
    `# proagent-devops-ignore ${rule.id} -- <why this is acceptable here>`,
    '```',
    '',
    `or for a whole file \`# proagent-devops-ignore-file ${rule.id} -- <reason>\`, or on a Kubernetes object the`,
    `annotation \`proagent-devops.io/ignore-${rule.id}: <reason>\`. In \`.proagent-devops.yaml\`:`,
    `\`rules: { ${rule.id}: off }\`.`,
    '',
  );
  return lines.join('\n');
}

/** docs/rules/README.md: every rule in one table. */
export function ruleIndexPage(rules: readonly Rule[]): string {
  const lines = [
    '# Review rules',
    '',
    'Generated from rule metadata by `npm run generate`; the catalog contract is RULES.md.',
    '',
    '| ID | Severity | Domain | Title |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](${r.id}.md) | ${r.severity} | ${r.domain} | ${r.title} |`),
    '',
  ];
  return lines.join('\n');
}
