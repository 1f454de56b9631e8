import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);

// src/core/redact.ts
function redactValue(value) {
  const visible = value.length > 8 ? value.slice(0, 4) : "";
  return `${visible}****`;
}

// src/secrets/names.ts
var SECRET_WORDS = ["password", "passwd", "passphrase", "secret", "token", "credentials", "pwd"];
var SECRET_LAST_WORDS = ["pass", "pw"];
var SECRET_PAIRS = ["api_key", "apikey", "private_key", "access_key", "secret_key", "client_secret"];
var REFERENCE_SUFFIXES = [
  "file",
  "path",
  "name",
  "ref",
  "param",
  "parameter",
  "id",
  "arn",
  "key_id",
  "env",
  "var",
  "secret_name",
  "length",
  "ttl",
  "expiry",
  "url_env",
  "url",
  "uri",
  "endpoint",
  "store",
  "manager",
  "provider",
  "type",
  "kind",
  "policy",
  "header",
  "field",
  "prefix",
  "format",
  "algorithm",
  "enabled",
  "required",
  "rotation",
  "namespace",
  "selector",
  "count",
  "limit",
  "size",
  "timeout",
  "lifetime",
  "mount",
  "volume"
];
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function isSecretLikeName(name) {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const joined = words.join("_");
  const last = words[words.length - 1];
  if (words[0] === "existing") return false;
  if (REFERENCE_SUFFIXES.some((s) => joined.endsWith(`_${s}`)) && !SECRET_WORDS.includes(last)) {
    return false;
  }
  if (SECRET_PAIRS.some((p) => joined === p || joined.endsWith(`_${p}`) || joined.includes(`${p}_`))) return true;
  if (SECRET_LAST_WORDS.includes(last)) return true;
  return words.some((w) => SECRET_WORDS.includes(w));
}
var PLACEHOLDER_WORDS = [
  "changeme",
  "change_me",
  "change-me",
  "example",
  "placeholder",
  "dummy",
  "test",
  "xxx",
  "redacted",
  "secret",
  "password",
  "your",
  "todo",
  "fixme",
  "none",
  "null",
  "undefined"
];
function isPlaceholderValue(value) {
  const v = value.trim();
  if (v === "") return true;
  if (/^\$\{[^}]*\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return true;
  if (/^\$\{\{.*\}\}$/.test(v)) return true;
  if (/^\{\{.*\}\}$/.test(v) || /^<[^>]*>$/.test(v) || /^%\(.*\)s?$/.test(v)) return true;
  if (/^\*+$/.test(v) || /^x+$/i.test(v) || /^\.+$/.test(v)) return true;
  const lower = v.toLowerCase();
  return PLACEHOLDER_WORDS.some(
    (w) => lower === w || lower.startsWith(`${w}_`) || lower.startsWith(`${w}-`) || lower.includes(w) && lower.length <= w.length + 4
  );
}
function isPureReference(value) {
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^}]*)?\}$/.test(value.trim()) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value.trim());
}

// src/secrets/detect.ts
var PLACEHOLDER_WORDS2 = /example|placeholder|dummy|changeme|change_me|your[_-]|fake|sample|redacted|xxxx|test|\*\*\*|\.\.\./i;
var PLACEHOLDER_MARKERS = new RegExp(`${PLACEHOLDER_WORDS2.source}|[<>{}$]`, "i");
function isPlaceholderToken(value, prefixLength = 0) {
  return PLACEHOLDER_MARKERS.test(value) || /^[xX0*._/-]*$/.test(value.slice(prefixLength));
}
var token = (prefixLength = 0) => (value) => !isPlaceholderToken(value, prefixLength);
function isRealPem(value) {
  const header = value.indexOf("-----", 5);
  const footer = value.lastIndexOf("-----END");
  const body = value.slice(header + 5, footer).replace(/\\n|\\r|\s/g, "");
  if (/\.\.\.|\u2026|[<>{}$]/.test(body)) return false;
  return (body.match(/[A-Za-z0-9+/=]/g)?.length ?? 0) >= 64 && !/^[xX0.*=]+$/.test(body);
}
function schemeStart(text, hit) {
  let i = hit;
  while (i > 0 && i > hit - 16 && /[A-Za-z0-9+]/.test(text[i - 1])) i--;
  return i;
}
var DETECTORS = [
  {
    name: "gcp-service-account-key",
    label: "GCP service-account key",
    trigger: '"private_key"',
    pattern: /"private_key"\s*:\s*"(?<v>-----BEGIN [A-Z ]*PRIVATE KEY-----[^"]{0,16384}?-----END [A-Z ]*PRIVATE KEY-----[^"]{0,8})"/dy,
    accept: (value, text) => /"type"\s*:\s*"service_account"/.test(text) && isRealPem(value)
  },
  {
    name: "private-key",
    label: "PEM private key",
    trigger: "-----BEGIN ",
    pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?:[^-]|-(?!----)){64,16384}?-----END \1PRIVATE KEY\2-----/dy,
    accept: isRealPem
  },
  {
    name: "aws-access-key-id",
    label: "AWS access key ID",
    trigger: String.raw`\b(?:AKIA|ASIA)`,
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/dy,
    accept: token(4)
  },
  {
    name: "aws-secret-access-key",
    label: "AWS secret access key",
    trigger: "(?:[Ss]ecret|SECRET)_?(?:[Aa]ccess|ACCESS)_?(?:[Kk]ey|KEY)|(?:aws|AWS)_?(?:[Ss]ecret|SECRET)_?(?:[Kk]ey|KEY)",
    pattern: /(?:secret_?access_?key|aws_?secret_?key)["']?[ \t]*(?::|=|=>)[ \t]*["']?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/diy,
    accept: (value) => isAwsSecretShaped(value)
  },
  {
    name: "github-token",
    label: "GitHub token",
    trigger: String.raw`\bgh[pousr]_|\bgithub_pat_`,
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{82})\b/dy,
    accept: (value) => !isPlaceholderToken(value, value.startsWith("github_pat_") ? 11 : 4)
  },
  {
    name: "gitlab-token",
    label: "GitLab token",
    trigger: String.raw`\bgl(?:pat|dt|rt)-`,
    pattern: /\bgl(?:pat|dt|rt)-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])/dy,
    accept: (value) => !isPlaceholderToken(value, value.indexOf("-") + 1)
  },
  {
    name: "slack-token",
    label: "Slack token",
    trigger: String.raw`\bxox[abpors]-`,
    pattern: /\bxox[abpors]-\d{1,13}-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])/dy,
    accept: token(5)
  },
  {
    name: "slack-webhook",
    label: "Slack webhook URL",
    trigger: String.raw`hooks\.slack\.com/`,
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<v>T[A-Z0-9]{6,12}\/[A-Za-z0-9/]{20,100})/dy,
    accept: token()
  },
  {
    name: "stripe-live-key",
    label: "Stripe live key",
    trigger: String.raw`\b[sr]k_live_`,
    pattern: /\b[sr]k_live_[A-Za-z0-9]{20,247}\b/dy,
    accept: token(8)
  },
  {
    name: "google-api-key",
    label: "Google API key",
    trigger: String.raw`\bAIza`,
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/dy,
    accept: token(4)
  },
  {
    name: "npm-token",
    label: "npm access token",
    trigger: String.raw`\bnpm_`,
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/dy,
    accept: token(4)
  },
  {
    name: "pypi-token",
    label: "PyPI API token",
    trigger: String.raw`\bpypi-AgE`,
    pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])/dy,
    accept: token(8)
  },
  {
    name: "anthropic-api-key",
    label: "Anthropic API key",
    trigger: String.raw`\bsk-ant-`,
    pattern: /\bsk-ant-[a-z]{3,8}\d{2}-[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/dy,
    accept: token(13)
  },
  {
    name: "openai-api-key",
    label: "OpenAI API key",
    trigger: String.raw`\bsk-(?:proj-|svcacct-|admin-|[A-Za-z0-9]{20}T3Blbk)`,
    pattern: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/dy,
    accept: (value) => !isPlaceholderToken(value, value.indexOf("-", 3) + 1)
  },
  {
    name: "sendgrid-api-key",
    label: "SendGrid API key",
    trigger: String.raw`\bSG\.`,
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/dy,
    accept: token(3)
  },
  {
    name: "twilio-api-key",
    label: "Twilio API key",
    trigger: String.raw`\bSK[0-9a-f]`,
    pattern: /\bSK[0-9a-f]{32}\b/dy,
    accept: token(2)
  },
  {
    name: "azure-storage-key",
    label: "Azure storage account key",
    trigger: "AccountKey=",
    pattern: /AccountKey=(?<v>[A-Za-z0-9+/]{86}==)/dy,
    accept: token()
  },
  {
    name: "database-url-password",
    label: "database URL password",
    trigger: String.raw`[a-z0-9]://[^\s:@/?#"'\x60]*:`,
    startAt: (text, hit) => schemeStart(text, hit + 1),
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|couchdbs?|neo4j(?:\+s)?):\/\/[^\s:@/?#"'`]*:(?<v>[^\s@/?#"'`]+)@[^\s@/?#"'`]/dy,
    accept: isLiteralUrlPassword
  }
];
var TRIGGERS = new RegExp(DETECTORS.map((d) => `(${d.trigger})`).join("|"), "g");
var SECRET_DETECTORS = [
  ...DETECTORS.map(({ name, label }) => ({ name, label })),
  { name: "generic-assignment", label: "hard-coded credential" }
];
function isAwsSecretShaped(value) {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && !isPlaceholderToken(value);
}
var URL_PASSWORD_PLACEHOLDERS = /* @__PURE__ */ new Set(["pass", "pwd", "pw", "passwd", "user", "username", "pass123"]);
function isLiteralUrlPassword(password) {
  if (password.length < 3 || URL_PASSWORD_PLACEHOLDERS.has(password.toLowerCase())) return false;
  if (/[$%]\{|\{\{|^\$|^%s$|[<>*]/.test(password)) return false;
  return !isPlaceholderValue(password) && !/example|changeme|xxx/i.test(password);
}
var AWS_PAIR_WINDOW = 400;
var AWS_SECRET_CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
function findSecrets(text, options = {}) {
  const found = [];
  for (const hit of text.matchAll(TRIGGERS)) {
    const priority = hit.findIndex((g, i) => i > 0 && g !== void 0) - 1;
    const d = DETECTORS[priority];
    if (d === void 0) continue;
    d.pattern.lastIndex = d.startAt ? d.startAt(text, hit.index) : hit.index;
    const m = d.pattern.exec(text);
    if (m === null) continue;
    const [start, end] = m.indices?.groups?.v ?? [m.index, m.index + m[0].length];
    const value = text.slice(start, end);
    if (d.accept && !d.accept(value, text)) continue;
    found.push({ detector: d.name, label: d.label, start, end, value, priority });
  }
  pairAwsSecrets(text, found);
  const mode = options.assignments ?? "all";
  if (mode !== "none") findAssignments(text, mode, found);
  return resolveOverlaps(found);
}
function pairAwsSecrets(text, found) {
  const ids = found.filter((c) => c.detector === "aws-access-key-id");
  const priority = DETECTORS.findIndex((d) => d.name === "aws-secret-access-key");
  for (const id of ids) {
    const from = Math.max(0, id.start - AWS_PAIR_WINDOW);
    const window = text.slice(from, Math.min(text.length, id.end + AWS_PAIR_WINDOW));
    for (const m of window.matchAll(AWS_SECRET_CANDIDATE)) {
      if (!isAwsSecretShaped(m[0])) continue;
      const start = from + m.index;
      if (found.some((c) => c.start === start)) continue;
      found.push({
        detector: "aws-secret-access-key",
        label: "AWS secret access key",
        start,
        end: start + 40,
        value: m[0],
        priority
      });
    }
  }
}
var KEY_ANCHOR = /pass|secret|token|pw|credential|api[_-]?key|private[_-]?key|access[_-]?key/gi;
function isKeyChar(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95 || c === 46 || c === 45;
}
var MIN_ASSIGNED_LENGTH = 8;
var NOT_SECRETS = /* @__PURE__ */ new Set([
  "required",
  "optional",
  "disabled",
  "enabled",
  "generated",
  "inherit",
  "inherited",
  "random",
  "default",
  "undefined",
  "nullable"
]);
function findAssignments(text, mode, found) {
  const priority = DETECTORS.length;
  const anchor = new RegExp(KEY_ANCHOR.source, KEY_ANCHOR.flags);
  for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
    let keyStart = m.index;
    while (keyStart > 0 && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
    let keyEnd = m.index + m[0].length;
    while (keyEnd < text.length && isKeyChar(text.charCodeAt(keyEnd))) keyEnd++;
    anchor.lastIndex = keyEnd;
    const before = text[keyStart - 1];
    if (before === "$" || before === "{" || before === "(") continue;
    let i = keyEnd;
    if ((before === '"' || before === "'") && text[i] === before) i++;
    i = skipBlanks(text, i);
    const op = text.startsWith(":=", i) || text.startsWith("=>", i) ? 2 : text[i] === ":" || text[i] === "=" ? 1 : 0;
    if (op === 0) continue;
    if (op === 1 && text[i] === ":" && !/[ \t"']/.test(text[i + 1] ?? "")) continue;
    const value = readValue(text, skipBlanks(text, i + op), mode);
    if (!value || value.text.length < MIN_ASSIGNED_LENGTH || !isSecretLikeName(text.slice(keyStart, keyEnd))) continue;
    if (!isLiteralSecret(value.text, value.quoted && mode !== "code")) continue;
    if (mode === "code" && !(/[0-9]/.test(value.text) && /[A-Za-z]/.test(value.text))) continue;
    found.push({
      detector: "generic-assignment",
      label: "hard-coded credential",
      start: value.start,
      end: value.start + value.text.length,
      value: value.text,
      key: text.slice(keyStart, keyEnd),
      priority
    });
  }
}
function skipBlanks(text, i) {
  let j = i;
  while (text[j] === " " || text[j] === "	") j++;
  return j;
}
var MAX_ASSIGNED_LENGTH = 1024;
var UNQUOTED_VALUE = /[^\s"'`,;&]{1,1024}/y;
function readValue(text, at, mode) {
  const q = text[at];
  if (q === '"' || q === "'") {
    const limit = Math.min(text.length, at + MAX_ASSIGNED_LENGTH);
    let j = at + 1;
    while (j < limit && text[j] !== q && text[j] !== "\n" && text[j] !== "\r") j += text[j] === "\\" ? 2 : 1;
    if (text[j] !== q) return void 0;
    return { text: text.slice(at + 1, j), start: at + 1, quoted: true };
  }
  if (mode !== "all") return void 0;
  UNQUOTED_VALUE.lastIndex = at;
  let raw = UNQUOTED_VALUE.exec(text)?.[0];
  if (raw === void 0) return void 0;
  while (/[}\])]$/.test(raw) && count(raw, closerOf(raw)) > count(raw, openerOf(raw))) raw = raw.slice(0, -1);
  return raw === "" ? void 0 : { text: raw, start: at, quoted: false };
}
var BRACKETS = { "}": "{", "]": "[", ")": "(" };
var closerOf = (s) => s[s.length - 1];
var openerOf = (s) => BRACKETS[closerOf(s)];
var count = (s, c) => s.split(c).length - 1;
var SECRET_VALUE_WORDS = /* @__PURE__ */ new Set(["password", "passwd", "secret", "secrets", "token", "credentials", "pwd", "key"]);
function isLiteralSecret(value, quoted) {
  if (value.length < MIN_ASSIGNED_LENGTH || /\s/.test(value)) return false;
  if (/\$\{|\{\{|\$\(|#\{|%\{|<%|\{%|\[\[/.test(value)) return false;
  if (!quoted && /^[$%@&*!|>[{(<-]/.test(value)) return false;
  if (/^\$[A-Za-z_{]/.test(value)) return false;
  if (isPlaceholderValue(value) || PLACEHOLDER_WORDS2.test(value)) return false;
  if (/^\d+$/.test(value) || NOT_SECRETS.has(value.toLowerCase())) return false;
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (/^(?:arn|vault|ref\+\w+|op|awssm|gcpsm|azkv|sm|kms|env|file|secretref):/i.test(value)) return false;
  if (/[^\x21-\x7e]/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$-]*|\[[^\]]*\])+$/.test(value) || /^[\w.]+\(.*\)$/.test(value))
    return false;
  if (!quoted && (/[([<>]/.test(value) || /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/.test(value))) return false;
  if (/^[a-z]+(?:[-_][a-z]+)+$/.test(value)) return false;
  if (/^[A-Za-z0-9._/:-]+$/.test(value) && nameWords(value).some((w) => SECRET_VALUE_WORDS.has(w))) return false;
  return true;
}
function resolveOverlaps(found) {
  found.sort((a, b) => a.start - b.start || a.priority - b.priority || b.end - a.end);
  const kept = [];
  for (const c of found) {
    let last = kept[kept.length - 1];
    if (last === void 0 || c.start >= last.end) {
      kept.push(c);
      continue;
    }
    if (c.priority >= last.priority) continue;
    while (last !== void 0 && c.start < last.end && c.priority < last.priority) {
      kept.pop();
      last = kept[kept.length - 1];
    }
    if (last === void 0 || c.start >= last.end) kept.push(c);
  }
  return kept.map(({ priority: _priority, ...m }) => m);
}
var PEM_HEADER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
function redactSecrets(text, extra = []) {
  const spans = [...findSecrets(text), ...extra.filter((e) => e.end > e.start)];
  if (text.includes("PRIVATE KEY")) {
    for (const m of text.matchAll(PEM_HEADER)) {
      let start = m.index + m[0].length;
      while (/\s/.test(text[start] ?? "") || text.startsWith("\\n", start)) start += text[start] === "\\" ? 2 : 1;
      const endAt = text.indexOf("-----END", start);
      let end = endAt < 0 ? text.length : endAt;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (text.slice(start, end).trim() !== "") spans.push({ start, end });
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  let out = "";
  let cursor = 0;
  for (const m of merged) {
    out += text.slice(cursor, m.start) + redactValue(text.slice(m.start, m.end));
    cursor = m.end;
  }
  return out + text.slice(cursor);
}
function isSopsEncrypted(text) {
  if (text.includes("ENC[AES256_GCM,") || text.includes("ENC[AES256_GCM;")) return true;
  if (!text.includes("sops")) return false;
  return /^sops:[ \t]*$/m.test(text) || /"sops"\s*:\s*\{/.test(text) || /^sops_(?:version|mac)=/m.test(text);
}

export {
  redactValue,
  isSecretLikeName,
  isPlaceholderValue,
  isPureReference,
  SECRET_DETECTORS,
  findSecrets,
  redactSecrets,
  isSopsEncrypted
};
