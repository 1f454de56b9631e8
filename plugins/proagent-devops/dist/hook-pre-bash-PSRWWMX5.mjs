import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  capText,
  toolString
} from "./hook-chunk-NBPPIAAW.mjs";
import {
  SHELLS,
  classifyCommand,
  findDownloadsIntoShell,
  parseShell,
  pipelineOf,
  runsStdin,
  shellCommandString,
  unwrapCommand
} from "./hook-chunk-MYZZZVNF.mjs";
import {
  DEFAULT_PROD_PATTERN,
  findConfigFile,
  require_dist
} from "./hook-chunk-QAS7IXMC.mjs";
import {
  __toESM,
  isSecretLikeName,
  redactSecrets,
  redactValue
} from "./hook-chunk-3UVAJDBM.mjs";

// src/guard/args.ts
var values = (words) => words.map((w) => w.value);
function positionals(args, valued = /* @__PURE__ */ new Set()) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === "--") {
      out.push(...args.slice(i + 1));
      break;
    }
    if (v?.startsWith("-") && v !== "-") {
      if (valued.has(v)) i++;
      continue;
    }
    out.push(v);
  }
  return out;
}
function optionValues(args, names) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === void 0 || v === "--") {
      if (v === "--") break;
      continue;
    }
    for (const name of names) {
      if (v === name) {
        const next = args[i + 1];
        if (next !== void 0) out.push(next);
      } else if (v.startsWith(`${name}=`)) out.push(v.slice(name.length + 1));
      else if (/^-[A-Za-z]$/.test(name) && v.startsWith(name) && v.length > 2 && !v.startsWith("--")) {
        out.push(v.slice(2));
      }
    }
  }
  return out;
}
function hasLong(args, ...names) {
  return args.some((a) => {
    if (a === void 0) return false;
    return names.some((n) => a === n || a.startsWith(`${n}=`) && !/=(false|0|no)$/i.test(a));
  });
}
function hasShort(args, letter) {
  for (const a of args) {
    if (a === "--") return false;
    if (a !== void 0 && /^-[A-Za-z0-9]+$/.test(a) && a.slice(1).includes(letter)) return true;
  }
  return false;
}
function firstPositional(args, valued = /* @__PURE__ */ new Set()) {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === void 0) return i;
    if (v === "--") return i + 1 < args.length ? i + 1 : -1;
    if (!v.startsWith("-") || v === "-") return i;
    if (valued.has(v)) i++;
  }
  return -1;
}
function dryRunOf(args) {
  for (const a of args) {
    if (a === "--dry-run") return "";
    if (a?.startsWith("--dry-run=")) {
      const v = a.slice("--dry-run=".length);
      return v === "none" || v === "false" ? void 0 : v;
    }
  }
  return void 0;
}
function basename(path) {
  const trimmed = path.replace(/\/+$/, "");
  const slash = trimmed.lastIndexOf("/");
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

// src/guard/context.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
var MAX_FILE_BYTES = 1024 * 1024;
var FileFacts = class {
  #cache = /* @__PURE__ */ new Map();
  /** The text of a file, or undefined when missing, unreadable, not a file or too large. */
  read(path) {
    if (this.#cache.has(path)) return this.#cache.get(path);
    let text;
    try {
      const stat = statSync(path);
      text = stat.isFile() && stat.size <= MAX_FILE_BYTES ? readFileSync(path, "utf8") : void 0;
    } catch {
      text = void 0;
    }
    this.#cache.set(path, text);
    return text;
  }
  /** `current-context` of a kubeconfig file. */
  currentContext(path) {
    const text = this.read(path);
    if (text === void 0) return void 0;
    try {
      const doc = (0, import_yaml.parse)(text, { maxAliasCount: 50 });
      if (typeof doc !== "object" || doc === null) return void 0;
      const ctx = doc["current-context"];
      return typeof ctx === "string" && ctx !== "" ? ctx : void 0;
    } catch {
      return void 0;
    }
  }
};
function homeOf(env) {
  const home = env.HOME;
  return home !== void 0 && home !== "" ? home : homedir();
}
function resolvePath(path, cwd, env) {
  if (path === "~" || path.startsWith("~/")) return join(homeOf(env), path.slice(1));
  return isAbsolute(path) ? path : resolve(cwd, path);
}
function resolveKubeContext(flag, kubeconfigFlag, envNames, env, cwd, files) {
  if (flag !== void 0) return { name: flag.value, source: flag.name };
  for (const name of envNames) {
    const v = env[name];
    if (v !== void 0 && v !== "") return { name: v, source: name };
  }
  const configs = kubeconfigFlag !== void 0 ? [kubeconfigFlag] : env.KUBECONFIG !== void 0 && env.KUBECONFIG !== "" ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(homeOf(env), ".kube", "config")];
  for (const config of configs) {
    const path = resolvePath(config, cwd, env);
    const name = files.currentContext(path);
    if (name !== void 0) return { name, source: `current-context of ${config}` };
  }
  return void 0;
}
function terraformWorkspace(dir, env, files) {
  const fromEnv = env.TF_WORKSPACE;
  if (fromEnv !== void 0 && fromEnv !== "") return { name: fromEnv, source: "TF_WORKSPACE" };
  const dataDir = env.TF_DATA_DIR !== void 0 && env.TF_DATA_DIR !== "" ? env.TF_DATA_DIR : ".terraform";
  const text = files.read(join(resolve(dir, dataDir), "environment"))?.trim();
  return text ? { name: text, source: `${dataDir}/environment` } : void 0;
}
function currentBranch(dir, files) {
  let current = resolve(dir);
  for (; ; ) {
    const dotGit = join(current, ".git");
    const head = files.read(join(dotGit, "HEAD"));
    if (head !== void 0) return branchOf(head);
    const pointer = /^gitdir:\s*(.+)$/m.exec(files.read(dotGit) ?? "")?.[1]?.trim();
    if (pointer !== void 0) {
      const gitDir = isAbsolute(pointer) ? pointer : resolve(current, pointer);
      const linked = files.read(join(gitDir, "HEAD"));
      return linked === void 0 ? void 0 : branchOf(linked);
    }
    const parent = dirname(current);
    if (parent === current) return void 0;
    current = parent;
  }
}
function branchOf(head) {
  return /^ref:\s*refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim();
}

// src/guard/text.ts
var SAFE_WORD = /^[A-Za-z0-9_@%+=:,./~^-]+$/;
function wordText(word) {
  const v = word.value;
  if (v === void 0) return word.raw;
  if (SAFE_WORD.test(v)) return v;
  return `'${v.replaceAll("'", `'\\''`)}'`;
}
function commandText(words) {
  return words.map(wordText).join(" ");
}
var ATTACHED_PASSWORD = /* @__PURE__ */ new Set(["mysql", "mariadb", "mysqldump", "mariadb-dump", "mysqladmin"]);
function redactedCommandText(words, name) {
  const parts = [];
  let redactNext = false;
  for (const word of words) {
    const text = wordText(word);
    const v = word.value;
    if (redactNext) {
      parts.push(redactValue(text));
      redactNext = false;
      continue;
    }
    if (v !== void 0 && /^--?[A-Za-z][\w-]*$/.test(v) && isSecretLikeName(v.replace(/^-+/, ""))) {
      redactNext = true;
      parts.push(text);
      continue;
    }
    const inline = v === void 0 ? null : /^(--?[A-Za-z][\w-]*=)(.+)$/s.exec(v);
    if (inline && isSecretLikeName(inline[1].replace(/^-+|=$/g, ""))) {
      parts.push(`${inline[1]}${redactValue(inline[2])}`);
      continue;
    }
    if (name !== void 0 && ATTACHED_PASSWORD.has(name) && v !== void 0 && /^-p.+/.test(v)) {
      parts.push(`-p${redactValue(v.slice(2))}`);
      continue;
    }
    const header = v === void 0 ? null : /^((?:proxy-)?authorization:\s*(?:\w+\s+)?)(\S.*)$/is.exec(v);
    if (header) {
      parts.push(wordText({ ...word, value: `${header[1]}${redactValue(header[2])}` }));
      continue;
    }
    parts.push(text);
  }
  return redactSecrets(parts.join(" "));
}

// src/guard/unwrap.ts
function envWrapperAssignments(words, nameWord) {
  const out = {};
  let inEnv = false;
  for (const w of words) {
    if (w === nameWord) break;
    if (w.value !== void 0 && basename(w.value) === "env") inEnv = true;
    const m = inEnv ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value ?? "") : null;
    if (m) out[m[1]] = m[2];
  }
  return out;
}
function stdinText(script, command) {
  for (const r of command.redirects) {
    if ((r.op === "<<" || r.op === "<<-") && r.heredoc) return r.heredoc.value ?? r.heredoc.raw;
    if (r.op === "<<<" && r.target) return r.target.value ?? r.target.raw;
  }
  if (command.pipeline.index === 0) return void 0;
  const previous = pipelineOf(script, command).find((c) => c.pipeline.index === command.pipeline.index - 1);
  if (!previous) return void 0;
  const { name, args } = unwrapCommand(previous);
  if (name === "echo" || name === "printf") {
    const words = args.filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w.value ?? "")));
    return words.map((w) => w.value ?? w.raw).join(" ");
  }
  if (name === "cat" && args.length === 0) {
    const doc = previous.redirects.find((r) => r.heredoc || r.op === "<<<");
    if (doc) return doc.heredoc ? doc.heredoc.value ?? doc.heredoc.raw : doc.target?.value ?? doc.target?.raw;
  }
  return void 0;
}
function withXargsInput(words, argv, stdin) {
  if (stdin === void 0) return words;
  const items = stdin.split(/\s+/).filter(Boolean);
  const synthetic = (value, at) => ({ value, raw: value, start: at.start, end: at.end });
  const replace = xargsReplaceString(argv.slice(0, Math.max(0, firstPositional(argv, XARGS_VALUED))));
  if (replace !== void 0) {
    const first = items[0] ?? "";
    return words.map((w) => w.value?.includes(replace) ? synthetic(w.value.replaceAll(replace, first), w) : w);
  }
  const last = words[words.length - 1];
  return [...words, ...items.map((item) => synthetic(item, last))];
}
function xargsReplaceString(options) {
  for (let i = 0; i < options.length; i++) {
    const v = options[i];
    if (v === "-I") return options[i + 1];
    if (v?.startsWith("-I")) return v.slice(2);
    if (v?.startsWith("--replace")) return v.slice("--replace=".length) || "{}";
    if (v?.startsWith("-i")) return v.slice(2) || "{}";
  }
  return void 0;
}
function findExecs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value;
    if (v !== "-exec" && v !== "-execdir" && v !== "-ok" && v !== "-okdir") continue;
    const end = args.findIndex((w, j) => j > i && (w.value === ";" || w.value === "+"));
    const stop = end < 0 ? args.length : end;
    if (stop > i + 1) out.push(args.slice(i + 1, stop));
    i = stop;
  }
  return out;
}
function optionWord(args, names) {
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v !== void 0 && names.includes(v)) return args[i + 1];
    const long = names.find((n) => n.startsWith("--") && v?.startsWith(`${n}=`));
    if (long !== void 0 && v !== void 0) {
      const value = v.slice(long.length + 1);
      return { value, raw: value, start: w.start, end: w.end };
    }
  }
  return void 0;
}
function dockerExecCommand(args) {
  const argv = values(args);
  let i = 0;
  if (argv[0] === "compose") i = 1 + Math.max(0, firstPositional(argv.slice(1), COMPOSE_VALUED));
  else if (argv[0] === "container") i = 1;
  if (argv[i] !== "exec") return void 0;
  const rest = argv.slice(i + 1);
  const target = firstPositional(rest, DOCKER_EXEC_VALUED);
  if (target < 0) return void 0;
  const inner = args.slice(i + 1 + target + 1);
  return inner.length > 0 ? inner : void 0;
}
var XARGS_VALUED = /* @__PURE__ */ new Set([
  "-I",
  "-L",
  "-n",
  "-P",
  "-s",
  "-d",
  "-E",
  "-a",
  "--delimiter",
  "--arg-file",
  "--max-args",
  "--max-lines",
  "--max-procs",
  "--max-chars",
  "--replace",
  "--eof",
  "--process-slot-var"
]);
var WATCH_VALUED = /* @__PURE__ */ new Set(["-n", "--interval"]);
var SSH_VALUED = /* @__PURE__ */ new Set([
  "-p",
  "-i",
  "-l",
  "-o",
  "-F",
  "-J",
  "-L",
  "-R",
  "-D",
  "-W",
  "-b",
  "-c",
  "-E",
  "-m",
  "-S",
  "-Q",
  "-O",
  "-w",
  "-B",
  "-e",
  "-I"
]);
var KUBECTL_EXEC_VALUED = /* @__PURE__ */ new Set([
  "-n",
  "--namespace",
  "--context",
  "--kubeconfig",
  "--cluster",
  "--user",
  "-s",
  "--server",
  "--token",
  "--as",
  "--as-group",
  "-c",
  "--container",
  "-f",
  "--filename",
  "--pod-running-timeout"
]);
var COMPOSE_VALUED = /* @__PURE__ */ new Set([
  "-f",
  "--file",
  "-p",
  "--project-name",
  "--env-file",
  "--profile",
  "--project-directory"
]);
var DOCKER_EXEC_VALUED = /* @__PURE__ */ new Set([
  "-e",
  "--env",
  "--env-file",
  "-u",
  "--user",
  "-w",
  "--workdir",
  "--detach-keys",
  "--index"
]);

// src/guard/commands.ts
var MAX_DEPTH = 4;
function collectCommands(script, options) {
  const state = { env: { ...options.env }, cwd: options.cwd, out: [], errors: [] };
  walkScript(script, state, 0);
  return { commands: state.out, errors: state.errors };
}
function walkScript(script, state, depth) {
  const downloads = /* @__PURE__ */ new Map();
  for (const d of findDownloadsIntoShell(script)) if (!downloads.has(d.download)) downloads.set(d.download, d.shell);
  for (const command of script.commands) {
    const env = { ...state.env };
    for (const a of command.assignments) env[a.name] = a.value?.value ?? a.value?.raw ?? "";
    if (command.words.length === 0) {
      Object.assign(state.env, env);
      continue;
    }
    const stdin = stdinText(script, command);
    const seed = { env, stdin, downloadInto: downloads.get(command), recordedIn: script };
    expandWords(command.words, seed, state, depth);
  }
}
function expandWords(words, seed, state, depth) {
  const unwrapped = unwrapCommand({ words });
  const { name, nameWord } = unwrapped;
  if (nameWord === void 0) {
    const first = words[0]?.value;
    state.out.push(makeCommand(words, first === void 0 ? void 0 : basename(first), seed.env, seed, state));
    return;
  }
  const env = { ...seed.env, ...envWrapperAssignments(words, nameWord) };
  const effective = words.slice(words.indexOf(nameWord));
  const command = makeCommand(effective, name, env, seed, state);
  state.out.push(command);
  if (name === void 0) {
    command.opaque = `the program name \`${nameWord.raw}\` is only known at run time`;
    return;
  }
  observe(command, state);
  const inner = { env, stdin: void 0, downloadInto: void 0 };
  const nested = nestedRuns(command, words, seed, inner, state, depth);
  if (nested.length === 0) return;
  if (depth >= MAX_DEPTH) command.opaque = `\`${name}\` nests commands deeper than the guard reads`;
  else for (const run of nested) run();
}
function nestedRuns(command, words, seed, inner, state, depth) {
  const { args, argv } = command;
  const next = depth + 1;
  switch (command.name) {
    case "xargs": {
      const i = firstPositional(argv, XARGS_VALUED);
      return i < 0 ? [] : [() => expandWords(withXargsInput(args.slice(i), argv, seed.stdin), inner, state, next)];
    }
    case "watch": {
      const i = firstPositional(argv, WATCH_VALUED);
      return i < 0 ? [] : [() => expandWords(args.slice(i), inner, state, next)];
    }
    case "find":
      return findExecs(args).map((exec) => () => expandWords(exec, inner, state, next));
    case "eval":
      return args.length === 0 ? [] : [() => expandText(args, command, "eval", inner, state, depth)];
    case "su": {
      const script = optionWord(args, ["-c", "--command"]);
      return script ? [() => expandText([script], command, "su -c", inner, state, depth)] : [];
    }
    case "ssh": {
      const host = firstPositional(argv, SSH_VALUED);
      const remote = host < 0 ? [] : args.slice(host + 1);
      return remote.length === 0 ? [] : [() => expandText(remote, command, "ssh", { ...inner, env: {} }, state, depth)];
    }
    case "kubectl":
    case "oc": {
      const dash = argv.indexOf("--");
      const exec = positionals(argv, KUBECTL_EXEC_VALUED)[0] === "exec" && dash >= 0;
      return exec ? [() => expandWords(args.slice(dash + 1), { ...inner, env: {} }, state, next)] : [];
    }
    case "docker":
    case "podman": {
      const remote = dockerExecCommand(args);
      return remote ? [() => expandWords(remote, { ...inner, env: {} }, state, next)] : [];
    }
  }
  return SHELLS.has(command.name ?? "") ? shellRuns(command, words, seed, inner, state, depth) : [];
}
function shellRuns(command, words, seed, inner, state, depth) {
  const script = shellCommandString({ words });
  if (script !== void 0) {
    const parsed = seed.recordedIn?.commands.some(
      (c) => c.origin === "shell-c" && c.start >= script.start && c.end <= script.end
    );
    if (script.value !== void 0 && parsed) return [];
    return [() => expandText([script], command, `${command.name} -c`, inner, state, depth)];
  }
  const stdin = seed.stdin;
  if (stdin !== void 0 && runsStdin({ words })) return [() => walkNested(stdin, command, inner, state, depth)];
  return [];
}
function expandText(words, command, what, inner, state, depth) {
  const parts = [];
  for (const w of words) {
    if (w.value !== void 0) parts.push(w.value);
    else if (/^"(.*)"$/s.test(w.raw)) parts.push(w.raw.slice(1, -1).replace(/\\([\\"$`])/g, "$1"));
    else parts.push(w.raw);
  }
  const text = parts.join(" ");
  if (/^\s*("?)\$\{?[A-Za-z_@*][A-Za-z0-9_]*\}?\1\s*$/.test(text)) {
    command.opaque = `\`${what}\` runs text only known at run time (${text.trim()})`;
    return;
  }
  walkNested(text, command, inner, state, depth);
}
function walkNested(text, command, inner, state, depth) {
  const script = parseShell(text);
  if (script.error) state.errors.push(`${script.error.message} (in \`${command.name}\`'s script)`);
  const saved = state.env;
  state.env = { ...inner.env };
  walkScript(script, state, depth + 1);
  state.env = saved;
}
function makeCommand(words, name, env, seed, state) {
  const args = words.slice(1);
  const command = {
    name,
    words,
    args,
    argv: values(args),
    env,
    text: commandText(words),
    shownText: redactedCommandText(words, name),
    cwd: state.cwd
  };
  if (state.kubeContext !== void 0) command.kubeContext = state.kubeContext;
  if (state.tfWorkspace !== void 0) command.tfWorkspace = state.tfWorkspace;
  if (seed.stdin !== void 0) command.stdin = seed.stdin;
  if (seed.downloadInto !== void 0) command.downloadInto = seed.downloadInto;
  return command;
}
function observe(command, state) {
  const [a0, a1, a2] = command.argv;
  switch (command.name) {
    case "export":
    case "declare":
    case "typeset":
      Object.assign(state.env, command.env);
      return;
    case "unset":
      for (const v of command.argv) if (v !== void 0) delete state.env[v];
      return;
    case "cd":
    case "pushd":
      if (a0 !== void 0 && !a0.startsWith("-")) state.cwd = resolvePath(a0, state.cwd, state.env);
      return;
    case "kubectx":
      if (a0 !== void 0 && !a0.startsWith("-")) state.kubeContext = a0;
      return;
    case "kubectl":
    case "oc": {
      const pos = positionals(command.argv, KUBECTL_EXEC_VALUED);
      if (pos[0] === "config" && pos[1] === "use-context" && pos[2] !== void 0) state.kubeContext = pos[2];
      return;
    }
    case "terraform":
    case "tofu":
      if (a0 === "workspace" && (a1 === "select" || a1 === "new") && a2 !== void 0) state.tfWorkspace = a2;
      return;
  }
}

// src/guard/judge.ts
function protectedTarget(ctx, targets) {
  for (const t of targets) {
    if (t.value === void 0 || t.value === "" || !ctx.prod.test(t.value)) continue;
    return `${t.what} \`${t.value}\`${t.source ? ` (${t.source})` : ""}`;
  }
  return void 0;
}
function quote(text, max = 120) {
  const one = text.replace(/\s+/g, " ").trim();
  return `\`${one.length > max ? `${one.slice(0, max - 1)}\u2026` : one}\``;
}

// src/guard/rules.ts
var GUARD_RULES = [
  {
    id: "GRD000",
    slug: "no-risk-found",
    title: "No destructive or production-changing command",
    decisions: ["allow: read-only and validation commands, and everything no other rule matches"],
    rationale: "The guard asks only where a mistake is expensive; everything else runs through the normal permission flow."
  },
  {
    id: "GRD001",
    slug: "terraform-destroy",
    title: "Terraform destroy",
    decisions: ["deny: `terraform|tofu|terragrunt destroy`, `apply -destroy`"],
    rationale: "Destroying infrastructure deletes databases, buckets and volumes along with the compute; much of it cannot be recreated with its data.",
    validateFirst: "`terraform plan -destroy` and read every resource it would delete",
    rollback: "None for data: restore databases and volumes from snapshots, then `terraform apply` the configuration."
  },
  {
    id: "GRD002",
    slug: "terraform-auto-approve-without-plan",
    title: "Terraform apply -auto-approve without a saved plan",
    decisions: ["deny: `terraform apply -auto-approve` with no plan file"],
    rationale: "Nobody sees what is applied: the plan is computed and executed in one step, so a drifted state or a wrong workspace changes real infrastructure unreviewed.",
    validateFirst: "`terraform plan -out=tfplan`, review it, then `terraform apply tfplan`",
    rollback: "Revert the configuration change and apply again; restore replaced stateful resources from snapshots."
  },
  {
    id: "GRD003",
    slug: "kubectl-mass-delete",
    title: "Deleting a namespace, a CRD, or everything of a kind",
    decisions: [
      "deny: `kubectl|oc delete namespace|ns|project|crd \u2026`, `kubectl delete \u2026 --all`, `-A`/`--all-namespaces`"
    ],
    rationale: "A namespace or CRD deletion cascades to every object in it (PVCs included); `--all` removes every object of the kind. Kubernetes has no undelete.",
    validateFirst: "`kubectl get <kind> -n <namespace>` (or `kubectl delete \u2026 --dry-run=server`) to list what goes",
    rollback: "Re-apply the manifests from Git (or let GitOps resync) and restore volumes from backups (e.g. `velero restore`)."
  },
  {
    id: "GRD004",
    slug: "helm-uninstall-protected",
    title: "Helm uninstall against a protected context",
    decisions: ["deny: `helm uninstall|delete` whose context, namespace or release matches the production pattern"],
    rationale: "Uninstalling a production release removes its Deployments, Services and often its PVCs and secrets: an outage at best, data loss at worst.",
    validateFirst: "`helm status <release>` and `helm get manifest <release>` to see what would be removed",
    rollback: "`helm install` the release again from the same chart version and values; restore data from backups. (`--keep-history` keeps `helm rollback` possible.)"
  },
  {
    id: "GRD005",
    slug: "docker-volume-data-loss",
    title: "Removing Docker volumes",
    decisions: [
      "deny: `docker system prune -a|--volumes`, `docker volume rm|prune`, `docker compose down -v|--volumes`"
    ],
    rationale: "Named volumes hold databases and uploads; removed volumes cannot be recovered.",
    validateFirst: "`docker volume ls` and `docker system df -v` to see what would be removed",
    rollback: "Restore the volume contents from a backup (`docker run --rm -v vol:/data \u2026 tar x`); there is no undo."
  },
  {
    id: "GRD006",
    slug: "recursive-delete-of-root-or-home",
    title: "Recursive delete of /, ~, $HOME, ., .., * or a system directory",
    decisions: ["deny: `rm -r`/`rm -rf` of `/`, `/*`, `~`, `$HOME`, `.`, `..`, `*`, `/etc`, `/usr` \u2026"],
    rationale: "One expansion away from wiping the machine, the home directory or the whole working tree.",
    validateFirst: "`ls` the exact paths and delete them by name",
    rollback: "Restore from backups or version control; `rm` has no trash."
  },
  {
    id: "GRD007",
    slug: "cloud-data-destruction",
    title: "Irreversible cloud deletions",
    decisions: [
      "deny: `aws s3 rb --force`, `aws s3 rm --recursive s3://bucket`, `aws rds delete-db-instance|delete-db-cluster --skip-final-snapshot`, `aws eks delete-cluster`, `aws dynamodb delete-table`, `gcloud projects delete`, `gcloud sql instances delete`, `gcloud sql databases delete`, `gcloud container clusters delete`, `gcloud storage rm -r gs://bucket`, `gsutil rm -r gs://bucket`, `az group delete`, `az aks delete`, `az sql db|server delete`"
    ],
    rationale: "These delete data or whole environments with no snapshot to come back to; most are not recoverable at all.",
    validateFirst: "Describe the resource and take a snapshot or export first (`aws rds create-db-snapshot`, \u2026)",
    rollback: "Restore from the snapshot or export taken beforehand; without one there is none."
  },
  {
    id: "GRD008",
    slug: "sql-drop-or-truncate",
    title: "DROP DATABASE / DROP TABLE / TRUNCATE",
    decisions: [
      "deny: `DROP DATABASE|SCHEMA|TABLE`, `TRUNCATE` sent through `psql -c`, `mysql -e`, `sqlite3`, a heredoc or a pipe; `dropdb`, `mysqladmin drop`, `redis-cli flushall|flushdb`, `mongosh --eval` dropping data"
    ],
    rationale: "Drops and truncations are not transactional in most setups and remove data for good.",
    validateFirst: "Take a backup first (`pg_dump`, `mysqldump`) and run the statement on a copy",
    rollback: "Restore the table or database from the backup."
  },
  {
    id: "GRD009",
    slug: "force-push-protected-branch",
    title: "Force-push to (or delete) main/master",
    decisions: [
      "deny: `git push --force|-f|--force-with-lease|+refspec|--mirror` or a deletion targeting `main`, `master` or a production-named branch (the current branch when no refspec is given)"
    ],
    rationale: "Rewriting the shared default branch loses other people's commits and breaks every clone; `--force-with-lease` only protects against one race, not against rewriting history everyone builds on.",
    validateFirst: "`git log origin/<branch>..HEAD` and `git log HEAD..origin/<branch>` to see what would be lost",
    rollback: "Push the previous tip back (`git reflog` on a clone that has it, then `git push origin <sha>:<branch>`)."
  },
  {
    id: "GRD010",
    slug: "download-piped-to-shell",
    title: "Download piped into a shell",
    decisions: ['deny: `curl \u2026 | sh`, `wget -O- \u2026 | bash`, `bash <(curl \u2026)`, `sh -c "$(curl \u2026)"`, `eval "$(curl \u2026)"`'],
    rationale: "Runs code nobody has read or verified; a compromised or truncated download runs with your privileges.",
    validateFirst: "Download to a file, verify its checksum or signature, read it, then run it",
    rollback: "Depends on what the script did; inspect it afterwards and undo its changes by hand."
  },
  {
    id: "GRD011",
    slug: "terraform-apply-unreviewed",
    title: "Terraform apply without a reviewed plan",
    decisions: [
      "ask: `terraform apply` with no plan file; a saved plan applied to a protected workspace or directory",
      "allow: a saved plan (`terraform apply tfplan`) outside production"
    ],
    rationale: "Apply changes real infrastructure; only a saved, reviewed plan applies exactly what was reviewed.",
    validateFirst: "`terraform plan -out=tfplan` and review it",
    rollback: "Revert the configuration and apply again; restore replaced stateful resources from snapshots."
  },
  {
    id: "GRD012",
    slug: "terraform-state-change",
    title: "Terraform state surgery",
    decisions: [
      "ask: `terraform state rm|mv|push|replace-provider`, `force-unlock`, `import`, `taint`, `untaint`, `refresh`, `workspace delete`"
    ],
    rationale: "Editing state by hand can orphan or duplicate real resources; `force-unlock` can let two applies race.",
    validateFirst: "`terraform state pull > state-backup.tfstate` first",
    rollback: "`terraform state push state-backup.tfstate` (with the backup taken before)."
  },
  {
    id: "GRD013",
    slug: "kubectl-mutation",
    title: "Changing a cluster with kubectl",
    decisions: [
      "ask: `kubectl apply|create|delete|patch|scale|replace|edit|set|label|annotate|drain|cordon|taint|rollout restart|undo \u2026` against a protected context, namespace or manifest path, or with no prior `kubectl diff`/`--dry-run` of the same target in the same command line",
      "allow: the same after a `kubectl diff` or `--dry-run` of the same target, outside production"
    ],
    rationale: "A cluster change is live at once; a diff or server-side dry run shows what changes before it does, and production needs a human to confirm.",
    validateFirst: "`kubectl diff -f <file>` or the same command with `--dry-run=server`",
    rollback: "`kubectl rollout undo deployment/<name>`, or re-apply the previous manifest from Git."
  },
  {
    id: "GRD014",
    slug: "helm-release-change",
    title: "Changing a Helm release",
    decisions: [
      "ask: `helm install|upgrade` without `--atomic`/`--rollback-on-failure`, or against a protected context/namespace/release/values file; `helm rollback`; `helm uninstall` outside production",
      "allow: `helm install|upgrade --atomic` outside production"
    ],
    rationale: "A failed upgrade without `--atomic` leaves a half-applied release; production changes need a human.",
    validateFirst: "`helm diff upgrade <release> <chart> -f <values>` (or `helm template` / `--dry-run`)",
    rollback: "`helm rollback <release>` to the previous revision (`helm history <release>`)."
  },
  {
    id: "GRD015",
    slug: "migration-without-backup",
    title: "Database migration without a backup",
    decisions: [
      "ask: a migration (the GHA010 list: `prisma migrate deploy`, `alembic upgrade`, `flyway migrate`, \u2026) with no backup earlier in the same command line",
      "allow: the same after `pg_dump`, `mysqldump`, `aws rds create-db-snapshot`, `gcloud sql backups create` \u2026"
    ],
    rationale: "Migrations are often irreversible; a backup taken just before is the way back.",
    validateFirst: "Take a backup or snapshot first (`pg_dump -Fc \u2026`, `aws rds create-db-snapshot \u2026`)",
    rollback: "Restore the backup, then redeploy the previous application version."
  },
  {
    id: "GRD016",
    slug: "cloud-mutation",
    title: "Mutating cloud CLI calls",
    decisions: [
      "ask: `aws \u2026 delete-*|terminate-*|remove-*|deregister-*|update-service|update-function-code|deploy|execute-change-set`, `aws s3 rm|rb`, `aws s3 sync --delete`; `gcloud \u2026 delete|deploy`; `az \u2026 delete|deploy`"
    ],
    rationale: "These change or remove live cloud resources outside of infrastructure as code.",
    validateFirst: "Describe the target first; prefer the change through Terraform with a reviewed plan",
    rollback: "Recreate or redeploy the previous version; restore data from snapshots."
  },
  {
    id: "GRD017",
    slug: "production-compose-up",
    title: "docker compose up with a production compose file",
    decisions: ["ask: `docker compose \u2026 up` whose compose file, env file or project matches the production pattern"],
    rationale: "Starting the production stack from a workstation bypasses the deploy pipeline and its checks.",
    validateFirst: "`docker compose -f <file> config` to see the resolved configuration",
    rollback: "`docker compose -f <file> down` (without `-v`), then redeploy the previous version."
  },
  {
    id: "GRD018",
    slug: "force-push",
    title: "Force-push to a branch",
    decisions: [
      "ask: a force-push to any branch other than main/master/production, or to a branch the guard cannot tell"
    ],
    rationale: "Rewriting a pushed branch loses commits others may have pulled.",
    validateFirst: "`git log origin/<branch>..HEAD` and `git log HEAD..origin/<branch>`",
    rollback: "`git push --force origin <previous-sha>:<branch>` with the old tip from the reflog."
  },
  {
    id: "GRD019",
    slug: "destructive-sql-statement",
    title: "Destructive SQL statement",
    decisions: [
      "ask: `DELETE`/`UPDATE` without `WHERE`, `DROP INDEX|VIEW|\u2026`, `ALTER TABLE \u2026 DROP` sent to a database client"
    ],
    rationale: "Unbounded deletes and updates, and dropped columns, are hard to undo without a backup.",
    validateFirst: "Run the matching `SELECT count(*)` first, inside a transaction, and take a backup",
    rollback: "Restore the affected rows or columns from the backup."
  },
  {
    id: "GRD020",
    slug: "recursive-delete-of-variable-path",
    title: "Recursive delete of a path that is only a variable",
    decisions: ['ask: `rm -rf "$DIR"/`, `rm -rf "$DIR"/*`, `rm -rf ${DIR}/` \u2014 with `DIR` empty that is `/` or `/*`'],
    rationale: "An unset variable turns the path into `/` (the Steam installer bug). `${DIR:?}` makes the shell stop instead.",
    validateFirst: 'Use `"${DIR:?}"/\u2026` so an empty variable aborts, and `echo` the path first',
    rollback: "Restore from backups; `rm` has no trash."
  },
  {
    id: "GRD030",
    slug: "opaque-command",
    title: "Command the guard cannot see",
    decisions: [
      'ask: `eval`, `sh -c`, `ssh host \u2026` or `xargs` of text only known at run time (`eval "$CMD"`), or a command name that is itself an expansion (`$TOOL delete \u2026`)'
    ],
    rationale: "The guard fails closed: what it cannot read, a human confirms.",
    validateFirst: 'Print the expanded command (`echo "$CMD"`) and run it directly'
  },
  {
    id: "GRD031",
    slug: "unparseable-command",
    title: "Command that does not parse",
    decisions: [
      "ask: a shell syntax error (unterminated quote, unbalanced parenthesis \u2026), a command line over 256 KiB, or an internal failure of the guard"
    ],
    rationale: "A command the parser cannot read cannot be judged; the guard fails closed rather than open.",
    validateFirst: "Fix the quoting; `bash -n -c '<command>'` checks the syntax without running it"
  },
  {
    id: "GRD090",
    slug: "policy-deny",
    title: "Denied by the project policy",
    decisions: ["deny: a simple command matches a `guard.deny` pattern of `.proagent-devops.yaml`"],
    rationale: "The project forbids this command; the pattern and its reason live in the project configuration."
  },
  {
    id: "GRD091",
    slug: "policy-allow",
    title: "Allowed by the project policy",
    decisions: [
      "allow: a command the guard would ask for matches a `guard.allow` pattern; a built-in deny only when the pattern is anchored (`^name \u2026$`) and names the command"
    ],
    rationale: "The project has decided this command is routine; the verdict keeps the rule it overrode in its reason."
  }
];
var BY_ID = new Map(GUARD_RULES.map((r) => [r.id, r]));
function guardRule(id) {
  return BY_ID.get(id);
}
function judgement(id, decision, reason, details = {}) {
  const rule = guardRule(id);
  const out = { decision, ruleId: id, reason };
  const validateFirst = details.validateFirst ?? rule.validateFirst;
  const rollback = details.rollback ?? rule.rollback;
  if (validateFirst !== void 0) out.validateFirst = validateFirst;
  if (rollback !== void 0) out.rollback = rollback;
  return out;
}

// src/guard/judges/cloud.ts
var AWS_VALUED = /* @__PURE__ */ new Set([
  "--region",
  "--profile",
  "--output",
  "--endpoint-url",
  "--query",
  "--color",
  "--cli-read-timeout",
  "--cli-connect-timeout",
  "--ca-bundle"
]);
var AWS_MUTATING_PREFIXES = ["delete-", "terminate-", "remove-", "deregister-"];
var AWS_MUTATING = /* @__PURE__ */ new Set(["update-service", "update-function-code", "deploy", "execute-change-set"]);
function judgeAws(cmd) {
  const argv = cmd.argv;
  const [service, op, ...rest] = positionals(argv, AWS_VALUED);
  const shown = quote(cmd.shownText);
  if (service === void 0 || op === void 0 || hasLong(argv, "--dry-run")) return void 0;
  if (service === "s3") return judgeS3(cmd, op, rest);
  const snapshotless = service === "rds" && (op === "delete-db-instance" || op === "delete-db-cluster") && hasLong(argv, "--skip-final-snapshot");
  if (snapshotless) {
    return judgement("GRD007", "deny", `${shown} deletes the database with no final snapshot: its data is gone.`, {
      validateFirst: "`aws rds create-db-snapshot --db-instance-identifier <id> --db-snapshot-identifier <name>` first"
    });
  }
  if (service === "eks" && op === "delete-cluster" || service === "dynamodb" && op === "delete-table") {
    return judgement(
      "GRD007",
      "deny",
      `${shown} deletes a whole ${service === "eks" ? "cluster" : "table and its data"}.`
    );
  }
  if (AWS_MUTATING.has(op) || AWS_MUTATING_PREFIXES.some((p) => op.startsWith(p))) {
    return judgement("GRD016", "ask", `${shown} changes live AWS resources (\`${service} ${op}\`).`, {
      validateFirst: `the matching \`aws ${service} describe-*\`/\`get-*\` call, or make the change through IaC with a reviewed plan`
    });
  }
  return void 0;
}
function judgeS3(cmd, op, rest) {
  const argv = cmd.argv;
  const shown = quote(cmd.shownText);
  const target = rest.find((r) => r?.startsWith("s3://"));
  if (op === "rb") {
    if (hasLong(argv, "--force")) {
      return judgement("GRD007", "deny", `${shown} deletes every object in the bucket, then the bucket.`, {
        validateFirst: `\`aws s3 ls ${target ?? "s3://<bucket>"} --recursive --summarize\`, and back it up first`
      });
    }
    return judgement("GRD016", "ask", `${shown} deletes a bucket.`);
  }
  if (op === "rm") {
    if (hasLong(argv, "--recursive") && target !== void 0 && isBucketRoot(target) && !hasLong(argv, "--dryrun")) {
      return judgement("GRD007", "deny", `${shown} deletes every object in the bucket \`${target}\`.`, {
        validateFirst: `\`aws s3 rm ${target} --recursive --dryrun\``
      });
    }
    if (hasLong(argv, "--dryrun")) return void 0;
    return judgement("GRD016", "ask", `${shown} deletes objects from S3.`, {
      validateFirst: "the same command with `--dryrun`",
      rollback: "Restore earlier object versions if the bucket is versioned; otherwise from a backup."
    });
  }
  if (op === "sync" && hasLong(argv, "--delete") && !hasLong(argv, "--dryrun")) {
    return judgement("GRD016", "ask", `${shown} deletes destination objects missing from the source.`, {
      validateFirst: "the same command with `--dryrun`"
    });
  }
  return void 0;
}
function isBucketRoot(url) {
  return /^(s3|gs):\/\/[^/]+\/?$/.test(url);
}
var GCLOUD_VALUED = /* @__PURE__ */ new Set([
  "--project",
  "--region",
  "--zone",
  "--format",
  "--account",
  "--configuration",
  "--impersonate-service-account",
  "--verbosity",
  "--location"
]);
function judgeGcloud(cmd) {
  const argv = cmd.argv;
  const all = positionals(argv, GCLOUD_VALUED);
  const words = all[0] === "alpha" || all[0] === "beta" ? all.slice(1) : all;
  const path = words.join(" ");
  const shown = quote(cmd.shownText);
  const irreversible = [
    [/^projects delete\b/, "deletes the whole project and everything in it"],
    [/^sql instances delete\b/, "deletes the Cloud SQL instance, its databases and its backups"],
    [/^sql databases delete\b/, "drops the database"],
    [/^container clusters delete\b/, "deletes the whole GKE cluster"]
  ];
  for (const [pattern, what] of irreversible) {
    if (pattern.test(path)) return judgement("GRD007", "deny", `${shown} ${what}.`);
  }
  if (words[0] === "storage" && words[1] === "rm" && (hasLong(argv, "--recursive") || hasShort(argv, "r"))) {
    const bucket = words.slice(2).find((w) => w !== void 0 && isBucketRoot(w));
    if (bucket !== void 0) return judgement("GRD007", "deny", `${shown} deletes every object in \`${bucket}\`.`);
  }
  if (words.includes("delete") || words.includes("deploy") || words[0] === "storage" && words[1] === "rm") {
    return judgement("GRD016", "ask", `${shown} changes live Google Cloud resources.`, {
      validateFirst: "the matching `gcloud \u2026 describe` call, or make the change through IaC with a reviewed plan"
    });
  }
  return void 0;
}
function judgeGsutil(cmd) {
  const pos = positionals(cmd.argv, /* @__PURE__ */ new Set(["-o", "-h", "-u"]));
  const shown = quote(cmd.shownText);
  if (pos[0] === "rm" && (hasShort(cmd.argv, "r") || hasShort(cmd.argv, "R"))) {
    const bucket = pos.slice(1).find((w) => w !== void 0 && isBucketRoot(w));
    if (bucket !== void 0) return judgement("GRD007", "deny", `${shown} deletes every object in \`${bucket}\`.`);
  }
  if (pos[0] === "rm" || pos[0] === "rb") return judgement("GRD016", "ask", `${shown} deletes Cloud Storage data.`);
  return void 0;
}
var AZ_VALUED = /* @__PURE__ */ new Set([
  "-g",
  "--resource-group",
  "-n",
  "--name",
  "--subscription",
  "-o",
  "--output",
  "--query",
  "-l",
  "--location"
]);
function judgeAz(cmd) {
  const words = positionals(cmd.argv, AZ_VALUED);
  const path = words.join(" ");
  const shown = quote(cmd.shownText);
  const irreversible = [
    [/^group delete\b/, "deletes the resource group and every resource in it"],
    [/^aks delete\b/, "deletes the whole AKS cluster"],
    [/^sql (db|server) delete\b/, "deletes the database with its data"]
  ];
  for (const [pattern, what] of irreversible) {
    if (pattern.test(path)) return judgement("GRD007", "deny", `${shown} ${what}.`);
  }
  if (words.includes("delete") || words.includes("deploy") || words[0] === "deployment" && words.includes("create")) {
    return judgement("GRD016", "ask", `${shown} changes live Azure resources.`, {
      validateFirst: "the matching `az \u2026 show` call (or `az deployment \u2026 what-if`)"
    });
  }
  return void 0;
}

// src/guard/judges/database.ts
function sqlOf(cmd) {
  const argv = cmd.argv;
  const out = [];
  const flags = cmd.name === "psql" ? { short: "-c", long: "--command" } : cmd.name === "sqlite3" ? void 0 : { short: "-e", long: "--execute" };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === void 0 || flags === void 0) continue;
    if (v === flags.short || v === flags.long) out.push(argv[i + 1] ?? "");
    else if (v.startsWith(`${flags.long}=`)) out.push(v.slice(flags.long.length + 1));
    else if (v.startsWith(flags.short) && !v.startsWith("--") && v.length > 2) out.push(v.slice(2));
  }
  if (cmd.name === "sqlite3") {
    const pos = positionals(argv, /* @__PURE__ */ new Set(["-cmd", "-separator", "-newline", "-nullvalue"]));
    if (pos[1] !== void 0) out.push(pos[1]);
  }
  for (let i = 0; i < cmd.args.length; i++) {
    const w = cmd.args[i];
    if (w?.value === void 0 && (cmd.args[i - 1]?.value === flags?.short || cmd.args[i - 1]?.value === flags?.long)) {
      const raw = w?.raw ?? "";
      out.push(/^"(.*)"$/s.test(raw) ? raw.slice(1, -1) : raw);
    }
  }
  if (cmd.stdin !== void 0) out.push(cmd.stdin);
  return out;
}
var SQL_CLIENTS = /* @__PURE__ */ new Set(["psql", "mysql", "mariadb", "sqlite3"]);
function judgeSqlClient(cmd) {
  if (!SQL_CLIENTS.has(cmd.name ?? "")) return void 0;
  const shown = quote(cmd.shownText);
  let caution;
  for (const sql of sqlOf(cmd)) {
    for (const statement of statements(sql)) {
      const upper = statement.toUpperCase();
      const drop = /^DROP\s+(DATABASE|SCHEMA|TABLE)\b/.exec(upper) ?? /^(TRUNCATE)\b/.exec(upper);
      if (drop) {
        return judgement("GRD008", "deny", `${shown} runs \`${clip(statement)}\`, which removes data for good.`);
      }
      if (caution !== void 0) continue;
      if (/^(DELETE\s+FROM|UPDATE)\b/.test(upper) && !/\bWHERE\b/.test(upper)) {
        caution = `${shown} runs \`${clip(statement)}\` with no WHERE clause: every row is affected.`;
      } else if (/^DROP\b/.test(upper) || /^ALTER\s+TABLE\b.*\bDROP\b/s.test(upper)) {
        caution = `${shown} runs \`${clip(statement)}\`.`;
      }
    }
  }
  return caution === void 0 ? void 0 : judgement("GRD019", "ask", caution);
}
function statements(sql) {
  const blanked = sql.replace(
    /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g,
    (m) => m.startsWith("'") || m.startsWith("$") ? "''" : m.startsWith("-") || m.startsWith("/") ? " " : m
  );
  return blanked.split(";").map((s) => s.trim().replace(/\s+/g, " ")).filter(Boolean);
}
function clip(statement) {
  return statement.length > 80 ? `${statement.slice(0, 79)}\u2026` : statement;
}
function judgeDropTools(cmd) {
  const shown = quote(cmd.shownText);
  const pos = positionals(cmd.argv);
  const lower = pos.map((p) => p?.toLowerCase());
  switch (cmd.name) {
    case "dropdb":
      return judgement("GRD008", "deny", `${shown} drops a PostgreSQL database.`);
    case "mysqladmin":
    case "mariadb-admin":
      return lower.includes("drop") ? judgement("GRD008", "deny", `${shown} drops a MySQL database.`) : void 0;
    case "redis-cli":
      return lower.includes("flushall") || lower.includes("flushdb") ? judgement("GRD008", "deny", `${shown} deletes every key of the Redis database.`) : void 0;
    case "mongo":
    case "mongosh": {
      const evals = cmd.argv.filter((_, i) => cmd.argv[i - 1] === "--eval").join(" ");
      return /\.dropDatabase\s*\(|\.drop\s*\(/.test(evals) ? judgement("GRD008", "deny", `${shown} drops a MongoDB database or collection.`) : void 0;
    }
  }
  return void 0;
}
function judgeMigration(cmd, ctx) {
  const classes = classifyCommand({ words: cmd.words, assignments: [] });
  const migration = classes.find((c) => c.category === "migration");
  if (migration === void 0) return void 0;
  const backedUp = ctx.prior.some(
    (p) => classifyCommand({ words: p.words, assignments: [] }).some((c) => c.category === "backup")
  );
  if (backedUp) {
    return judgement("GRD015", "allow", `\`${migration.label}\` runs after a backup in the same command.`);
  }
  return judgement("GRD015", "ask", `\`${migration.label}\` migrates a database with no backup before it.`);
}

// src/guard/judges/docker.ts
var GLOBAL_VALUED = /* @__PURE__ */ new Set(["-H", "--host", "-c", "--context", "--config", "-l", "--log-level"]);
var COMPOSE_VALUED2 = /* @__PURE__ */ new Set([
  "-f",
  "--file",
  "-p",
  "--project-name",
  "--env-file",
  "--profile",
  "--project-directory",
  "--ansi",
  "--parallel",
  "--progress"
]);
function judgeDocker(cmd, ctx) {
  const argv = cmd.argv;
  const start = skipOptions(argv, GLOBAL_VALUED);
  const rest = argv.slice(start);
  const [group, action] = rest;
  const shown = quote(cmd.shownText);
  if (group === "compose") return judgeCompose(cmd, rest.slice(1), ctx);
  if (group === "system" && action === "prune") {
    const opts = rest.slice(2);
    if (hasLong(opts, "--all", "--volumes") || hasShort(opts, "a")) {
      return judgement(
        "GRD005",
        "deny",
        `${shown} removes ${hasLong(opts, "--volumes") ? "unused volumes (their data) and " : ""}every unused image, container and network.`
      );
    }
    return void 0;
  }
  if (group === "volume" && (action === "rm" || action === "remove" || action === "prune")) {
    const names = positionals(rest.slice(2)).filter((n) => n !== void 0);
    const what = action === "prune" ? "every unused volume" : `volume${names.length > 1 ? "s" : ""} ${names.join(" ") || "(from a substitution)"}`;
    return judgement("GRD005", "deny", `${shown} deletes ${what} and the data in it; volumes cannot be recovered.`, {
      validateFirst: action === "prune" ? "`docker volume ls -f dangling=true`" : `\`docker volume inspect ${names.join(" ") || "<volume>"}\``
    });
  }
  return void 0;
}
function judgeComposeV1(cmd, ctx) {
  return judgeCompose(cmd, cmd.argv, ctx);
}
function judgeCompose(cmd, args, ctx) {
  const pos = positionals(args, COMPOSE_VALUED2);
  const verb = pos[0];
  const shown = quote(cmd.shownText);
  const verbAt = args.indexOf(verb);
  const after = verbAt < 0 ? [] : args.slice(verbAt + 1);
  if (verb === "down" && (hasLong(after, "--volumes") || hasShort(after, "v"))) {
    return judgement("GRD005", "deny", `${shown} removes the project's named volumes and the data in them.`, {
      validateFirst: "`docker compose down` without `-v` keeps the volumes; `docker volume ls` shows them"
    });
  }
  if (verb !== "up" || dryRunOf(after) !== void 0) return void 0;
  const files = [
    ...optionValues(args, ["-f", "--file"]),
    ...(cmd.env.COMPOSE_FILE ?? "").split(/[:;]/).filter(Boolean)
  ];
  const where = protectedTarget(ctx, [
    ...files.map((value) => ({ what: "compose file", value })),
    ...optionValues(args, ["--env-file"]).map((value) => ({ what: "env file", value })),
    { what: "project", value: optionValues(args, ["-p", "--project-name"])[0] ?? cmd.env.COMPOSE_PROJECT_NAME }
  ]);
  if (where === void 0) return void 0;
  const fileArgs = files.map((f) => `-f ${f}`).join(" ");
  return judgement("GRD017", "ask", `${shown} starts the production stack by hand: ${where}.`, {
    validateFirst: `\`docker compose ${fileArgs} config\` to see the resolved configuration`,
    rollback: `\`docker compose ${fileArgs} down\` (without \`-v\`), then redeploy the previous version`
  });
}
function skipOptions(args, valued) {
  let i = 0;
  while (i < args.length) {
    const v = args[i];
    if (v === void 0 || !v.startsWith("-")) break;
    i += valued.has(v) ? 2 : 1;
  }
  return i;
}

// src/guard/judges/files.ts
var SYSTEM_DIRS = /* @__PURE__ */ new Set([
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/home",
  "/lib",
  "/lib64",
  "/opt",
  "/proc",
  "/root",
  "/sbin",
  "/srv",
  "/sys",
  "/usr",
  "/var",
  "/Users",
  "/System",
  "/Applications"
]);
var CATASTROPHIC = /* @__PURE__ */ new Set(["/", "/*", ".", "./*", "..", "../*", "*", ".*", "~", "~/*", "$HOME", "$HOME/*"]);
function judgeRm(cmd) {
  let recursive = false;
  const targets = [];
  let options = true;
  for (const w of cmd.args) {
    const v = w.value;
    if (options && v === "--") {
      options = false;
      continue;
    }
    if (options && v?.startsWith("-") && v !== "-") {
      if (v === "--recursive" || /^-[A-Za-z]+$/.test(v) && /[rR]/.test(v)) recursive = true;
      continue;
    }
    targets.push(w);
  }
  if (!recursive) return void 0;
  const shown = quote(cmd.shownText);
  for (const t of targets) {
    const path = normalisePath(t);
    if (CATASTROPHIC.has(path) || SYSTEM_DIRS.has(path)) {
      return judgement("GRD006", "deny", `${shown} recursively deletes \`${t.raw}\`.`, {
        validateFirst: `\`ls -la ${t.raw}\`, then delete the exact paths by name`
      });
    }
  }
  for (const t of targets) {
    if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\/+\*?$/.test(t.raw.replace(/["']/g, ""))) {
      return judgement(
        "GRD020",
        "ask",
        `${shown} deletes \`${t.raw}\`, which is \`/\` or everything in it when the variable is empty.`
      );
    }
  }
  return void 0;
}
function normalisePath(word) {
  let p = word.raw.replace(/["']/g, "").replace(/\$\{HOME\}/g, "$HOME");
  p = p.replace(/\/{2,}/g, "/");
  if (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  return p;
}

// src/guard/judges/git.ts
var GIT_GLOBAL_VALUED = /* @__PURE__ */ new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"]);
var PUSH_VALUED = /* @__PURE__ */ new Set(["--repo", "-o", "--push-option", "--receive-pack", "--exec"]);
function judgeGit(cmd, ctx) {
  const argv = cmd.argv;
  let i = 0;
  let dir = cmd.cwd;
  while (i < argv.length) {
    const v = argv[i];
    if (v === void 0 || !v.startsWith("-")) break;
    if (v === "-C" && argv[i + 1] !== void 0) dir = resolvePath(argv[i + 1], dir, cmd.env);
    i += GIT_GLOBAL_VALUED.has(v) ? 2 : 1;
  }
  if (argv[i] !== "push") return void 0;
  return judgePush(cmd, argv.slice(i + 1), dir, ctx);
}
function judgePush(cmd, args, dir, ctx) {
  let force = false;
  let deleting = false;
  let everything = false;
  const pos = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === void 0 || !v.startsWith("-")) {
      pos.push(v);
      continue;
    }
    if (PUSH_VALUED.has(v)) i++;
    else if (v === "--force" || v.startsWith("--force-with-lease") || v === "--force-if-includes") force = true;
    else if (v === "--mirror") {
      force = true;
      everything = true;
    } else if (v === "--all" || v === "--branches") everything = true;
    else if (v === "--delete") deleting = true;
    else if (/^-[A-Za-z]+$/.test(v)) {
      if (v.includes("f")) force = true;
      if (v.includes("d")) deleting = true;
    }
  }
  const refspecs = pos.slice(1);
  if (refspecs.some((r) => r?.startsWith("+"))) force = true;
  if (!force && !deleting && !refspecs.some((r) => r?.startsWith(":"))) return void 0;
  const shown = quote(cmd.shownText);
  const isProtected = (branch) => branch === "main" || branch === "master" || ctx.prod.test(branch);
  const targets = everything ? ["every branch"] : targetBranches(refspecs, deleting, () => currentBranch(dir, ctx.files));
  const hit = everything ? "every branch, main included" : targets.find((b) => b !== void 0 && isProtected(b));
  const deletes = deleting || refspecs.some((r) => r?.startsWith(":"));
  if (hit !== void 0) {
    const what = deletes && !force ? "deletes" : "force-pushes (rewrites the history of)";
    return judgement("GRD009", "deny", `${shown} ${what} \`${hit}\` on the remote.`, {
      validateFirst: `\`git fetch && git log HEAD..origin/${everything ? "main" : hit}\` to see the commits that would be lost`
    });
  }
  if (!force) return void 0;
  const unknown = targets.some((b) => b === void 0);
  const names = targets.filter((b) => b !== void 0);
  return judgement(
    "GRD018",
    "ask",
    unknown ? `${shown} force-pushes a branch the guard cannot determine.` : `${shown} rewrites the history of \`${names.join("`, `")}\` on the remote.`,
    {
      validateFirst: `\`git log HEAD..origin/${names[0] ?? "<branch>"}\` to see the commits that would be lost`,
      rollback: `\`git push --force origin <previous-sha>:${names[0] ?? "<branch>"}\` with the old tip from \`git reflog\``
    }
  );
}
function targetBranches(refspecs, deleting, head) {
  if (refspecs.length === 0) return [head()];
  return refspecs.map((r) => {
    if (r === void 0) return void 0;
    const spec = r.replace(/^\+/, "");
    const colon = spec.lastIndexOf(":");
    let dst = colon >= 0 ? spec.slice(colon + 1) : spec;
    if (!deleting && (dst === "HEAD" || dst === "@")) dst = head() ?? "";
    if (dst === "") return void 0;
    return dst.replace(/^refs\/heads\//, "");
  });
}

// src/guard/judges/kubernetes.ts
var KUBECTL_VALUED = /* @__PURE__ */ new Set([
  "-n",
  "--namespace",
  "--context",
  "--kubeconfig",
  "--cluster",
  "--user",
  "-s",
  "--server",
  "--token",
  "--as",
  "--as-group",
  "-f",
  "--filename",
  "-k",
  "--kustomize",
  "-o",
  "--output",
  "-l",
  "--selector",
  "--field-selector",
  "-c",
  "--container",
  "-p",
  "--patch",
  "--type",
  "--replicas",
  "--timeout",
  "--grace-period",
  "--field-manager",
  "--image"
]);
var KUBECTL_READ_ONLY = /* @__PURE__ */ new Set([
  "get",
  "describe",
  "diff",
  "logs",
  "top",
  "explain",
  "api-resources",
  "api-versions",
  "version",
  "cluster-info",
  "config",
  "auth",
  "events",
  "wait",
  "completion",
  "kustomize",
  "plugin",
  "port-forward",
  "proxy",
  "exec",
  "cp",
  "attach",
  "debug"
]);
var KUBECTL_MUTATING = /* @__PURE__ */ new Set([
  "apply",
  "create",
  "delete",
  "patch",
  "scale",
  "replace",
  "edit",
  "set",
  "drain",
  "cordon",
  "uncordon",
  "taint",
  "label",
  "annotate",
  "autoscale",
  "expose",
  "run",
  "rollout",
  "certificate"
]);
function cascadingKind(kind) {
  if (/^(namespaces?|ns)$/.test(kind)) return "namespace";
  if (/^projects?(\.project\.openshift\.io)?$/.test(kind)) return "project";
  if (/^(customresourcedefinitions?|crds?)(\.apiextensions\.k8s\.io)?$/.test(kind)) return "CRD";
  return void 0;
}
function judgeKubectl(cmd, ctx) {
  const argv = cmd.argv;
  const pos = positionals(argv, KUBECTL_VALUED);
  const verb = pos[0];
  if (verb === void 0 || KUBECTL_READ_ONLY.has(verb) || !KUBECTL_MUTATING.has(verb)) return void 0;
  if (verb === "rollout" && !["restart", "undo", "pause", "resume"].includes(pos[1] ?? "")) return void 0;
  const shown = quote(cmd.shownText);
  if (dryRunOf(argv) !== void 0) return void 0;
  if (verb === "delete") {
    const kinds = (pos[1] ?? "").split(",").map((k) => (k.split("/")[0] ?? "").toLowerCase());
    const cascading = kinds.map(cascadingKind).find((k) => k !== void 0);
    const names = [...pos.slice(1).flatMap((p) => p?.includes("/") ? [p.split("/")[1]] : []), ...pos.slice(2)].filter((p) => p !== void 0 && !p.includes("/")).join(" ");
    if (cascading !== void 0) {
      return judgement(
        "GRD003",
        "deny",
        `${shown} deletes ${cascading === "CRD" ? "a CRD and every custom resource of its kind" : `a ${cascading} and everything in it (workloads, PVCs, secrets)`}; Kubernetes has no undelete.`,
        { validateFirst: `\`kubectl get all,pvc,secret -n ${names || "<namespace>"}\` to see what would go` }
      );
    }
    if (hasLong(argv, "--all", "--all-namespaces") || hasShort(argv, "A")) {
      return judgement("GRD003", "deny", `${shown} deletes every ${pos[1] ?? "object"} in its scope at once.`);
    }
  }
  const context = kubectlContext(cmd, ctx);
  const files = optionValues(argv, ["-f", "--filename", "-k", "--kustomize"]);
  const where = protectedTarget(ctx, [
    contextTarget(context),
    ...optionValues(argv, ["-n", "--namespace"]).map((value) => ({ what: "namespace", value })),
    ...files.map((value) => ({ what: "manifest path", value }))
  ]);
  const rollback = kubectlRollback(verb, pos);
  if (where !== void 0) {
    return judgement("GRD013", "ask", `${shown} changes the cluster of a protected target: ${where}.`, { rollback });
  }
  const key = validationKey(verb, argv, pos, context);
  const validated = ctx.prior.some((p) => (p.name === "kubectl" || p.name === "oc") && isValidationOf(p, key, ctx));
  if (validated) {
    return judgement("GRD013", "allow", `${shown} was checked by a diff or dry run earlier in the same command.`, {
      rollback
    });
  }
  return judgement(
    "GRD013",
    "ask",
    `${shown} changes a live cluster${context ? ` (context \`${context.name}\`)` : ""} with no \`kubectl diff\` or \`--dry-run\` of the same target before it.`,
    {
      validateFirst: files.length > 0 ? `\`kubectl diff ${[
        ...optionValues(argv, ["-f", "--filename"]).map((f) => `-f ${f}`),
        ...optionValues(argv, ["-k", "--kustomize"]).map((k) => `-k ${k}`)
      ].join(" ")}\`` : "the same command with `--dry-run=server`",
      rollback
    }
  );
}
function kubectlContext(cmd, ctx) {
  const flag = optionValues(cmd.argv, ["--context"])[0];
  if (flag === void 0 && cmd.kubeContext !== void 0) return { name: cmd.kubeContext, source: "use-context" };
  return resolveKubeContext(
    flag === void 0 ? void 0 : { name: "--context", value: flag },
    optionValues(cmd.argv, ["--kubeconfig"])[0],
    ["KUBECONTEXT", "KUBE_CONTEXT"],
    cmd.env,
    cmd.cwd,
    ctx.files
  );
}
function contextTarget(context) {
  const fromFlag = context?.source.startsWith("--");
  return { what: "context", value: context?.name, source: fromFlag ? void 0 : context?.source };
}
function validationKey(verb, argv, pos, context) {
  const files = optionValues(argv, ["-f", "--filename", "-k", "--kustomize"]).sort();
  const what = files.length > 0 ? `files:${files.join("\0")}` : `${verb}:${pos.slice(1).join("\0")}`;
  return `${context?.name ?? ""}${what}`;
}
function isValidationOf(prior, key, ctx) {
  const pos = positionals(prior.argv, KUBECTL_VALUED);
  const verb = pos[0];
  if (verb === void 0) return false;
  if (verb !== "diff" && dryRunOf(prior.argv) === void 0) return false;
  return validationKey(verb, prior.argv, pos, kubectlContext(prior, ctx)) === key;
}
function kubectlRollback(verb, pos) {
  const slashed = pos.slice(1).find((p) => p?.includes("/"));
  const at = verb === "scale" || verb === "patch" ? 1 : 2;
  const kind = pos[at];
  const name = pos[at + 1];
  const workload = slashed ?? (kind !== void 0 && name !== void 0 ? `${kind}/${name}` : "deployment/<name>");
  switch (verb) {
    case "scale":
      return `\`kubectl scale ${workload} --replicas=<previous count>\``;
    case "rollout":
    case "set":
    case "patch":
      return `\`kubectl rollout undo ${workload}\` (or re-apply the previous manifest from Git)`;
    case "drain":
    case "cordon":
      return "`kubectl uncordon <node>`";
    case "delete":
      return "Re-apply the deleted objects from Git (or let GitOps resync them).";
    default:
      return void 0;
  }
}
var HELM_VALUED = /* @__PURE__ */ new Set([
  "-n",
  "--namespace",
  "--kube-context",
  "--kubeconfig",
  "-f",
  "--values",
  "--set",
  "--set-string",
  "--set-file",
  "--set-json",
  "--version",
  "--timeout",
  "--repo",
  "-o",
  "--output",
  "--post-renderer",
  "--description",
  "--history-max",
  "--revision",
  "--username",
  "--password",
  "--ca-file",
  "--cert-file",
  "--key-file"
]);
var HELM_READ_ONLY = /* @__PURE__ */ new Set([
  "template",
  "lint",
  "diff",
  "list",
  "ls",
  "status",
  "history",
  "get",
  "show",
  "inspect",
  "search",
  "repo",
  "version",
  "dependency",
  "dep",
  "package",
  "pull",
  "fetch",
  "env",
  "verify",
  "plugin",
  "completion",
  "create",
  "test",
  "registry",
  "push"
]);
function judgeHelm(cmd, ctx) {
  const argv = cmd.argv;
  const pos = positionals(argv, HELM_VALUED);
  const verb = pos[0];
  if (verb === void 0 || HELM_READ_ONLY.has(verb) || dryRunOf(argv) !== void 0) return void 0;
  const shown = quote(cmd.shownText);
  const release = pos[1];
  const flag = optionValues(argv, ["--kube-context"])[0];
  const context = resolveKubeContext(
    flag === void 0 ? void 0 : { name: "--kube-context", value: flag },
    optionValues(argv, ["--kubeconfig"])[0],
    ["HELM_KUBECONTEXT", "KUBECONTEXT", "KUBE_CONTEXT"],
    cmd.env,
    cmd.cwd,
    ctx.files
  );
  const effective = flag === void 0 && cmd.kubeContext !== void 0 ? { name: cmd.kubeContext, source: "use-context" } : context;
  const where = protectedTarget(ctx, [
    contextTarget(effective),
    ...optionValues(argv, ["-n", "--namespace"]).map((value) => ({ what: "namespace", value })),
    { what: "release", value: release },
    ...optionValues(argv, ["-f", "--values"]).map((value) => ({ what: "values file", value }))
  ]);
  const releaseName = release ?? "<release>";
  if (["uninstall", "delete", "del", "un"].includes(verb)) {
    if (where !== void 0) {
      return judgement("GRD004", "deny", `${shown} removes a release from a protected target: ${where}.`, {
        validateFirst: `\`helm status ${releaseName}\` and \`helm get manifest ${releaseName}\``
      });
    }
    return judgement("GRD014", "ask", `${shown} removes the release and the resources it owns.`, {
      validateFirst: `\`helm get manifest ${releaseName}\` to see what would be removed`,
      rollback: `\`helm install ${releaseName} <chart> --version <same> -f <same values>\` (or \`helm rollback\` if uninstalled with \`--keep-history\`)`
    });
  }
  if (verb === "rollback") {
    return judgement("GRD014", "ask", `${shown} changes a live release back to an earlier revision.`, {
      validateFirst: `\`helm history ${releaseName}\` to pick the revision`,
      rollback: `\`helm rollback ${releaseName} <the current revision>\``
    });
  }
  if (!["install", "upgrade", "i"].includes(verb)) return void 0;
  const rollback = `\`helm rollback ${releaseName}\` to the previous revision (\`helm history ${releaseName}\`)`;
  const validateFirst = `\`helm diff upgrade ${releaseName} ${pos[2] ?? "<chart>"}\` or the same command with \`--dry-run\``;
  if (where !== void 0) {
    return judgement("GRD014", "ask", `${shown} changes a release on a protected target: ${where}.`, {
      validateFirst,
      rollback
    });
  }
  if (!hasLong(argv, "--atomic", "--rollback-on-failure")) {
    return judgement(
      "GRD014",
      "ask",
      `${shown} has no \`--atomic\`/\`--rollback-on-failure\`: a failed ${verb} leaves the release half-applied.`,
      { validateFirst, rollback }
    );
  }
  return judgement("GRD014", "allow", `${shown} rolls itself back on failure.`, { validateFirst, rollback });
}

// src/guard/judges/terraform.ts
var VALUED = /* @__PURE__ */ new Set([
  "var",
  "var-file",
  "target",
  "replace",
  "out",
  "state",
  "state-out",
  "backup",
  "lock-timeout",
  "parallelism",
  "chdir",
  "terragrunt-working-dir",
  "terragrunt-config"
]);
function parse(argv) {
  const pos = [];
  const opts = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === void 0 || !v.startsWith("-") || v === "-") {
      pos.push(v);
      continue;
    }
    if (v === "--") continue;
    const [flag, value] = v.replace(/^--?/, "").split(/=(.*)/s, 2);
    if (value !== void 0) opts.set(flag, value);
    else if (VALUED.has(flag)) {
      opts.set(flag, argv[i + 1] ?? "");
      i++;
    } else opts.set(flag, "true");
  }
  while (pos[0] === "run-all" || pos[0] === "run") pos.shift();
  return { pos, opts };
}
var isOn = (value) => value !== void 0 && !/^(false|0)$/i.test(value);
function judgeTerraform(cmd, ctx) {
  const { pos, opts } = parse(cmd.argv);
  const verb = pos[0];
  if (verb === void 0 || opts.has("help") || opts.has("h")) return void 0;
  const tool = cmd.name ?? "terraform";
  const shown = quote(cmd.shownText);
  if (verb === "destroy" || verb === "apply" && isOn(opts.get("destroy"))) {
    return judgement(
      "GRD001",
      "deny",
      `${shown} destroys the infrastructure it manages (databases and data included).`,
      {
        validateFirst: `\`${tool} plan -destroy\` and read every resource it would delete`
      }
    );
  }
  if (verb === "apply") {
    const plan = pos[1];
    if (plan === void 0) {
      if (isOn(opts.get("auto-approve"))) {
        return judgement("GRD002", "deny", `${shown} applies an unreviewed plan with no confirmation.`, {
          validateFirst: `\`${tool} plan -out=tfplan\`, review it, then \`${tool} apply tfplan\``
        });
      }
      return judgement("GRD011", "ask", `${shown} computes and applies a plan in one step, with no saved plan file.`, {
        validateFirst: `\`${tool} plan -out=tfplan\` and review it, then \`${tool} apply tfplan\``
      });
    }
    const where = protectedWorkspace(cmd, opts, ctx);
    if (where !== void 0) {
      return judgement("GRD011", "ask", `${shown} applies a saved plan to a protected target: ${where}.`, {
        validateFirst: `\`${tool} show ${plan}\` and review it`
      });
    }
    return judgement("GRD011", "allow", `${shown} applies a saved plan file.`, {
      validateFirst: `\`${tool} show ${plan}\``
    });
  }
  const sub = pos[1];
  const stateChange = verb === "state" && ["rm", "mv", "push", "replace-provider"].includes(sub ?? "") || ["force-unlock", "import", "taint", "untaint", "refresh"].includes(verb) || verb === "workspace" && sub === "delete";
  if (stateChange) {
    const what = verb === "state" || verb === "workspace" ? `${verb} ${sub}` : verb;
    return judgement("GRD012", "ask", `${shown} (\`${tool} ${what}\`) edits Terraform state directly.`, {
      validateFirst: `\`${tool} state pull > state-backup.tfstate\``
    });
  }
  return void 0;
}
function protectedWorkspace(cmd, opts, ctx) {
  const chdir = opts.get("chdir");
  const dir = chdir === void 0 ? cmd.cwd : resolvePath(chdir, cmd.cwd, cmd.env);
  const selected = cmd.env.TF_WORKSPACE === void 0 && cmd.tfWorkspace !== void 0 ? { name: cmd.tfWorkspace, source: "workspace select" } : terraformWorkspace(dir, cmd.env, ctx.files);
  return protectedTarget(ctx, [
    { what: "workspace", value: selected?.name, source: selected?.source },
    { what: "directory", value: chdir },
    { what: "var file", value: opts.get("var-file") },
    { what: "directory", value: basename(cmd.cwd) }
  ]);
}

// src/guard/policy.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { readFileSync as readFileSync2 } from "node:fs";
function defaultGuardPolicy() {
  return { allow: [], deny: [], prodPattern: DEFAULT_PROD_PATTERN };
}
function loadGuardPolicy(cwd) {
  try {
    const path = findConfigFile(cwd);
    if (path === void 0) return defaultGuardPolicy();
    return policyFromConfig((0, import_yaml2.parse)(readFileSync2(path, "utf8"), { maxAliasCount: 50 }));
  } catch {
    return defaultGuardPolicy();
  }
}
function policyFromConfig(doc) {
  const policy = defaultGuardPolicy();
  if (!isRecord(doc)) return policy;
  if (typeof doc.production === "string" && compiles(doc.production, "i")) policy.prodPattern = doc.production;
  const guard = doc.guard;
  if (!isRecord(guard)) return policy;
  policy.allow = stringList(guard.allow);
  policy.deny = stringList(guard.deny);
  return policy;
}
function compilePolicy(policy) {
  const compileAll = (patterns) => {
    const ok = [];
    const broken = [];
    for (const p of patterns ?? []) {
      const re = typeof p === "string" ? tryRegExp(p, "") : void 0;
      if (re) ok.push(re);
      else broken.push(String(p));
    }
    return { ok, broken };
  };
  const allow = compileAll(policy?.allow);
  const deny = compileAll(policy?.deny);
  const prod = tryRegExp(policy?.prodPattern ?? DEFAULT_PROD_PATTERN, "i") ?? new RegExp(DEFAULT_PROD_PATTERN, "i");
  return { allow: allow.ok, deny: deny.ok, brokenDeny: deny.broken, prod };
}
function applyPolicy(command, builtIn, policy) {
  const denied = policy.deny.find((re) => re.test(command.text));
  if (denied) {
    return judgement(
      "GRD090",
      "deny",
      `\`${command.shownText}\` matches the guard.deny pattern /${denied.source}/ of the project.`,
      {
        validateFirst: builtIn.validateFirst,
        rollback: builtIn.rollback
      }
    );
  }
  if (policy.brokenDeny.length > 0 && builtIn.decision !== "deny") {
    return judgement(
      "GRD090",
      "ask",
      `guard.deny pattern ${policy.brokenDeny.map((p) => JSON.stringify(p)).join(", ")} is not a valid regular expression; every command is asked for until it is fixed.`
    );
  }
  if (builtIn.decision === "allow") return builtIn;
  const allowed = policy.allow.find(
    (re) => re.test(command.text) && (builtIn.decision === "ask" || isExplicitFor(re, command))
  );
  if (!allowed) return builtIn;
  return judgement(
    "GRD091",
    "allow",
    `allowed by the guard.allow pattern /${allowed.source}/ of the project (otherwise ${builtIn.decision}, ${builtIn.ruleId}: ${builtIn.reason})`,
    { validateFirst: builtIn.validateFirst, rollback: builtIn.rollback }
  );
}
function isExplicitFor(re, command) {
  const src = re.source;
  const name = command.name;
  if (name === void 0 || !src.startsWith("^") || !/(^|[^\\])\$$/.test(src)) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\/-]/g, (c) => `\\${c}`);
  const head = src.slice(1);
  if (!(head.startsWith(`${name}`) || head.startsWith(escaped))) return false;
  const match = re.exec(command.text);
  return match !== null && match[0] === command.text;
}
function tryRegExp(source, flags) {
  try {
    return new RegExp(source, flags);
  } catch {
    return void 0;
  }
}
function compiles(source, flags) {
  return tryRegExp(source, flags) !== void 0;
}
function stringList(raw) {
  if (typeof raw === "string") return [raw];
  return Array.isArray(raw) ? raw.map((x) => typeof x === "string" ? x : String(x)) : [];
}
function isRecord(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// src/guard/index.ts
var MAX_COMMAND_LENGTH = 256 * 1024;
var JUDGES = {
  terraform: judgeTerraform,
  tofu: judgeTerraform,
  terragrunt: judgeTerraform,
  kubectl: judgeKubectl,
  oc: judgeKubectl,
  helm: judgeHelm,
  docker: judgeDocker,
  podman: judgeDocker,
  "docker-compose": judgeComposeV1,
  "podman-compose": judgeComposeV1,
  rm: judgeRm,
  aws: judgeAws,
  gcloud: judgeGcloud,
  gsutil: judgeGsutil,
  az: judgeAz,
  git: judgeGit,
  psql: judgeSqlClient,
  mysql: judgeSqlClient,
  mariadb: judgeSqlClient,
  sqlite3: judgeSqlClient,
  dropdb: judgeDropTools,
  mysqladmin: judgeDropTools,
  "mariadb-admin": judgeDropTools,
  "redis-cli": judgeDropTools,
  mongo: judgeDropTools,
  mongosh: judgeDropTools
};
function guardCommand(command, options) {
  try {
    return judgeLine(command, options);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return finish(
      judgement("GRD031", "ask", `the guard failed on this command (${message}); confirm it yourself.`),
      []
    );
  }
}
function judgeLine(command, options) {
  if (command.length > MAX_COMMAND_LENGTH) {
    return finish(
      judgement("GRD031", "ask", `the command is ${command.length} characters long, too long for the guard to judge.`),
      []
    );
  }
  const policy = compilePolicy(options.policy);
  const script = parseShell(command);
  const { commands, errors } = collectCommands(script, { cwd: options.cwd, env: options.env ?? process.env });
  const files = new FileFacts();
  const judged = commands.map((cmd, i) => {
    const ctx = { prior: commands.slice(0, i), prod: policy.prod, files };
    return applyPolicy(cmd, judgeOne(cmd, ctx), policy);
  });
  const syntax = script.error?.message ?? errors[0];
  if (syntax !== void 0) {
    judged.push(
      judgement(
        "GRD031",
        "ask",
        `${syntax.replace(/^Shell syntax error: /, "the command does not parse: ")}; the guard cannot tell what it runs.`
      )
    );
  }
  const deciding = mostSevere(judged);
  const shown = commands.map((c) => c.shownText);
  if (deciding !== void 0) return finish(deciding, shown);
  return finish(
    judgement(
      "GRD000",
      "allow",
      commands.length === 0 ? "nothing to run." : "no destructive or production-changing command found."
    ),
    shown
  );
}
function judgeOne(cmd, ctx) {
  if (cmd.opaque !== void 0) return judgement("GRD030", "ask", `${cmd.opaque}; the guard cannot see what it runs.`);
  if (cmd.downloadInto !== void 0) {
    return judgement(
      "GRD010",
      "deny",
      `\`${cmd.shownText}\` downloads a script and pipes it into \`${cmd.downloadInto}\` without saving or verifying it.`
    );
  }
  const own = cmd.name === void 0 ? void 0 : JUDGES[cmd.name]?.(cmd, ctx);
  return own ?? judgeMigration(cmd, ctx) ?? judgement("GRD000", "allow", "no destructive or production-changing command found.");
}
var RANK = { deny: 3, ask: 2, allow: 1 };
function mostSevere(judged) {
  let best;
  let bestRank = -1;
  for (const j of judged) {
    const rank = RANK[j.decision] * 2 + (j.ruleId === "GRD000" ? 0 : 1);
    if (rank > bestRank) {
      best = j;
      bestRank = rank;
    }
  }
  return best?.ruleId === "GRD000" ? void 0 : best;
}
function finish(j, commands) {
  const verdict = { decision: j.decision, ruleId: j.ruleId, reason: redactSecrets(j.reason), commands };
  if (j.validateFirst !== void 0) verdict.validateFirst = redactSecrets(j.validateFirst);
  if (j.rollback !== void 0) verdict.rollback = redactSecrets(j.rollback);
  return verdict;
}

// src/adapters/hook/pre-bash.ts
function verdictText(verdict) {
  const lines = [`proagent-devops guard ${verdict.ruleId}: ${verdict.reason}`];
  if (verdict.validateFirst) lines.push(`Validate first: ${verdict.validateFirst}`);
  if (verdict.rollback) lines.push(`Rollback: ${verdict.rollback}`);
  return capText(lines.join("\n"));
}
function preBash(input, env) {
  const command = toolString(input, "command");
  if (command === void 0) return {};
  const verdict = guardCommand(command, { cwd: input.cwd, env, policy: loadGuardPolicy(input.cwd) });
  if (verdict.decision === "allow") {
    if (!verdict.validateFirst && !verdict.rollback) return {};
    return { hookSpecificOutput: { hookEventName: "PreToolUse", additionalContext: verdictText(verdict) } };
  }
  return {
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision: verdict.decision,
      permissionDecisionReason: verdictText(verdict)
    }
  };
}
export {
  preBash,
  verdictText
};
