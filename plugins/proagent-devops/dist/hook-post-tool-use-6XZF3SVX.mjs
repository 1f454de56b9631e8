import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  countText,
  findingLines
} from "./hook-chunk-5G376HBS.mjs";
import {
  capText,
  toolString
} from "./hook-chunk-NBPPIAAW.mjs";
import {
  classify,
  loadReviewConfig,
  projectDir,
  recordChangedFile,
  reviewChangedFiles
} from "./hook-chunk-KM7IDG6B.mjs";
import "./hook-chunk-5KLILL25.mjs";
import {
  require_node_path
} from "./hook-chunk-CFNLOGWS.mjs";
import {
  __toESM,
  require_node_fs
} from "./hook-chunk-3A3DTUTA.mjs";

// src/adapters/hook/post-tool-use.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var NOT_ARTIFACTS = /* @__PURE__ */ new Set(["source", "text", "yaml", "json"]);
function artifactKind(absPath, root) {
  let text;
  try {
    text = (0, import_node_fs.readFileSync)(absPath, "utf8");
  } catch {
    return void 0;
  }
  const rel = (0, import_node_path.relative)(root, absPath);
  const path = rel.startsWith("..") || (0, import_node_path.isAbsolute)(rel) ? absPath : rel;
  const kind = classify(path.split(import_node_path.sep).join("/"), text);
  return NOT_ARTIFACTS.has(kind) ? void 0 : kind;
}
function postToolUse(input, env) {
  const filePath = toolString(input, "file_path");
  if (filePath === void 0) return {};
  const absPath = (0, import_node_path.resolve)(input.cwd, filePath);
  const root = projectDir(input, env);
  if (artifactKind(absPath, root) === void 0) return {};
  recordChangedFile(env, input.sessionId, absPath);
  const reviewConfig = loadReviewConfig(root);
  const { findings } = reviewChangedFiles(root, [absPath], reviewConfig);
  const warning = reviewConfig.warning ? { systemMessage: `proagent-devops: ${reviewConfig.warning}` } : {};
  if (findings.length === 0) return warning;
  const rel = findings[0]?.file ?? filePath;
  const errors = findings.filter((f) => f.severity === "error");
  const others = findings.filter((f) => f.severity !== "error");
  if (errors.length === 0) {
    const context = capText(
      [`proagent-devops review of ${rel}: ${countText(findings)}.`, ...findingLines(findings)].join("\n")
    );
    return { ...warning, hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: context } };
  }
  const reason = capText(
    [
      `proagent-devops review: ${rel} now has ${countText(errors)} to fix before going on:`,
      ...findingLines(errors)
    ].join("\n")
  );
  const rest = others.length > 0 ? {
    hookSpecificOutput: {
      hookEventName: "PostToolUse",
      additionalContext: capText(
        [`proagent-devops review of ${rel}, also: ${countText(others)}.`, ...findingLines(others)].join("\n")
      )
    }
  } : {};
  return { ...warning, decision: "block", reason, ...rest };
}
export {
  artifactKind,
  postToolUse
};
