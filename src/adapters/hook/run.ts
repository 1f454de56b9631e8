/**
 * The hook dispatcher: stdin JSON in, protocol JSON out. Each event's module is imported only when that event
 * fires, so a PreToolUse on Bash loads the command guard and nothing of the review engine.
 *
 * Hooks fail open on their own errors (the tool proceeds through the user's normal permission flow) and say
 * so in a `systemMessage`; they never fail open on a policy match.
 */
import { redactSecrets } from '../../secrets/detect.js';
import {
  eventFromArgument,
  type HookEventName,
  type HookInput,
  HookInputError,
  type HookOutput,
  parseHookInput,
} from './protocol.js';
import type { HookEnv } from './state.js';

const WRITE_TOOLS = new Set(['Write', 'Edit']);

/** What an internal failure means for the user, per event. */
const CONSEQUENCE: Record<HookEventName, string> = {
  PreToolUse: 'the tool call was not checked',
  PostToolUse: 'the file was not reviewed',
  SessionStart: 'no posture summary',
  Stop: 'changed files were not re-checked',
};

function failOpen(event: HookEventName | undefined, detail: string): HookOutput {
  const consequence = event ? `; ${CONSEQUENCE[event]}` : '';
  // Error texts can quote input (a YAML error quotes the line): never let a credential through.
  return { systemMessage: redactSecrets(`proagent-devops hook${event ? ` (${event})` : ''}: ${detail}${consequence}`) };
}

async function dispatch(input: HookInput, env: HookEnv): Promise<HookOutput> {
  const tool = input.toolName ?? '';
  switch (input.hookEventName) {
    case 'PreToolUse':
      if (tool === 'Bash') return (await import('./pre-bash.js')).preBash(input, env);
      if (WRITE_TOOLS.has(tool)) return (await import('./pre-write.js')).preWrite(input, env);
      return {};
    case 'PostToolUse':
      if (WRITE_TOOLS.has(tool)) return (await import('./post-tool-use.js')).postToolUse(input, env);
      return {};
    case 'SessionStart':
      return (await import('./session-start.js')).sessionStart(input, env);
    case 'Stop':
      return (await import('./stop.js')).stop(input, env);
  }
}

/** Runs one hook invocation. Never throws: every failure becomes a fail-open answer. */
export async function runHook(eventArg: string | undefined, stdin: string, env: HookEnv): Promise<HookOutput> {
  const event = eventFromArgument(eventArg);
  if (eventArg !== undefined && event === undefined) {
    return failOpen(
      undefined,
      `unknown hook event "${eventArg.slice(0, 40)}" (expected pre-tool-use, post-tool-use, session-start or stop)`,
    );
  }
  let input: HookInput;
  try {
    input = parseHookInput(stdin, event);
  } catch (error) {
    if (error instanceof HookInputError) return failOpen(event, error.message);
    return failOpen(event, `cannot read the hook input: ${String(error)}`);
  }
  try {
    return await dispatch(input, env);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return failOpen(input.hookEventName, `internal error: ${message}`);
  }
}

/** The protocol text for an answer: nothing at all when there is nothing to say. */
export function serializeOutput(output: HookOutput): string {
  return Object.keys(output).length === 0 ? '' : `${JSON.stringify(output)}\n`;
}
