import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  countText,
  findingLines
} from "./hook-chunk-5G376HBS.mjs";
import {
  capText
} from "./hook-chunk-NBPPIAAW.mjs";
import {
  blockedOn,
  changedFiles,
  loadHookSettings,
  loadReviewConfig,
  projectDir,
  recordBlockedOn,
  reviewChangedFiles
} from "./hook-chunk-KM7IDG6B.mjs";
import "./hook-chunk-5KLILL25.mjs";
import "./hook-chunk-CFNLOGWS.mjs";
import {
  __toESM,
  require_node_fs
} from "./hook-chunk-3A3DTUTA.mjs";

// src/adapters/hook/stop.ts
var import_node_fs = __toESM(require_node_fs(), 1);
function stop(input, env) {
  if (input.stopHookActive === true) return {};
  const root = projectDir(input, env);
  const settings = loadHookSettings(root);
  const note = settings.warnings.length > 0 ? { systemMessage: `proagent-devops: ${settings.warnings.join("; ")}` } : {};
  if (!settings.stopOnErrors) return note;
  const changed = changedFiles(env, input.sessionId).filter((f) => (0, import_node_fs.existsSync)(f));
  if (changed.length === 0) return note;
  const { findings } = reviewChangedFiles(root, changed, loadReviewConfig(root));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return note;
  const fingerprints = [...new Set(errors.map((f) => f.fingerprint))].sort();
  const already = new Set(blockedOn(env, input.sessionId));
  if (fingerprints.every((fp) => already.has(fp))) {
    return {
      systemMessage: `proagent-devops: files changed in this session still have ${countText(errors)} (listed earlier).`
    };
  }
  recordBlockedOn(env, input.sessionId, [...already, ...fingerprints]);
  const files = new Set(errors.map((f) => f.file)).size;
  return {
    ...note,
    decision: "block",
    reason: capText(
      [
        `proagent-devops: ${files === 1 ? "a file" : `${files} files`} changed in this session ${files === 1 ? "has" : "have"} ${countText(errors)}. Fix them, or tell the user why they stay:`,
        ...findingLines(errors)
      ].join("\n")
    )
  };
}
export {
  stop
};
