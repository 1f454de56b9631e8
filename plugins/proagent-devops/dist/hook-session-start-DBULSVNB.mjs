import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  dataDir,
  keyFileName,
  loadProject,
  loadReviewConfig,
  projectDir,
  readState,
  require_node_crypto,
  review,
  walkProject,
  writeState
} from "./hook-chunk-KM7IDG6B.mjs";
import "./hook-chunk-5KLILL25.mjs";
import {
  require_node_path
} from "./hook-chunk-CFNLOGWS.mjs";
import {
  __toESM,
  require_node_fs
} from "./hook-chunk-3A3DTUTA.mjs";

// src/adapters/hook/session-start.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);

// package.json
var package_default = {
  name: "proagent-devops",
  version: "0.1.0",
  description: "DevOps practice engine for AI coding agents: review, scaffold, guard",
  type: "module",
  license: "MIT",
  engines: {
    node: ">=20"
  },
  bin: {
    "proagent-devops": "bin/proagent-devops.mjs"
  },
  scripts: {
    start: "tsx src/adapters/cli/main.ts review examples",
    build: "node scripts/build.mjs",
    generate: "tsx scripts/generate.ts",
    "generate:check": "tsx scripts/generate.ts --check",
    typecheck: "tsc -p .",
    lint: "biome check .",
    format: "biome check --write .",
    "test:unit": "vitest run",
    pretest: "bash scripts/install-test-tools.sh",
    test: "npm run typecheck && npm run lint && npm run generate:check && vitest run",
    bench: "tsx scripts/bench.ts && tsx scripts/bench-hook.ts"
  },
  dependencies: {
    "@modelcontextprotocol/sdk": "1.32.2",
    "@prometheus-io/lezer-promql": "0.315.0",
    "@tree-sitter-grammars/tree-sitter-hcl": "1.2.0",
    "dockerfile-ast": "0.7.1",
    ignore: "7.0.16",
    "jsonc-parser": "3.3.1",
    "mvdan-sh": "0.10.1",
    picomatch: "4.0.7",
    "prom-client": "15.1.3",
    "web-tree-sitter": "0.27.2",
    yaml: "2.9.1",
    zod: "4.6.7"
  },
  devDependencies: {
    "@anthropic-ai/claude-code": "2.1.332",
    "@biomejs/biome": "2.6.8",
    "@microsoft/sarif-multitool": "5.7.0",
    "@types/node": "20.19.43",
    "@types/picomatch": "4.0.3",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    esbuild: "0.28.2",
    "fast-check": "4.11.0",
    "playwright-core": "1.65.1",
    tsx: "4.23.15",
    typescript: "5.9.3",
    vitest: "4.1.12"
  },
  exports: {
    "./metrics": {
      types: "./dist/metrics/index.d.ts",
      import: "./dist/metrics.mjs"
    },
    "./package.json": "./package.json"
  }
};

// src/version.ts
var VERSION = package_default.version;

// src/adapters/hook/session-start.ts
var SESSION_MAX_FILES = 2e3;
var SESSION_STATE_TTL_MS = 14 * 24 * 3600 * 1e3;
var STACKS = {
  dockerfile: "Dockerfile",
  compose: "Docker Compose",
  k8s: "Kubernetes",
  "helm-chart": "Helm",
  kustomization: "Kustomize",
  terraform: "Terraform",
  "terraform-json": "Terraform",
  "github-workflow": "GitHub Actions",
  "github-action": "GitHub Actions",
  "gitlab-ci": "GitLab CI",
  jenkinsfile: "Jenkins",
  "prometheus-rules": "Prometheus",
  "prometheus-config": "Prometheus",
  "alertmanager-config": "Alertmanager",
  "grafana-dashboard": "Grafana"
};
function stacksText(kinds) {
  const counts = /* @__PURE__ */ new Map();
  for (const kind of kinds) {
    const stack = STACKS[kind];
    if (stack) counts.set(stack, (counts.get(stack) ?? 0) + 1);
  }
  return [...counts].map(([stack, n]) => `${stack} \xD7${n}`).join(", ");
}
function postureSummary(name, kinds, findings) {
  const stacks = stacksText(kinds);
  if (stacks === "") return "";
  const open = findings.filter((f) => !f.suppressed);
  const errors = open.filter((f) => f.severity === "error");
  const tally = (keyOf) => {
    const m = /* @__PURE__ */ new Map();
    for (const f of errors) m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const warnings = open.filter((f) => f.severity === "warning").length;
  const lines = [`proagent-devops posture of ${name}: ${stacks}.`];
  if (errors.length === 0) {
    lines.push(`No error findings (${warnings} warnings).`);
  } else {
    const byDomain = tally((f) => f.domain).map(([d, n]) => `${d} ${n}`);
    const top = tally((f) => f.ruleId).slice(0, 5).map(([id, n]) => `${id} \xD7${n}`);
    lines.push(`Errors by domain: ${byDomain.join(", ")} (${errors.length} errors, ${warnings} warnings).`);
    lines.push(`Most frequent errors: ${top.join(", ")}.`);
  }
  lines.push(
    "Review artifacts before changing them (/proagent-devops:proagent-devops-review [path]); shell commands are checked by the command guard, and edited artifacts are reviewed as they are written."
  );
  return lines.join("\n");
}
function removeStaleSessions(env) {
  const dir = (0, import_node_path.join)(dataDir(env), "sessions");
  let names;
  try {
    names = (0, import_node_fs.readdirSync)(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - SESSION_STATE_TTL_MS;
  for (const name of names) {
    try {
      if ((0, import_node_fs.statSync)((0, import_node_path.join)(dir, name)).mtimeMs < cutoff) (0, import_node_fs.rmSync)((0, import_node_path.join)(dir, name), { recursive: true, force: true });
    } catch {
    }
  }
}
function sessionStart(input, env) {
  removeStaleSessions(env);
  const root = projectDir(input, env);
  const walk = walkProject(root, SESSION_MAX_FILES, true);
  if (walk.capped) {
    return {
      hookSpecificOutput: {
        hookEventName: "SessionStart",
        additionalContext: `proagent-devops: ${(0, import_node_path.basename)(root)} has more than ${SESSION_MAX_FILES} files, so no posture summary was computed at session start. Use /proagent-devops:proagent-devops-hub or review a subdirectory (/proagent-devops:proagent-devops-review <path>).`
      }
    };
  }
  const key = (0, import_node_crypto.createHash)("sha256").update(`${VERSION}
${root}
${walk.stamps.join("\n")}`).digest("hex");
  const cachePath = (0, import_node_path.join)(dataDir(env), "posture", `${keyFileName(root)}.json`);
  const cached = readState(cachePath);
  let summary;
  let warning;
  if (cached?.key === key && typeof cached.summary === "string") {
    summary = cached.summary;
  } else {
    const reviewConfig = loadReviewConfig(root);
    warning = reviewConfig.warning;
    const { config } = reviewConfig;
    const kinds = loadProject({ paths: [root], root, config }).files.map((f) => f.kind);
    const result = review({ paths: [root], root, config });
    summary = postureSummary((0, import_node_path.basename)(root), kinds, result.findings);
    writeState(cachePath, { key, summary });
  }
  return {
    ...warning ? { systemMessage: `proagent-devops: ${warning}` } : {},
    ...summary === "" ? {} : { hookSpecificOutput: { hookEventName: "SessionStart", additionalContext: summary } }
  };
}
export {
  SESSION_MAX_FILES,
  postureSummary,
  sessionStart,
  stacksText
};
