import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  capText,
  toolString
} from "./hook-chunk-NBPPIAAW.mjs";
import {
  Project,
  classify,
  loadHookSettings,
  projectDir,
  rule,
  secretsAllowedIn
} from "./hook-chunk-MG6XA7QY.mjs";
import {
  CONFIG_FILE_NAMES,
  SourceFile,
  defaultConfig,
  require_dist,
  ruleSettings
} from "./hook-chunk-QAS7IXMC.mjs";
import {
  __toESM
} from "./hook-chunk-3UVAJDBM.mjs";

// src/adapters/hook/pre-write.ts
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

// src/adapters/hook/config-guard.ts
var import_yaml = __toESM(require_dist(), 1);
import { basename } from "node:path";
import { isDeepStrictEqual } from "node:util";
var POLICY_SECTIONS = ["guard", "hooks"];
function isConfigFile(path) {
  return CONFIG_FILE_NAMES.includes(basename(path));
}
function parse(text) {
  try {
    return { ok: true, data: (0, import_yaml.parse)(text, { maxAliasCount: 50 }) ?? {} };
  } catch {
    return { ok: false };
  }
}
var section = (data, key) => typeof data === "object" && data !== null && !Array.isArray(data) ? data[key] : void 0;
function policySectionChanges(before, after) {
  const next = parse(after);
  if (!next.ok) return "the result is not valid YAML, which would drop the guard and hooks settings";
  const prev = before === void 0 ? { ok: true, data: {} } : parse(before);
  const changed = POLICY_SECTIONS.filter(
    (key) => prev.ok ? !isDeepStrictEqual(section(prev.data, key), section(next.data, key)) : section(next.data, key) !== void 0
  );
  if (changed.length === 0) return void 0;
  return `the ${changed.map((k) => `\`${k}\``).join(" and ")} section${changed.length > 1 ? "s change" : " changes"}`;
}

// src/adapters/hook/pre-write.ts
function readIfExists(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}
function applyEdit(before, oldString, newString, replaceAll) {
  if (oldString === "") return void 0;
  let at = before.indexOf(oldString);
  if (at < 0) return void 0;
  let after = "";
  let from = 0;
  const written = [];
  while (at >= 0) {
    after += before.slice(from, at);
    written.push([after.length, after.length + newString.length]);
    after += newString;
    from = at + oldString.length;
    at = replaceAll ? before.indexOf(oldString, from) : -1;
  }
  return { after: after + before.slice(from), written };
}
function proposedWrite(input, env) {
  const filePath = toolString(input, "file_path");
  if (filePath === void 0) return void 0;
  const absPath = resolve(input.cwd, filePath);
  const rel = relative(projectDir(input, env), absPath);
  const path = rel.startsWith("..") || isAbsolute(rel) ? absPath.split(sep).join("/") : rel.split(sep).join("/");
  const before = readIfExists(absPath);
  if (input.toolName === "Write") {
    const content = toolString(input, "content");
    if (content === void 0) return void 0;
    return { absPath, path, before, after: content, written: [[0, content.length]] };
  }
  const newString = toolString(input, "new_string");
  if (newString === void 0) return void 0;
  const edited = before === void 0 ? void 0 : applyEdit(before, toolString(input, "old_string") ?? "", newString, input.toolInput?.replace_all === true);
  return edited ? { absPath, path, before, ...edited } : { absPath, path, before, after: newString, written: [[0, newString.length]] };
}
function introducedSecrets(write) {
  const file = new SourceFile(write.path, classify(write.path, write.after), write.after);
  const out = [];
  rule.check(file, {
    project: new Project([file]),
    settings: ruleSettings(defaultConfig()),
    report: ({ range, message }) => {
      const start = file.offsetAt(range);
      const end = file.offsetAt({ line: range.endLine, column: range.endColumn });
      const inWritten = write.written.some(([s, e]) => start < e && end > s);
      if (!inWritten || write.before?.includes(write.after.slice(start, end))) return;
      out.push({ line: range.line, column: range.column, message });
    }
  });
  return out;
}
function secretHome(kind) {
  switch (kind) {
    case "k8s":
    case "helm-template":
    case "kustomization":
      return "a Secret synced from your secret manager by an ExternalSecret (or a SealedSecret / SOPS-encrypted file), read with `valueFrom.secretKeyRef`";
    case "helm-values":
      return "an existing Secret (`existingSecret`) created by an ExternalSecret, never a literal in values";
    case "compose":
      return "an environment variable passed through (`${VAR:?set VAR}`) or a Compose `secrets:` file kept outside the repository";
    case "dockerfile":
      return "a BuildKit secret mount (`RUN --mount=type=secret,id=\u2026`) at build time, or an environment variable at run time";
    case "github-workflow":
    case "github-action":
      return "a GitHub Actions secret (`${{ secrets.NAME }}`), or OIDC (`role-to-assume`) instead of long-lived cloud keys";
    case "gitlab-ci":
      return "a masked, protected GitLab CI/CD variable";
    case "jenkinsfile":
      return "Jenkins credentials (`withCredentials` / `credentials()`)";
    case "terraform":
    case "terraform-json":
    case "tfvars":
      return "a `sensitive` variable set from the environment (`TF_VAR_name`) or a secret-manager data source (`aws_secretsmanager_secret_version`, `google_secret_manager_secret_version`, `vault_kv_secret_v2`)";
    case "dotenv":
      return "your secret manager, injected into the environment at run time (committed env files hold only names and placeholders)";
    default:
      return "an environment variable read at run time, filled from a secret manager (Vault, AWS Secrets Manager, GCP Secret Manager)";
  }
}
function preWrite(input, env) {
  const write = proposedWrite(input, env);
  if (write === void 0) return {};
  const secrets = introducedSecrets(write);
  const settings = secrets.length > 0 || isConfigFile(write.absPath) ? loadHookSettings(projectDir(input, env)) : void 0;
  const warnings = settings?.warnings.length ? { systemMessage: `proagent-devops: ${settings.warnings.join("; ")}` } : {};
  if (secrets.length > 0 && settings && !secretsAllowedIn(settings, write.absPath)) {
    const kind = classify(write.path, write.after);
    const lines = [
      `proagent-devops SEC001: this ${input.toolName} would hard-code ${secrets.length === 1 ? "a credential" : `${secrets.length} credentials`} in ${write.path}:`,
      ...secrets.map((s) => `- line ${s.line}, column ${s.column}: ${s.message}`),
      `Keep it in ${secretHome(kind)}, and write only a reference to it here.`,
      "If the value is real, treat it as leaked and rotate it. Paths meant to hold local credentials (a gitignored .env) can be listed in `hooks.allowSecretsIn` of .proagent-devops.yaml."
    ];
    return {
      ...warnings,
      hookSpecificOutput: {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: capText(lines.join("\n"))
      }
    };
  }
  if (isConfigFile(write.absPath)) {
    const change = policySectionChanges(write.before, write.after);
    if (change !== void 0) {
      return {
        ...warnings,
        hookSpecificOutput: {
          hookEventName: "PreToolUse",
          permissionDecision: "ask",
          permissionDecisionReason: `proagent-devops: this ${input.toolName} of ${write.path} touches the policy the hooks enforce: ${change}. Confirm only if you asked for this change.`
        }
      };
    }
  }
  return warnings;
}
export {
  applyEdit,
  introducedSecrets,
  preWrite,
  proposedWrite,
  secretHome
};
