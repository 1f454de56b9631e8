/**
 * The Claude Code hook protocol as this plugin uses it (PLUGIN.md): the JSON a hook reads on stdin, and the
 * JSON it prints on stdout (exit 0). Plain text on stdout is seen by nobody, so every answer is JSON.
 */

/** The events `hooks/hooks.json` registers, by the argument it passes (`hook.mjs pre-tool-use`). */
export const HOOK_EVENTS = {
  'pre-tool-use': 'PreToolUse',
  'post-tool-use': 'PostToolUse',
  'session-start': 'SessionStart',
  stop: 'Stop',
} as const;
export type HookEventName = (typeof HOOK_EVENTS)[keyof typeof HOOK_EVENTS];

/** The fields of the stdin payload this plugin reads; everything else is ignored. */
export interface HookInput {
  hookEventName: HookEventName;
  sessionId: string;
  /** The session's current directory (where a Bash command runs). */
  cwd: string;
  toolName?: string;
  toolInput?: Record<string, unknown>;
  /** Stop: true when Claude is already continuing because of a Stop hook. */
  stopHookActive?: boolean;
  /** SessionStart: startup | resume | clear | compact. */
  source?: string;
}

export type PermissionDecision = 'allow' | 'deny' | 'ask';

export interface HookOutput {
  /** Shown to the user (not to Claude). */
  systemMessage?: string;
  /** PostToolUse / Stop: make Claude address `reason` (the tool already ran / before it stops). */
  decision?: 'block';
  reason?: string;
  hookSpecificOutput?: {
    hookEventName: HookEventName;
    permissionDecision?: PermissionDecision;
    permissionDecisionReason?: string;
    /** Text for Claude's context. */
    additionalContext?: string;
  };
}

/** Claude Code caps hook strings at 10,000 characters; stay under it with room for the cut marker. */
export const MAX_TEXT = 9_500;

export function capText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max - 40);
  return `${text.slice(0, cut > 0 ? cut : max - 40)}\n… (${text.length - max} more characters cut)`;
}

/** Input that is not what Claude Code sends: the hook fails open and says why. */
export class HookInputError extends Error {}

/** Resolves `pre-tool-use` or `PreToolUse` to the event name; undefined for anything else. */
export function eventFromArgument(arg: string | undefined): HookEventName | undefined {
  if (arg === undefined) return undefined;
  if (Object.hasOwn(HOOK_EVENTS, arg)) return HOOK_EVENTS[arg as keyof typeof HOOK_EVENTS];
  return Object.values(HOOK_EVENTS).find((e) => e === arg);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks the stdin payload; the event argument wins when stdin names none. */
export function parseHookInput(text: string, eventArg: HookEventName | undefined): HookInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // The parser's message differs between Node versions; the size is enough to recognise the input.
    const detail = text.trim() === '' ? 'stdin is empty' : `stdin is not valid JSON (${text.length} characters)`;
    throw new HookInputError(detail);
  }
  if (!isRecord(raw)) throw new HookInputError('stdin is not a JSON object');
  const named = raw.hook_event_name;
  const fromStdin = typeof named === 'string' ? eventFromArgument(named) : undefined;
  if (typeof named === 'string' && fromStdin === undefined) {
    throw new HookInputError(`unsupported hook_event_name "${named.slice(0, 40)}"`);
  }
  const hookEventName = fromStdin ?? eventArg;
  if (hookEventName === undefined) throw new HookInputError('no hook event (argument or hook_event_name)');
  if (eventArg !== undefined && fromStdin !== undefined && eventArg !== fromStdin) {
    throw new HookInputError(`registered for ${eventArg} but called for ${fromStdin}`);
  }
  if (typeof raw.cwd !== 'string' || raw.cwd === '') throw new HookInputError('stdin has no "cwd"');
  const input: HookInput = {
    hookEventName,
    sessionId: typeof raw.session_id === 'string' ? raw.session_id : '',
    cwd: raw.cwd,
  };
  if (typeof raw.tool_name === 'string') input.toolName = raw.tool_name;
  if (isRecord(raw.tool_input)) input.toolInput = raw.tool_input;
  if (typeof raw.stop_hook_active === 'boolean') input.stopHookActive = raw.stop_hook_active;
  if (typeof raw.source === 'string') input.source = raw.source;
  return input;
}

/** A string field of `tool_input`, or undefined. */
export function toolString(input: HookInput, key: string): string | undefined {
  const v = input.toolInput?.[key];
  return typeof v === 'string' ? v : undefined;
}
