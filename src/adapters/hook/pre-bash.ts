/**
 * PreToolUse `Bash`: the command guard (src/guard) judges the command before it runs.
 *
 * `deny` and `ask` become `permissionDecision`s with the rule, the reason, what to validate first and how to
 * roll back. An `allow` verdict is *not* sent as `permissionDecision: "allow"`: that value skips the user's
 * own permission rules and prompts, and the guard only knows that a command is not dangerous, not that the
 * user wants it run. So an allow is silent, or carries the guard's advice as `additionalContext`.
 */
import { type GuardVerdict, guardCommand, loadGuardPolicy } from '../../guard/index.js';
import type { HookInput, HookOutput } from './protocol.js';
import { capText, toolString } from './protocol.js';
import type { HookEnv } from './state.js';

/** The text Claude (deny) or the user (ask) reads: rule, reason, validation, rollback. */
export function verdictText(verdict: GuardVerdict): string {
  const lines = [`proagent-devops guard ${verdict.ruleId}: ${verdict.reason}`];
  if (verdict.validateFirst) lines.push(`Validate first: ${verdict.validateFirst}`);
  if (verdict.rollback) lines.push(`Rollback: ${verdict.rollback}`);
  return capText(lines.join('\n'));
}

export function preBash(input: HookInput, env: HookEnv): HookOutput {
  const command = toolString(input, 'command');
  if (command === undefined) return {};
  const verdict = guardCommand(command, { cwd: input.cwd, env, policy: loadGuardPolicy(input.cwd) });
  if (verdict.decision === 'allow') {
    // Advice only when the guard has some: a plain allow adds nothing to Claude's context.
    if (!verdict.validateFirst && !verdict.rollback) return {};
    return { hookSpecificOutput: { hookEventName: 'PreToolUse', additionalContext: verdictText(verdict) } };
  }
  return {
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: verdict.decision,
      permissionDecisionReason: verdictText(verdict),
    },
  };
}
