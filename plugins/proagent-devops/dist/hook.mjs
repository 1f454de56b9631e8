#!/usr/bin/env node
import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  HookInputError,
  eventFromArgument,
  parseHookInput
} from "./hook-chunk-NBPPIAAW.mjs";
import {
  redactSecrets
} from "./hook-chunk-5KLILL25.mjs";
import {
  __toESM,
  require_node_fs
} from "./hook-chunk-3A3DTUTA.mjs";

// src/adapters/hook/main.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);

// src/adapters/hook/process.ts
var import_node_fs = __toESM(require_node_fs(), 1);

// src/adapters/hook/run.ts
var WRITE_TOOLS = /* @__PURE__ */ new Set(["Write", "Edit"]);
var CONSEQUENCE = {
  PreToolUse: "the tool call was not checked",
  PostToolUse: "the file was not reviewed",
  SessionStart: "no posture summary",
  Stop: "changed files were not re-checked"
};
function failOpen(event, detail) {
  const consequence = event ? `; ${CONSEQUENCE[event]}` : "";
  return { systemMessage: redactSecrets(`proagent-devops hook${event ? ` (${event})` : ""}: ${detail}${consequence}`) };
}
async function dispatch(input, env) {
  const tool = input.toolName ?? "";
  switch (input.hookEventName) {
    case "PreToolUse":
      if (tool === "Bash") return (await import("./hook-pre-bash-FAOMFMCI.mjs")).preBash(input, env);
      if (WRITE_TOOLS.has(tool)) return (await import("./hook-pre-write-VCJ6AKFC.mjs")).preWrite(input, env);
      return {};
    case "PostToolUse":
      if (WRITE_TOOLS.has(tool)) return (await import("./hook-post-tool-use-6XZF3SVX.mjs")).postToolUse(input, env);
      return {};
    case "SessionStart":
      return (await import("./hook-session-start-DBULSVNB.mjs")).sessionStart(input, env);
    case "Stop":
      return (await import("./hook-stop-7LA4BFWS.mjs")).stop(input, env);
  }
}
async function runHook(eventArg, stdin, env) {
  const event = eventFromArgument(eventArg);
  if (eventArg !== void 0 && event === void 0) {
    return failOpen(
      void 0,
      `unknown hook event "${eventArg.slice(0, 40)}" (expected pre-tool-use, post-tool-use, session-start or stop)`
    );
  }
  let input;
  try {
    input = parseHookInput(stdin, event);
  } catch (error) {
    if (error instanceof HookInputError) return failOpen(event, error.message);
    return failOpen(event, `cannot read the hook input: ${String(error)}`);
  }
  try {
    return await dispatch(input, env);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return failOpen(input.hookEventName, `internal error: ${message}`);
  }
}
function serializeOutput(output) {
  return Object.keys(output).length === 0 ? "" : `${JSON.stringify(output)}
`;
}

// src/adapters/hook/process.ts
var HOOK_USAGE = "usage: hook.mjs pre-tool-use|post-tool-use|session-start|stop  (Claude Code hook: JSON on stdin)\n";
async function readStdin() {
  if (await stdinIsTerminal()) return void 0;
  try {
    return (0, import_node_fs.readFileSync)(0, "utf8");
  } catch (error) {
    if (error.code !== "EAGAIN") throw error;
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
  }
}
async function stdinIsTerminal() {
  try {
    if (!(0, import_node_fs.fstatSync)(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const { isatty } = await import("node:tty");
  return isatty(0);
}
async function runHookProcess(event, stdin, io) {
  if (stdin === void 0) {
    io.stderr(HOOK_USAGE);
    return 2;
  }
  const output = await runHook(event, stdin, io.env);
  if (output.systemMessage) io.stderr(`${output.systemMessage}
`);
  io.stdout(serializeOutput(output));
  return 0;
}

// src/adapters/hook/main.ts
function writeFd(fd, text) {
  if (text === "") return;
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += (0, import_node_fs2.writeSync)(fd, bytes, written);
  } catch (error) {
    if (error.code !== "EAGAIN") throw error;
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(written));
  }
}
process.exitCode = await runHookProcess(process.argv[2], await readStdin(), {
  env: process.env,
  stdout: (s) => writeFd(1, s),
  stderr: (s) => writeFd(2, s)
});
