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
  loadReviewConfig,
  reviewChangedFiles
} from "./hook-chunk-DP5QQ4RN.mjs";
import "./hook-chunk-MYZZZVNF.mjs";
import {
  classify,
  projectDir,
  recordChangedFile
} from "./hook-chunk-MG6XA7QY.mjs";
import "./hook-chunk-QAS7IXMC.mjs";
import "./hook-chunk-3UVAJDBM.mjs";

// src/adapters/hook/post-tool-use.ts
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
var NOT_ARTIFACTS = /* @__PURE__ */ new Set(["source", "text", "yaml", "json"]);
function artifactKind(absPath, root) {
  let text;
  try {
    text = readFileSync(absPath, "utf8");
  } catch {
    return void 0;
  }
  const rel = relative(root, absPath);
  const path = rel.startsWith("..") || isAbsolute(rel) ? absPath : rel;
  const kind = classify(path.split(sep).join("/"), text);
  return NOT_ARTIFACTS.has(kind) ? void 0 : kind;
}
function postToolUse(input, env) {
  const filePath = toolString(input, "file_path");
  if (filePath === void 0) return {};
  const absPath = resolve(input.cwd, filePath);
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
