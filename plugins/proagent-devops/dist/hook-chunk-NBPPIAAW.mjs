import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);

// src/adapters/hook/protocol.ts
var HOOK_EVENTS = {
  "pre-tool-use": "PreToolUse",
  "post-tool-use": "PostToolUse",
  "session-start": "SessionStart",
  stop: "Stop"
};
var MAX_TEXT = 9500;
function capText(text, max = MAX_TEXT) {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf("\n", max - 40);
  return `${text.slice(0, cut > 0 ? cut : max - 40)}
\u2026 (${text.length - max} more characters cut)`;
}
var HookInputError = class extends Error {
};
function eventFromArgument(arg) {
  if (arg === void 0) return void 0;
  if (Object.hasOwn(HOOK_EVENTS, arg)) return HOOK_EVENTS[arg];
  return Object.values(HOOK_EVENTS).find((e) => e === arg);
}
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseHookInput(text, eventArg) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    const detail = text.trim() === "" ? "stdin is empty" : `stdin is not valid JSON (${text.length} characters)`;
    throw new HookInputError(detail);
  }
  if (!isRecord(raw)) throw new HookInputError("stdin is not a JSON object");
  const named = raw.hook_event_name;
  const fromStdin = typeof named === "string" ? eventFromArgument(named) : void 0;
  if (typeof named === "string" && fromStdin === void 0) {
    throw new HookInputError(`unsupported hook_event_name "${named.slice(0, 40)}"`);
  }
  const hookEventName = fromStdin ?? eventArg;
  if (hookEventName === void 0) throw new HookInputError("no hook event (argument or hook_event_name)");
  if (eventArg !== void 0 && fromStdin !== void 0 && eventArg !== fromStdin) {
    throw new HookInputError(`registered for ${eventArg} but called for ${fromStdin}`);
  }
  if (typeof raw.cwd !== "string" || raw.cwd === "") throw new HookInputError('stdin has no "cwd"');
  const input = {
    hookEventName,
    sessionId: typeof raw.session_id === "string" ? raw.session_id : "",
    cwd: raw.cwd
  };
  if (typeof raw.tool_name === "string") input.toolName = raw.tool_name;
  if (isRecord(raw.tool_input)) input.toolInput = raw.tool_input;
  if (typeof raw.stop_hook_active === "boolean") input.stopHookActive = raw.stop_hook_active;
  if (typeof raw.source === "string") input.source = raw.source;
  return input;
}
function toolString(input, key) {
  const v = input.toolInput?.[key];
  return typeof v === "string" ? v : void 0;
}

export {
  capText,
  HookInputError,
  eventFromArgument,
  parseHookInput,
  toolString
};
