import { defineRule } from '../../core/rule.js';

export const rule = defineRule({
  id: 'PDO001',
  title: 'Suppression is invalid or unused',
  severity: 'warning',
  domain: 'cicd',
  kinds: [],
  scope: 'project',
  rationale:
    'A suppression is a reviewed exception. Without a reason nobody can re-evaluate it; one that names an ' +
    'unknown rule or suppresses nothing hides nothing today but will silently hide a future finding.',
  fix:
    'Write `# proagent-devops-ignore <ID> -- <reason>` on the line before the finding (or ' +
    '`proagent-devops-ignore-file`, or the annotation `proagent-devops.io/ignore-<ID>: <reason>`), ' +
    'naming a rule that fires there; delete suppressions that no longer match anything.',
  notes:
    'Reported by the engine while it applies suppressions (core/engine.ts), because only the engine knows ' +
    'which suppressions matched a finding. This rule holds the metadata and the configured level.',
  check() {
    // Findings come from the engine's suppression pass; see `notes`.
  },
});
