import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  FILE_KINDS,
  entries,
  findConfigFile,
  getIn,
  getNode,
  import_yaml,
  items,
  nodeRange,
  parseYaml,
  require_dist,
  require_picomatch,
  scalarString
} from "./hook-chunk-QAS7IXMC.mjs";
import {
  SECRET_DETECTORS,
  __toESM,
  findSecrets,
  isSopsEncrypted,
  redactValue
} from "./hook-chunk-3UVAJDBM.mjs";

// src/core/project.ts
var Project = class {
  files;
  #byPath = /* @__PURE__ */ new Map();
  #byKind = /* @__PURE__ */ new Map();
  #cache = /* @__PURE__ */ new Map();
  /** Every path seen by discovery, including files that were not read (for existence checks). */
  #allPaths;
  /** Files discovery could not read (PDO002 reports them). */
  skipped;
  constructor(files, allPaths = [], skipped = []) {
    this.files = files;
    this.skipped = skipped;
    for (const f of files) {
      this.#byPath.set(f.path, f);
      const list = this.#byKind.get(f.kind);
      if (list) list.push(f);
      else this.#byKind.set(f.kind, [f]);
    }
    this.#allPaths = /* @__PURE__ */ new Set([...allPaths, ...this.#byPath.keys()]);
  }
  ofKind(...kinds) {
    if (kinds.length === 1) return this.#byKind.get(kinds[0]) ?? [];
    return this.files.filter((f) => kinds.includes(f.kind));
  }
  get(path) {
    return this.#byPath.get(path);
  }
  /** True when discovery saw the path (a file that exists in the reviewed tree). */
  has(path) {
    return this.#allPaths.has(path);
  }
  get allPaths() {
    return this.#allPaths;
  }
  cached(key, compute) {
    if (this.#cache.has(key)) return this.#cache.get(key);
    const value = compute();
    this.#cache.set(key, value);
    return value;
  }
};

// src/rules/sec/SEC001-hardcoded-secret.ts
import { posix as posix2 } from "node:path";

// src/core/rule.ts
function defineRule(rule2) {
  if (rule2.scope === "project") return rule2;
  return { ...rule2, scope: "file" };
}
var DOCS_BASE_URL = "https://github.com/proagent/proagent-devops/blob/main/docs/rules/";
function docsUrl(id) {
  return `${DOCS_BASE_URL}${id}.md`;
}

// src/models/k8s.ts
import { posix } from "node:path";

// src/models/interpolation.ts
var BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([^${}]*)\}/;
var BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
var ESCAPED_DOLLAR = "\0";
function interpolate(text) {
  let unresolved = false;
  let current = text.replaceAll("$$", ESCAPED_DOLLAR);
  for (let i = 0; i < 100; i++) {
    const m = BRACED.exec(current);
    if (!m) break;
    const operator = m[2] ?? "";
    const argument = m[3] ?? "";
    let replacement = "";
    if (operator === ":-" || operator === "-") replacement = argument;
    else unresolved = true;
    current = current.slice(0, m.index) + replacement + current.slice(m.index + m[0].length);
  }
  current = current.replace(BARE, () => {
    unresolved = true;
    return "";
  });
  return { value: current.replaceAll(ESCAPED_DOLLAR, "$"), unresolved };
}
function hasReference(text) {
  return /\$\{[A-Za-z_]|\$[A-Za-z_]/.test(text.replaceAll("$$", ""));
}
function variableReferences(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "$") continue;
    if (text[i + 1] === "$") {
      i++;
      continue;
    }
    if (text[i + 1] !== "{") continue;
    const end = matchingBrace(text, i + 1);
    if (end < 0) break;
    const body = text.slice(i + 2, end);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([\s\S]*)$/.exec(body);
    if (m) out.push({ name: m[1] ?? "", operator: m[2] ?? "", argument: m[3] ?? "", start: i, end: end + 1 });
    i = end;
  }
  return out;
}
function matchingBrace(text, open) {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === "{") depth++;
    else if (text[j] === "}" && --depth === 0) return j;
  }
  return -1;
}

// src/models/service-tiers.ts
function parseImageRef(ref) {
  const { value, unresolved } = interpolate(ref.trim());
  let rest = value;
  const out = { repository: "" };
  const at = rest.indexOf("@");
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    if (digest !== "") out.digest = digest;
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf("/");
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      out.registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    const tag = rest.slice(colon + 1);
    if (tag !== "") out.tag = tag;
    rest = rest.slice(0, colon);
  }
  out.repository = rest;
  if (unresolved) out.unresolved = true;
  return out;
}
var DATASTORE_WORDS = /* @__PURE__ */ new Set([
  "postgres",
  "postgresql",
  "postgis",
  "timescaledb",
  "pgbouncer",
  "mysql",
  "mariadb",
  "percona",
  "mssql",
  "mongo",
  "mongodb",
  "redis",
  "valkey",
  "keydb",
  "dragonfly",
  "elasticsearch",
  "opensearch",
  "rabbitmq",
  "kafka",
  "nats",
  "memcached",
  "cassandra",
  "scylla",
  "clickhouse",
  "couchdb",
  "couchbase",
  "neo4j",
  "influxdb",
  "etcd",
  "zookeeper",
  "minio",
  "cockroach",
  "cockroachdb",
  "arangodb",
  "rethinkdb",
  "questdb"
]);
var COMPANION_WORDS = /* @__PURE__ */ new Set([
  "exporter",
  "ui",
  "commander",
  "express",
  "admin",
  "web",
  "console",
  "dashboard",
  "insight",
  "gui",
  "manager",
  "operator",
  "client",
  "cli",
  "browser"
]);
var MONITORING_WORDS = /* @__PURE__ */ new Set([
  "prometheus",
  "grafana",
  "alertmanager",
  "loki",
  "promtail",
  "tempo",
  "mimir",
  "thanos",
  "pushgateway",
  "jaeger",
  "zipkin",
  "cadvisor",
  "victoriametrics",
  "vmagent",
  "kibana",
  "fluentd",
  "fluentbit",
  "netdata",
  "exporter"
]);
var EDGE_PROXY_WORDS = /* @__PURE__ */ new Set(["nginx", "traefik", "haproxy", "caddy", "envoy", "openresty"]);
var FRONTEND_NAME_WORDS = /* @__PURE__ */ new Set(["frontend", "front", "web", "ui", "gateway", "proxy", "ingress", "edge", "www"]);
var DATASTORE_PORTS = /* @__PURE__ */ new Set([
  5432,
  // postgres
  6432,
  // pgbouncer
  3306,
  // mysql / mariadb
  33060,
  // mysql X protocol
  1433,
  // mssql
  6379,
  // redis / valkey
  27017,
  // mongo
  9200,
  // elasticsearch / opensearch
  9300,
  // elasticsearch transport
  5672,
  // rabbitmq
  15672,
  // rabbitmq management
  9092,
  // kafka
  4222,
  // nats
  11211,
  // memcached
  9042,
  // cassandra
  8123,
  // clickhouse http
  9e3,
  // clickhouse native / minio
  5984,
  // couchdb
  7687,
  // neo4j bolt
  8086,
  // influxdb
  2379,
  // etcd
  2181,
  // zookeeper
  26257,
  // cockroachdb
  8529,
  // arangodb
  28015
  // rethinkdb
]);
function imageWords(image) {
  const { repository } = parseImageRef(image);
  const segments = repository.toLowerCase().split("/").filter(Boolean);
  const split = (s) => s.split(/[-_.]+/).filter(Boolean).map((w) => /^[a-z]+\d+$/.test(w) && w !== "neo4j" ? w.replace(/\d+$/, "") : w);
  const name = split(segments[segments.length - 1] ?? "");
  return { name, path: segments.slice(0, -1).flatMap(split) };
}
function isDatastoreImage(image) {
  const { name, path } = imageWords(image);
  if (name.some((w) => COMPANION_WORDS.has(w)) || name.some((w) => MONITORING_WORDS.has(w))) return false;
  if (name.some((w) => DATASTORE_WORDS.has(w))) return true;
  return name.length === 1 && name[0] === "server" && path.some((w) => DATASTORE_WORDS.has(w));
}
function isMonitoringImage(image) {
  const { name, path } = imageWords(image);
  if (name.some((w) => MONITORING_WORDS.has(w))) return true;
  const joined = name.join("-");
  if (joined.includes("opentelemetry-collector") || joined.startsWith("otel-collector")) return true;
  if (joined === "agent" && path.some((w) => w === "grafana" || w === "datadog")) return true;
  return joined === "fluent-bit";
}
function isEdgeProxyImage(image) {
  const { name } = imageWords(image);
  if (name.some((w) => MONITORING_WORDS.has(w))) return false;
  return name.some((w) => EDGE_PROXY_WORDS.has(w));
}
function isFrontendName(name) {
  return name.toLowerCase().split(/[-_.\s]+/).some((w) => FRONTEND_NAME_WORDS.has(w));
}

// src/models/k8s.ts
var WORKLOAD_KINDS = /* @__PURE__ */ new Set([
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "Rollout"
]);
var LONG_RUNNING_KINDS = /* @__PURE__ */ new Set([
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Rollout"
]);
function k8sObjects(file) {
  return file.cached("k8s-objects", () => {
    const out = [];
    for (const d of parseYaml(file).documents) collectObjects(file, d.doc, d.contents, out, 0);
    return out;
  });
}
function collectObjects(file, doc, node, out, depth) {
  if (!(0, import_yaml.isMap)(node) || depth > 4) return;
  const apiVersionNode = getNode(node, "apiVersion", doc);
  const kindNode = getNode(node, "kind", doc);
  const apiVersion = scalarString(apiVersionNode);
  const kind = scalarString(kindNode);
  if (apiVersion === void 0 || kind === void 0) return;
  if (kind === "List" || kind.endsWith("List") && getNode(node, "items", doc) !== void 0) {
    for (const item of items(getNode(node, "items", doc), doc)) collectObjects(file, doc, item, out, depth + 1);
    return;
  }
  const metadata = getNode(node, "metadata", doc);
  const nameNode = getNode(metadata, "name", doc);
  const namespaceNode = getNode(metadata, "namespace", doc);
  const obj = {
    file,
    path: file.path,
    doc,
    node,
    apiVersion,
    apiVersionRange: nodeRange(file, apiVersionNode),
    kind,
    kindRange: nodeRange(file, kindNode),
    name: scalarString(nameNode),
    nameRange: nodeRange(file, scalarString(nameNode) === void 0 ? kindNode : nameNode),
    namespace: scalarString(namespaceNode),
    namespaceRange: namespaceNode ? nodeRange(file, namespaceNode) : void 0,
    labels: stringMap(getNode(metadata, "labels", doc), doc),
    annotations: stringMap(getNode(metadata, "annotations", doc), doc),
    pod: void 0
  };
  obj.pod = readPodSpec(obj);
  out.push(obj);
}
function templatePath(obj) {
  switch (obj.kind) {
    case "Pod":
      return [];
    case "CronJob":
      return ["spec", "jobTemplate", "spec", "template"];
    case "Rollout":
      return obj.apiVersion.startsWith("argoproj.io/") ? ["spec", "template"] : void 0;
    default:
      return WORKLOAD_KINDS.has(obj.kind) ? ["spec", "template"] : void 0;
  }
}
function readPodSpec(obj) {
  const path = templatePath(obj);
  if (!path) return void 0;
  const { doc } = obj;
  const template = path.length === 0 ? obj.node : getIn(obj.node, path, doc);
  const spec = getNode(template, "spec", doc);
  if (!(0, import_yaml.isMap)(spec)) return void 0;
  const saNode = getNode(spec, "serviceAccountName", doc) ?? getNode(spec, "serviceAccount", doc);
  return {
    node: spec,
    labels: stringMap(getIn(template, ["metadata", "labels"], doc), doc),
    securityContext: getNode(spec, "securityContext", doc),
    serviceAccountName: scalarString(saNode),
    serviceAccountNode: saNode,
    automountServiceAccountToken: getNode(spec, "automountServiceAccountToken", doc),
    hostNetwork: getNode(spec, "hostNetwork", doc),
    hostPID: getNode(spec, "hostPID", doc),
    hostIPC: getNode(spec, "hostIPC", doc),
    volumes: items(getNode(spec, "volumes", doc), doc).map((v) => readVolume(obj, v)),
    containers: [
      ...items(getNode(spec, "containers", doc), doc).map((c) => readContainer(obj, c, false)),
      ...items(getNode(spec, "initContainers", doc), doc).map((c) => readContainer(obj, c, true))
    ]
  };
}
function readVolume(obj, node) {
  let hostPath;
  for (const [key, keyNode, value] of entries(node, obj.doc)) {
    if (key === "hostPath" && keyNode) {
      hostPath = { keyNode, path: scalarString(getNode(value, "path", obj.doc)) };
    }
  }
  return { name: scalarString(getNode(node, "name", obj.doc)), node, hostPath };
}
function readContainer(obj, node, init) {
  const { doc, file } = obj;
  const get = (key) => getNode(node, key, doc);
  const nameNode = get("name");
  const imageNode = get("image");
  const image = scalarString(imageNode);
  return {
    name: scalarString(nameNode) ?? "",
    nameRange: nodeRange(file, scalarString(nameNode) !== void 0 ? nameNode : firstKey(node, doc)),
    init,
    node,
    image,
    imageRange: image !== void 0 ? nodeRange(file, imageNode) : void 0,
    securityContext: get("securityContext"),
    livenessProbe: get("livenessProbe"),
    readinessProbe: get("readinessProbe"),
    startupProbe: get("startupProbe"),
    resources: get("resources"),
    env: items(get("env"), doc).flatMap((e) => {
      const n = getNode(e, "name", doc);
      const name = scalarString(n);
      if (name === void 0) return [];
      return [
        {
          name,
          nameRange: nodeRange(file, n),
          value: getNode(e, "value", doc),
          valueFrom: getNode(e, "valueFrom", doc)
        }
      ];
    }),
    ports: items(get("ports"), doc).map((p) => {
      const port = Number(scalarString(getNode(p, "containerPort", doc)));
      return {
        containerPort: Number.isInteger(port) ? port : void 0,
        name: scalarString(getNode(p, "name", doc)),
        node: p
      };
    })
  };
}
function firstKey(node, doc) {
  for (const [, keyNode] of entries(node, doc)) return keyNode;
  return node;
}
function* containersOf(file) {
  for (const obj of k8sObjects(file)) {
    if (!obj.pod) continue;
    for (const container of obj.pod.containers) yield { obj, pod: obj.pod, container };
  }
}
function describeContainer(site) {
  const what = site.container.init ? "init container" : "container";
  const name = site.container.name === "" ? what : `${what} "${site.container.name}"`;
  return `${name} of ${describeObject(site.obj)}`;
}
function stringMap(node, doc) {
  const out = {};
  for (const [key, , value] of entries(node, doc)) {
    const v = scalarString(value);
    if (v !== void 0) out[key] = v;
  }
  return out;
}
function rangeOf(obj, node) {
  return nodeRange(obj.file, node);
}
function field(obj, node, ...path) {
  return getIn(node, path, obj.doc);
}
function effectiveSecurity(obj, pod, container, ...path) {
  const own = field(obj, container.securityContext, ...path);
  if (own !== void 0) return { node: own, level: "container" };
  const inherited = field(obj, pod.securityContext, ...path);
  return inherited !== void 0 ? { node: inherited, level: "pod" } : void 0;
}
var CLUSTER_SCOPED_KINDS = /* @__PURE__ */ new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "CustomResourceDefinition",
  "StorageClass",
  "PriorityClass",
  "IngressClass",
  "RuntimeClass",
  "CSIDriver",
  "CSINode",
  "VolumeAttachment",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "APIService",
  "PodSecurityPolicy",
  "CertificateSigningRequest",
  "ComponentStatus",
  "FlowSchema",
  "PriorityLevelConfiguration",
  "VolumeSnapshotClass",
  "ConstraintTemplate"
]);
var LOCAL_CONFIG_GROUP = /^(kustomize\.config\.k8s\.io|config\.kubernetes\.io|kind\.x-k8s\.io|skaffold\/|k3d\.io)/;
function isNamespaced(obj) {
  if (CLUSTER_SCOPED_KINDS.has(obj.kind) || /^(Cluster|Global)[A-Z]/.test(obj.kind)) return false;
  if (obj.kind === "Config" && obj.apiVersion === "v1") return false;
  return !LOCAL_CONFIG_GROUP.test(obj.apiVersion);
}
function describeObject(obj) {
  return obj.name === void 0 ? obj.kind : `${obj.kind} "${obj.name}"`;
}
var SELECT_ALL = { matchLabels: {}, matchExpressions: [] };
function readSelector(node, doc, keyPrefix) {
  if (node === void 0 || node === null) return void 0;
  const strip = (k) => keyPrefix ? k.replace(keyPrefix, "") : k;
  const matchLabels = {};
  for (const [k, v] of Object.entries(stringMap(getNode(node, "matchLabels", doc), doc))) matchLabels[strip(k)] = v;
  const matchExpressions = items(getNode(node, "matchExpressions", doc), doc).map((e) => ({
    key: strip(scalarString(getNode(e, "key", doc)) ?? ""),
    operator: scalarString(getNode(e, "operator", doc)) ?? "",
    values: items(getNode(e, "values", doc), doc).flatMap((v) => scalarString(v) ?? [])
  }));
  return { matchLabels, matchExpressions };
}
function selectorMatches(selector, labels) {
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions) {
    const value = labels[e.key];
    switch (e.operator) {
      case "In":
        if (value === void 0 || !e.values.includes(value)) return false;
        break;
      case "NotIn":
        if (value !== void 0 && e.values.includes(value)) return false;
        break;
      case "Exists":
        if (value === void 0) return false;
        break;
      case "DoesNotExist":
        if (value !== void 0) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
function imageName(image) {
  const ref = parseImageRef(image);
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
function joinPath(dir, rel) {
  return posix.normalize(posix.join(dir, rel)).replace(/\/+$/, "");
}

// src/rules/sec/SEC001-hardcoded-secret.ts
var DEDICATED_KINDS = /* @__PURE__ */ new Set([
  "dockerfile",
  "compose",
  "terraform",
  "helm-values",
  "kustomization",
  "jenkinsfile"
]);
var QUOTED_KINDS = /* @__PURE__ */ new Set(["json", "grafana-dashboard", "terraform-json", "tfvars"]);
var PROSE_EXTENSIONS = /* @__PURE__ */ new Set(["md", "markdown", "mdx", "txt", "rst", "adoc", "html", "htm", "csv", "log", "svg"]);
var CODE_EXTENSIONS = new Set(
  "c h cc cpp hpp cs fs php rs swift scala groovy gradle kts lua pl pm r dart ex exs erl clj vue svelte".split(" ")
);
var XML_EXTENSIONS = /* @__PURE__ */ new Set(["xml", "config", "csproj", "plist"]);
function assignmentModeFor(file) {
  if (DEDICATED_KINDS.has(file.kind)) return "none";
  if (QUOTED_KINDS.has(file.kind)) return "quoted";
  if (file.kind === "source") return "code";
  if (file.kind !== "text") return "all";
  const ext = posix2.extname(file.path).slice(1).toLowerCase();
  if (PROSE_EXTENSIONS.has(ext)) return "none";
  if (CODE_EXTENSIONS.has(ext)) return "code";
  if (XML_EXTENSIONS.has(ext)) return "quoted";
  return "all";
}
function secretDataSpans(file) {
  const spans = [];
  for (const obj of k8sObjects(file)) {
    if (obj.kind !== "Secret") continue;
    for (const [key, , value] of entries(obj.node, obj.doc)) {
      const range = value?.range;
      if ((key === "data" || key === "stringData") && range) spans.push([range[0], range[1]]);
    }
  }
  return spans;
}
var rule = defineRule({
  id: "SEC001",
  title: "Hard-coded credential",
  severity: "error",
  domain: "secrets",
  kinds: FILE_KINDS,
  rationale: "A credential in a repository is readable by everyone with read access, forever: forks, clones, CI logs and git history keep it after the line is deleted. Treat it as leaked.",
  fix: "Rotate the credential now (assume it leaked), delete it from the file, and read it at runtime from a secret manager, a CI secret or an environment variable reference (`${VAR}`). Purge it from git history if the repository is shared.",
  peers: ["gitleaks", "secretlint", "trivy:secret", "checkov:CKV_SECRET_*"],
  notes: `Detectors: ${SECRET_DETECTORS.map((d) => `\`${d.name}\``).join(", ")}. Each one is a precise pattern (prefix, length, charset) plus checks, never an entropy guess. Not reported: placeholders and documented examples (\`AKIAIOSFODNN7EXAMPLE\`, \`changeme\`, \`xxx\`, \`dummy\`, \`test\`, \`<token>\`), references (\`\${VAR}\`, \`\${{ secrets.X }}\`, \`{{ .Values.x }}\`, \`var.x\`, \`secretKeyRef\`), and SOPS-encrypted files. The generic \`password\`/\`secret\`/\`token\` = literal check (min. 8 characters) runs on YAML, JSON, HCL variables files, .env, properties/ini and code string literals; it stays quiet in Dockerfiles, Compose, Terraform, Helm values, Kustomize and Jenkinsfiles, whose own rules (DKR004, CMP006, TF004, HLM004, KUS003, JNK003) report those, in prose files (Markdown, text), and in Kubernetes Secret \`data\` (SEC003). The value is shown redacted: its first 4 characters, then \`****\`.`,
  check(file, ctx) {
    if (isSopsEncrypted(file.text)) return;
    let matches = findSecrets(file.text, { assignments: assignmentModeFor(file) });
    if (file.kind === "k8s" && matches.some((m) => m.detector === "generic-assignment")) {
      const spans = secretDataSpans(file);
      matches = matches.filter(
        (m) => m.detector !== "generic-assignment" || !spans.some(([s, e]) => m.start >= s && m.end <= e)
      );
    }
    for (const m of matches) {
      const shown = redactValue(m.value);
      const message = m.key !== void 0 ? `\`${m.key}\` is set to a literal credential (${shown}; detector ${m.detector}).` : `Hard-coded ${m.label} ${shown} (detector ${m.detector}).`;
      ctx.report({ range: file.range(m.start, m.end), message });
    }
  }
});

// src/workspace/classify.ts
import { posix as posix3 } from "node:path";
var BINARY_EXTENSIONS = new Set(
  "png jpg jpeg gif bmp ico webp svgz tiff psd pdf zip gz tgz bz2 xz 7z rar jar war ear class so dylib dll exe bin o a woff woff2 ttf otf eot mp3 mp4 mov avi mkv wav flac ogg webm wasm pyc pyo db sqlite sqlite3 parquet avro orc iso img dmg deb rpm apk msi lock-binary".split(" ")
);
var SOURCE_EXTENSIONS = /* @__PURE__ */ new Set([
  "js",
  "mjs",
  "cjs",
  "jsx",
  "ts",
  "mts",
  "cts",
  "tsx",
  "py",
  "go",
  "java",
  "kt",
  "rb"
]);
var ALWAYS_IGNORED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", ".terraform", ".venv", "__pycache__"]);
function isBinaryByName(path) {
  const ext = posix3.extname(path).slice(1).toLowerCase();
  return BINARY_EXTENSIONS.has(ext);
}
function kindByName(path, chartDirs = /* @__PURE__ */ new Set()) {
  const base = posix3.basename(path);
  const lower = base.toLowerCase();
  const ext = posix3.extname(lower).slice(1);
  if (lower === "dockerfile" || lower === "containerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile") || lower.endsWith(".containerfile")) {
    return "dockerfile";
  }
  if (lower === ".dockerignore" || lower.endsWith(".dockerignore")) return "dockerignore";
  if (lower === "jenkinsfile" || lower.startsWith("jenkinsfile.") || lower.endsWith(".jenkinsfile")) {
    return "jenkinsfile";
  }
  if (lower.endsWith(".tf")) return "terraform";
  if (lower.endsWith(".tf.json")) return "terraform-json";
  if (lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")) return "tfvars";
  if (lower === ".env" || lower.startsWith(".env.") || lower.endsWith(".env")) return "dotenv";
  const chartDir = findChartDir(path, chartDirs);
  if (chartDir !== void 0) {
    const rel = chartDir === "" ? path : path.slice(chartDir.length + 1);
    if (rel === "Chart.yaml") return "helm-chart";
    if (rel.startsWith("templates/")) return "helm-template";
    if (/^values[^/]*\.ya?ml$/i.test(rel)) return "helm-values";
  }
  if (lower === "chart.yaml") return "helm-chart";
  if (ext === "yml" || ext === "yaml") {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(path)) return "github-workflow";
    if (lower === "action.yml" || lower === "action.yaml") return "github-action";
    if (lower === ".gitlab-ci.yml" || lower.endsWith(".gitlab-ci.yml")) return "gitlab-ci";
    if (lower === "kustomization.yaml" || lower === "kustomization.yml") return "kustomization";
    if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(lower)) return "compose";
    return "by-content";
  }
  if (lower === "kustomization") return "kustomization";
  if (ext === "json") return "by-content";
  if (SOURCE_EXTENSIONS.has(ext)) return "source";
  return "text";
}
function findChartDir(path, chartDirs) {
  if (chartDirs.size === 0) return void 0;
  let dir = posix3.dirname(path);
  for (; ; ) {
    const key = dir === "." ? "" : dir;
    if (chartDirs.has(key)) return key;
    if (dir === "." || dir === "/" || dir === "") return void 0;
    dir = posix3.dirname(dir);
  }
}
function yamlKindByContent(text) {
  const has = (re) => re.test(text);
  if (has(/^kind:\s*["']?PrometheusRule\b/m)) return "prometheus-rules";
  if (has(/^apiVersion:\s*\S/m) && has(/^kind:\s*\S/m)) return "k8s";
  if (has(/^groups:\s*$/m) && has(/^\s*-?\s*(alert|record):\s*\S/m)) return "prometheus-rules";
  if (has(/^scrape_configs:/m) || has(/^global:/m) && has(/^(rule_files|alerting):/m)) return "prometheus-config";
  if (has(/^route:/m) && has(/^receivers:/m)) return "alertmanager-config";
  if (has(/^services:\s*$/m) && has(/^\s{2,}(image|build):/m)) return "compose";
  if (has(/^["']?on["']?:/m) && has(/^jobs:\s*$/m)) return "github-workflow";
  if (has(/^stages:\s*$/m) || has(/^\s+script:\s*/m)) {
    if (has(/^[\w.-]+:\s*\n(\s+.*\n)*?\s+script:/m)) return "gitlab-ci";
  }
  return "yaml";
}
function jsonKindByContent(text) {
  const head = text.length > 2e5 ? text.slice(0, 2e5) : text;
  if (/"panels"\s*:/.test(head) && /"(schemaVersion|dashboard|title)"\s*:/.test(head)) return "grafana-dashboard";
  return "json";
}
function classify(path, text, chartDirs) {
  const byName = kindByName(path, chartDirs);
  if (byName !== "by-content") return byName;
  const lower = path.toLowerCase();
  return lower.endsWith(".json") ? jsonKindByContent(text) : yamlKindByContent(text);
}

// src/adapters/hook/settings.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var import_yaml4 = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, sep } from "node:path";
var KNOWN_KEYS = /* @__PURE__ */ new Set(["stopOnErrors", "allowSecretsIn"]);
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function readConfigData(path) {
  return (0, import_yaml4.parse)(readFileSync(path, "utf8"), { maxAliasCount: 50 }) ?? {};
}
function loadHookSettings(projectDir2) {
  const settings = { stopOnErrors: true, allowSecretsIn: [], warnings: [] };
  const path = findConfigFile(projectDir2);
  if (path === void 0) return settings;
  settings.configPath = path;
  let data;
  try {
    data = readConfigData(path);
  } catch (error) {
    settings.warnings.push(
      `${path} is not valid YAML (${error.message.split("\n")[0]}); hooks use defaults`
    );
    return settings;
  }
  const section = isRecord(data) ? data.hooks : void 0;
  if (section === void 0 || section === null) return settings;
  if (!isRecord(section)) {
    settings.warnings.push(`${path}: hooks must be a mapping; hooks use defaults`);
    return settings;
  }
  for (const key of Object.keys(section)) {
    if (!KNOWN_KEYS.has(key)) settings.warnings.push(`${path}: unknown key hooks.${key} (ignored)`);
  }
  if (section.stopOnErrors !== void 0) {
    if (typeof section.stopOnErrors === "boolean") settings.stopOnErrors = section.stopOnErrors;
    else settings.warnings.push(`${path}: hooks.stopOnErrors must be true or false (using true)`);
  }
  const allow = section.allowSecretsIn;
  if (allow !== void 0) {
    if (Array.isArray(allow) && allow.every((g) => typeof g === "string")) settings.allowSecretsIn = allow;
    else settings.warnings.push(`${path}: hooks.allowSecretsIn must be a list of globs (ignored)`);
  }
  return settings;
}
function secretsAllowedIn(settings, absPath) {
  if (settings.allowSecretsIn.length === 0 || settings.configPath === void 0) return false;
  const rel = relative(dirname(settings.configPath), absPath);
  if (rel.startsWith("..") || isAbsolute(rel)) return false;
  return (0, import_picomatch.default)(settings.allowSecretsIn, { dot: true })(rel.split(sep).join("/"));
}

// src/adapters/hook/state.ts
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync as readFileSync2, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
function dataDir(env) {
  const configured = env.CLAUDE_PLUGIN_DATA;
  if (configured !== void 0 && configured !== "") return resolve(configured);
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return join(tmpdir(), `proagent-devops-hook-${user}`);
}
function projectDir(input, env) {
  const configured = env.CLAUDE_PROJECT_DIR;
  return resolve(configured !== void 0 && configured !== "" ? configured : input.cwd);
}
function keyFileName(key) {
  return createHash("sha256").update(key).digest("hex").slice(0, 24);
}
function readState(path) {
  try {
    return JSON.parse(readFileSync2(path, "utf8"));
  } catch {
    return void 0;
  }
}
function writeState(path, value) {
  mkdirSync(join(path, ".."), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}
function sessionDir(env, sessionId) {
  return join(dataDir(env), "sessions", keyFileName(sessionId || "no-session"));
}
function recordChangedFile(env, sessionId, absPath) {
  const dir = join(sessionDir(env, sessionId), "changed");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, keyFileName(absPath)), absPath);
}
function changedFiles(env, sessionId) {
  const dir = join(sessionDir(env, sessionId), "changed");
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const paths = /* @__PURE__ */ new Set();
  for (const name of names) {
    try {
      paths.add(readFileSync2(join(dir, name), "utf8"));
    } catch {
    }
  }
  return [...paths].sort();
}
function blockedOn(env, sessionId) {
  const raw = readState(join(sessionDir(env, sessionId), "stop.json"));
  const list = raw?.blockedOn;
  return Array.isArray(list) ? list.filter((s) => typeof s === "string") : [];
}
function recordBlockedOn(env, sessionId, fingerprints) {
  writeState(join(sessionDir(env, sessionId), "stop.json"), { blockedOn: fingerprints });
}

export {
  Project,
  defineRule,
  docsUrl,
  interpolate,
  hasReference,
  variableReferences,
  parseImageRef,
  DATASTORE_PORTS,
  isDatastoreImage,
  isMonitoringImage,
  isEdgeProxyImage,
  isFrontendName,
  LONG_RUNNING_KINDS,
  k8sObjects,
  containersOf,
  describeContainer,
  stringMap,
  rangeOf,
  field,
  effectiveSecurity,
  isNamespaced,
  describeObject,
  SELECT_ALL,
  readSelector,
  selectorMatches,
  imageName,
  joinPath,
  rule,
  ALWAYS_IGNORED_DIRS,
  isBinaryByName,
  kindByName,
  classify,
  readConfigData,
  loadHookSettings,
  secretsAllowedIn,
  dataDir,
  projectDir,
  keyFileName,
  readState,
  writeState,
  recordChangedFile,
  changedFiles,
  blockedOn,
  recordBlockedOn
};
