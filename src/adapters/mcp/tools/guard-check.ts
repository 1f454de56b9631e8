import * as z from 'zod';
import { type GuardVerdict, guardCommand, loadGuardPolicy } from '../../../guard/index.js';
import { defineTool } from '../tool.js';
import { directoryInsideRoot } from './paths.js';

/** The guard reads at most this much (longer lines are an `ask`); the schema refuses more outright. */
const MAX_COMMAND = 256 * 1024;

const input = z.strictObject({
  command: z
    .string()
    .min(1)
    .max(MAX_COMMAND)
    .describe('The whole shell command line, as it would be run (pipes, &&, sh -c … are followed)'),
  cwd: z
    .string()
    .min(1)
    .max(4096)
    .default('.')
    .describe('Directory the command would run in, relative to the workspace root (default: the root)'),
});

/** `proagent-devops guard --format json -- CMD` (ARCHITECTURE.md, src/guard/types.ts). */
const output = z.object({
  decision: z.enum(['allow', 'ask', 'deny']),
  ruleId: z.string().describe('GRD rule ID of the deciding command (docs/guard.md)'),
  reason: z.string(),
  commands: z.array(z.string()).describe('Every simple command judged, wrappers removed, secrets redacted'),
  validateFirst: z.string().optional().describe('What to run before the command (a plan, a diff, a backup)'),
  rollback: z.string().optional().describe('How to undo the command if it goes wrong'),
});

function summary(v: GuardVerdict): string {
  const lines = [`${v.decision} ${v.ruleId}: ${v.reason}`];
  if (v.validateFirst) lines.push(`validate first: ${v.validateFirst}`);
  if (v.rollback) lines.push(`rollback: ${v.rollback}`);
  if (v.commands.length > 0) lines.push(`commands judged: ${v.commands.join(' | ')}`);
  return lines.join('\n');
}

export const guardCheckTool = defineTool({
  name: 'guard_check',
  title: 'Check a shell command before running it',
  description:
    'Judges a shell command line before it runs, with the project policy (guard: in .proagent-devops.yaml): ' +
    'allow, ask (a human confirms) or deny, with the GRD rule ID, the reason, what to validate first and how ' +
    'to roll back. Never runs the command. A deny is a finding: propose the safe form, never rephrase to get ' +
    'around it.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output,
  run({ command, cwd }, ctx) {
    const dir = directoryInsideRoot(ctx.root, cwd);
    const verdict = guardCommand(command, { cwd: dir, env: process.env, policy: loadGuardPolicy(dir) });
    return { text: summary(verdict), structured: verdict };
  },
});
