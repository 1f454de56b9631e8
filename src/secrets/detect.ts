/**
 * Hard-coded credential detection: precise patterns (prefix, length, charset) plus a few checks, never a
 * generic entropy guess. The engine runs `redactSecrets` over every message and snippet, so scanning is
 * built to be fast on large texts and silent on normal prose: one pass of a combined trigger regex finds
 * where a credential may start, and only there does a detector's precise sticky regex run.
 */
import { redactValue } from '../core/redact.js';
import { isPlaceholderValue, isSecretLikeName, nameWords } from './names.js';

/** One hard-coded credential found in a text, with its offsets in that text. */
export interface SecretMatch {
  /** Detector name, e.g. `aws-access-key-id`. */
  detector: string;
  /** Human label, e.g. `AWS access key ID`. */
  label: string;
  /** Offsets of the secret value: [start, end). */
  start: number;
  end: number;
  value: string;
  /** The key the value is assigned to (`generic-assignment` only). */
  key?: string;
}

/**
 * Which `key = literal` assignments count (the `generic-assignment` detector): `all` (YAML, .env,
 * properties: unquoted values are literals), `quoted` (HCL, JSON: only string literals are literals;
 * `var.x` is an expression), `code` (source code: string literals that also look like a credential, with
 * a digit and a letter, since code is full of `credentials: "include"`), `none` (the file kind has a
 * dedicated rule for secret-like keys).
 */
export type AssignmentMode = 'all' | 'quoted' | 'code' | 'none';

export interface ScanOptions {
  /** Defaults to `all`. */
  assignments?: AssignmentMode;
}

interface Detector {
  name: string;
  label: string;
  /**
   * Regex source (case-sensitive, no capturing groups) of what starts a match: every detector's trigger
   * is joined into one alternation, and the text is scanned once with it (the cheap prefilter).
   */
  trigger: string;
  /**
   * Sticky regex (`dy` flags) run where the trigger matched (or at `startAt`); the secret is the group
   * named `v` when there is one, else the whole match.
   */
  pattern: RegExp;
  /** Where the full pattern starts, when it begins before its trigger (a URL scheme before `://`). */
  startAt?: (text: string, hit: number) => number;
  /** Checks on the value beyond the pattern (placeholders, context). */
  accept?: (value: string, text: string) => boolean;
}

// Documentation and test values: `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`, `sk_live_your_key_here`, `<token>`.
const PLACEHOLDER_WORDS =
  /example|placeholder|dummy|changeme|change_me|your[_-]|fake|sample|redacted|xxxx|test|\*\*\*|\.\.\./i;
const PLACEHOLDER_MARKERS = new RegExp(`${PLACEHOLDER_WORDS.source}|[<>{}$]`, 'i');

/** True when a token-shaped value is a documented example or a filler, judged on its body after `prefix`. */
function isPlaceholderToken(value: string, prefixLength = 0): boolean {
  return PLACEHOLDER_MARKERS.test(value) || /^[xX0*._/-]*$/.test(value.slice(prefixLength));
}

const token =
  (prefixLength = 0) =>
  (value: string): boolean =>
    !isPlaceholderToken(value, prefixLength);

/** A PEM body must hold real key material: at least 64 base64 characters and no ellipsis or template. */
function isRealPem(value: string): boolean {
  const header = value.indexOf('-----', 5);
  const footer = value.lastIndexOf('-----END');
  const body = value.slice(header + 5, footer).replace(/\\n|\\r|\s/g, '');
  if (/\.\.\.|\u2026|[<>{}$]/.test(body)) return false;
  // Encrypted PEM headers (`Proc-Type:`, `DEK-Info:`) precede the base64; count base64 characters only.
  return (body.match(/[A-Za-z0-9+/=]/g)?.length ?? 0) >= 64 && !/^[xX0.*=]+$/.test(body);
}

/** Start of the URL scheme that ends at `hit` (where `://` is). */
function schemeStart(text: string, hit: number): number {
  let i = hit;
  while (i > 0 && i > hit - 16 && /[A-Za-z0-9+]/.test(text[i - 1] as string)) i--;
  return i;
}

// Order is priority: when two matches overlap, the earlier detector (the more specific one) wins.
const DETECTORS: readonly Detector[] = [
  {
    name: 'gcp-service-account-key',
    label: 'GCP service-account key',
    trigger: '"private_key"',
    pattern:
      /"private_key"\s*:\s*"(?<v>-----BEGIN [A-Z ]*PRIVATE KEY-----[^"]{0,16384}?-----END [A-Z ]*PRIVATE KEY-----[^"]{0,8})"/dy,
    accept: (value, text) => /"type"\s*:\s*"service_account"/.test(text) && isRealPem(value),
  },
  {
    name: 'private-key',
    label: 'PEM private key',
    trigger: '-----BEGIN ',
    pattern:
      /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?:[^-]|-(?!----)){64,16384}?-----END \1PRIVATE KEY\2-----/dy,
    accept: isRealPem,
  },
  {
    name: 'aws-access-key-id',
    label: 'AWS access key ID',
    trigger: String.raw`\b(?:AKIA|ASIA)`,
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/dy,
    accept: token(4),
  },
  {
    name: 'aws-secret-access-key',
    label: 'AWS secret access key',
    trigger:
      '(?:[Ss]ecret|SECRET)_?(?:[Aa]ccess|ACCESS)_?(?:[Kk]ey|KEY)|(?:aws|AWS)_?(?:[Ss]ecret|SECRET)_?(?:[Kk]ey|KEY)',
    pattern:
      /(?:secret_?access_?key|aws_?secret_?key)["']?[ \t]*(?::|=|=>)[ \t]*["']?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/diy,
    accept: (value) => isAwsSecretShaped(value),
  },
  {
    name: 'github-token',
    label: 'GitHub token',
    trigger: String.raw`\bgh[pousr]_|\bgithub_pat_`,
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{82})\b/dy,
    accept: (value) => !isPlaceholderToken(value, value.startsWith('github_pat_') ? 11 : 4),
  },
  {
    name: 'gitlab-token',
    label: 'GitLab token',
    trigger: String.raw`\bgl(?:pat|dt|rt)-`,
    pattern: /\bgl(?:pat|dt|rt)-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])/dy,
    accept: (value) => !isPlaceholderToken(value, value.indexOf('-') + 1),
  },
  {
    name: 'slack-token',
    label: 'Slack token',
    trigger: String.raw`\bxox[abpors]-`,
    pattern: /\bxox[abpors]-\d{1,13}-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])/dy,
    accept: token(5),
  },
  {
    name: 'slack-webhook',
    label: 'Slack webhook URL',
    trigger: String.raw`hooks\.slack\.com/`,
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<v>T[A-Z0-9]{6,12}\/[A-Za-z0-9/]{20,100})/dy,
    accept: token(),
  },
  {
    name: 'stripe-live-key',
    label: 'Stripe live key',
    trigger: String.raw`\b[sr]k_live_`,
    pattern: /\b[sr]k_live_[A-Za-z0-9]{20,247}\b/dy,
    accept: token(8),
  },
  {
    name: 'google-api-key',
    label: 'Google API key',
    trigger: String.raw`\bAIza`,
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/dy,
    accept: token(4),
  },
  {
    name: 'npm-token',
    label: 'npm access token',
    trigger: String.raw`\bnpm_`,
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/dy,
    accept: token(4),
  },
  {
    name: 'pypi-token',
    label: 'PyPI API token',
    trigger: String.raw`\bpypi-AgE`,
    pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])/dy,
    accept: token(8),
  },
  {
    name: 'anthropic-api-key',
    label: 'Anthropic API key',
    trigger: String.raw`\bsk-ant-`,
    pattern: /\bsk-ant-[a-z]{3,8}\d{2}-[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/dy,
    accept: token(13),
  },
  {
    name: 'openai-api-key',
    label: 'OpenAI API key',
    trigger: String.raw`\bsk-(?:proj-|svcacct-|admin-|[A-Za-z0-9]{20}T3Blbk)`,
    pattern:
      /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/dy,
    accept: (value) => !isPlaceholderToken(value, value.indexOf('-', 3) + 1),
  },
  {
    name: 'sendgrid-api-key',
    label: 'SendGrid API key',
    trigger: String.raw`\bSG\.`,
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/dy,
    accept: token(3),
  },
  {
    name: 'twilio-api-key',
    label: 'Twilio API key',
    trigger: String.raw`\bSK[0-9a-f]`,
    pattern: /\bSK[0-9a-f]{32}\b/dy,
    accept: token(2),
  },
  {
    name: 'azure-storage-key',
    label: 'Azure storage account key',
    trigger: 'AccountKey=',
    pattern: /AccountKey=(?<v>[A-Za-z0-9+/]{86}==)/dy,
    accept: token(),
  },
  {
    name: 'database-url-password',
    label: 'database URL password',
    trigger: String.raw`[a-z0-9]://[^\s:@/?#"'\x60]*:`,
    startAt: (text, hit) => schemeStart(text, hit + 1),
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|couchdbs?|neo4j(?:\+s)?):\/\/[^\s:@/?#"'`]*:(?<v>[^\s@/?#"'`]+)@[^\s@/?#"'`]/dy,
    accept: isLiteralUrlPassword,
  },
];

// One alternation of every trigger, each in its own capture group: the group that matched names the detector.
const TRIGGERS = new RegExp(DETECTORS.map((d) => `(${d.trigger})`).join('|'), 'g');

/** The detectors this module runs, for docs. */
export const SECRET_DETECTORS: readonly { name: string; label: string }[] = [
  ...DETECTORS.map(({ name, label }) => ({ name, label })),
  { name: 'generic-assignment', label: 'hard-coded credential' },
];

/** AWS secret keys are 40 base64 characters; real ones mix cases and digits (a git SHA does not). */
function isAwsSecretShaped(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && !isPlaceholderToken(value);
}

const URL_PASSWORD_PLACEHOLDERS = new Set(['pass', 'pwd', 'pw', 'passwd', 'user', 'username', 'pass123']);

function isLiteralUrlPassword(password: string): boolean {
  if (password.length < 3 || URL_PASSWORD_PLACEHOLDERS.has(password.toLowerCase())) return false;
  if (/[$%]\{|\{\{|^\$|^%s$|[<>*]/.test(password)) return false;
  return !isPlaceholderValue(password) && !/example|changeme|xxx/i.test(password);
}

// Window around an AWS access key ID in which a 40-character secret counts as its pair.
const AWS_PAIR_WINDOW = 400;
const AWS_SECRET_CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

interface Candidate extends SecretMatch {
  priority: number;
}

/**
 * Finds hard-coded credentials in a text. Pure; no entropy guessing. Matches are sorted by offset and do
 * not overlap (the more specific detector wins).
 */
export function findSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  const found: Candidate[] = [];
  for (const hit of text.matchAll(TRIGGERS)) {
    const priority = hit.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const d = DETECTORS[priority];
    if (d === undefined) continue;
    d.pattern.lastIndex = d.startAt ? d.startAt(text, hit.index) : hit.index;
    const m = d.pattern.exec(text);
    if (m === null) continue;
    const [start, end] = m.indices?.groups?.v ?? [m.index, m.index + m[0].length];
    const value = text.slice(start, end);
    if (d.accept && !d.accept(value, text)) continue;
    found.push({ detector: d.name, label: d.label, start, end, value, priority });
  }
  pairAwsSecrets(text, found);
  const mode = options.assignments ?? 'all';
  if (mode !== 'none') findAssignments(text, mode, found);
  return resolveOverlaps(found);
}

/** A 40-character base64 string near an AWS access key ID is its secret key. */
function pairAwsSecrets(text: string, found: Candidate[]): void {
  const ids = found.filter((c) => c.detector === 'aws-access-key-id');
  const priority = DETECTORS.findIndex((d) => d.name === 'aws-secret-access-key');
  for (const id of ids) {
    const from = Math.max(0, id.start - AWS_PAIR_WINDOW);
    const window = text.slice(from, Math.min(text.length, id.end + AWS_PAIR_WINDOW));
    for (const m of window.matchAll(AWS_SECRET_CANDIDATE)) {
      if (!isAwsSecretShaped(m[0])) continue;
      const start = from + m.index;
      if (found.some((c) => c.start === start)) continue;
      found.push({
        detector: 'aws-secret-access-key',
        label: 'AWS secret access key',
        start,
        end: start + 40,
        value: m[0],
        priority,
      });
    }
  }
}

// Where a secret-like key may be: the regex only finds anchors, `isSecretLikeName` decides on the key.
const KEY_ANCHOR = /pass|secret|token|pw|credential|api[_-]?key|private[_-]?key|access[_-]?key/gi;
/** `[A-Za-z0-9_.-]` by char code (this runs on every anchor hit). */
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
const MIN_ASSIGNED_LENGTH = 8;
const NOT_SECRETS = new Set([
  'required',
  'optional',
  'disabled',
  'enabled',
  'generated',
  'inherit',
  'inherited',
  'random',
  'default',
  'undefined',
  'nullable',
]);

/** `password: literal`, `"api_key": "…"`, `DB_PASS=…`, `token = "…"`: a secret-like key set to a literal. */
function findAssignments(text: string, mode: Exclude<AssignmentMode, 'none'>, found: Candidate[]): void {
  const priority = DETECTORS.length;
  const anchor = new RegExp(KEY_ANCHOR.source, KEY_ANCHOR.flags);
  for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
    let keyStart = m.index;
    while (keyStart > 0 && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
    let keyEnd = m.index + m[0].length;
    while (keyEnd < text.length && isKeyChar(text.charCodeAt(keyEnd))) keyEnd++;
    anchor.lastIndex = keyEnd;
    const before = text[keyStart - 1];
    // `${DB_PASSWORD:-x}`, `$(TOKEN)`, `{{ .Values.password }}`: references, not keys.
    if (before === '$' || before === '{' || before === '(') continue;
    let i = keyEnd;
    if ((before === '"' || before === "'") && text[i] === before) i++;
    i = skipBlanks(text, i);
    const op = text.startsWith(':=', i) || text.startsWith('=>', i) ? 2 : text[i] === ':' || text[i] === '=' ? 1 : 0;
    if (op === 0) continue;
    // YAML needs a blank after `:`; this also skips `image: repo/secret:v1` and `https://token:x@`.
    if (op === 1 && text[i] === ':' && !/[ \t"']/.test(text[i + 1] ?? '')) continue;
    const value = readValue(text, skipBlanks(text, i + op), mode);
    if (!value || value.text.length < MIN_ASSIGNED_LENGTH || !isSecretLikeName(text.slice(keyStart, keyEnd))) continue;
    if (!isLiteralSecret(value.text, value.quoted && mode !== 'code')) continue;
    if (mode === 'code' && !(/[0-9]/.test(value.text) && /[A-Za-z]/.test(value.text))) continue;
    found.push({
      detector: 'generic-assignment',
      label: 'hard-coded credential',
      start: value.start,
      end: value.start + value.text.length,
      value: value.text,
      key: text.slice(keyStart, keyEnd),
      priority,
    });
  }
}

function skipBlanks(text: string, i: number): number {
  let j = i;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return j;
}

// Longer values are not credentials this detector is for (keys and certificates have their own detectors);
// the cap also keeps a 10 MB single-line file linear.
const MAX_ASSIGNED_LENGTH = 1024;
const UNQUOTED_VALUE = /[^\s"'`,;&]{1,1024}/y;

function readValue(
  text: string,
  at: number,
  mode: Exclude<AssignmentMode, 'none'>,
): { text: string; start: number; quoted: boolean } | undefined {
  const q = text[at];
  if (q === '"' || q === "'") {
    const limit = Math.min(text.length, at + MAX_ASSIGNED_LENGTH);
    let j = at + 1;
    while (j < limit && text[j] !== q && text[j] !== '\n' && text[j] !== '\r') j += text[j] === '\\' ? 2 : 1;
    if (text[j] !== q) return undefined;
    return { text: text.slice(at + 1, j), start: at + 1, quoted: true };
  }
  if (mode !== 'all') return undefined;
  UNQUOTED_VALUE.lastIndex = at;
  let raw = UNQUOTED_VALUE.exec(text)?.[0];
  if (raw === undefined) return undefined;
  // A closing bracket of a flow collection (`{password: x}`) is not part of the value; a call's is.
  while (/[}\])]$/.test(raw) && count(raw, closerOf(raw)) > count(raw, openerOf(raw))) raw = raw.slice(0, -1);
  return raw === '' ? undefined : { text: raw, start: at, quoted: false };
}

const BRACKETS: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
const closerOf = (s: string) => s[s.length - 1] as string;
const openerOf = (s: string) => BRACKETS[closerOf(s)] as string;
const count = (s: string, c: string) => s.split(c).length - 1;

const SECRET_VALUE_WORDS = new Set(['password', 'passwd', 'secret', 'secrets', 'token', 'credentials', 'pwd', 'key']);

/** A literal that is neither a reference, an expression, a name of a secret, nor a placeholder. */
/** `literal`: a string literal (quoted in a language where unquoted means an expression or code shape). */
function isLiteralSecret(value: string, quoted: boolean): boolean {
  if (value.length < MIN_ASSIGNED_LENGTH || /\s/.test(value)) return false;
  if (/\$\{|\{\{|\$\(|#\{|%\{|<%|\{%|\[\[/.test(value)) return false;
  if (!quoted && /^[$%@&*!|>[{(<-]/.test(value)) return false;
  if (/^\$[A-Za-z_{]/.test(value)) return false;
  if (isPlaceholderValue(value) || PLACEHOLDER_WORDS.test(value)) return false;
  if (/^\d+$/.test(value) || NOT_SECRETS.has(value.toLowerCase())) return false;
  // Paths, URLs and secret-manager references point at a secret; inline URL credentials have their own detector.
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (/^(?:arn|vault|ref\+\w+|op|awssm|gcpsm|azkv|sm|kms|env|file|secretref):/i.test(value)) return false;
  // Credentials are printable ASCII; prose in other scripts is not one.
  if (/[^\x21-\x7e]/.test(value)) return false;
  // `var.db_password`, `process.env.TOKEN`, `random_password.db.result`, `getenv("X")`: expressions.
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$-]*|\[[^\]]*\])+$/.test(value) || /^[\w.]+\(.*\)$/.test(value))
    return false;
  // Unquoted, a call, an index or a camelCase identifier is code (`equals(a, b)`, `BinaryLike`), not a literal.
  if (!quoted && (/[([<>]/.test(value) || /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/.test(value))) return false;
  // `redis-url`, `same-origin`, `database_url`: names of keys and settings, not credentials.
  if (/^[a-z]+(?:[-_][a-z]+)+$/.test(value)) return false;
  // `db-password-secret`, `GITHUB_TOKEN`, `auth_token`: the name of a secret, not its value.
  if (/^[A-Za-z0-9._/:-]+$/.test(value) && nameWords(value).some((w) => SECRET_VALUE_WORDS.has(w))) return false;
  return true;
}

function resolveOverlaps(found: Candidate[]): SecretMatch[] {
  found.sort((a, b) => a.start - b.start || a.priority - b.priority || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of found) {
    let last = kept[kept.length - 1];
    if (last === undefined || c.start >= last.end) {
      kept.push(c);
      continue;
    }
    if (c.priority >= last.priority) continue;
    // A more specific detector wins; drop the earlier generic matches it overlaps.
    while (last !== undefined && c.start < last.end && c.priority < last.priority) {
      kept.pop();
      last = kept[kept.length - 1];
    }
    if (last === undefined || c.start >= last.end) kept.push(c);
  }
  return kept.map(({ priority: _priority, ...m }) => m);
}

const PEM_HEADER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * Redacts every detected credential in a text (the engine's safety net for messages and snippets),
 * including the body of a private key whose end was cut off (a truncated snippet), plus any `extra`
 * spans the caller knows are sensitive (a finding's own range). Overlapping spans are merged first, so
 * no tail of a credential survives next to a redacted part.
 */
export function redactSecrets(text: string, extra: readonly { start: number; end: number }[] = []): string {
  const spans: { start: number; end: number }[] = [...findSecrets(text), ...extra.filter((e) => e.end > e.start)];
  if (text.includes('PRIVATE KEY')) {
    for (const m of text.matchAll(PEM_HEADER)) {
      let start = m.index + m[0].length;
      // Skip the line break after the header (real or JSON-escaped), so the 4 characters shown are key material.
      while (/\s/.test(text[start] ?? '') || text.startsWith('\\n', start)) start += text[start] === '\\' ? 2 : 1;
      const endAt = text.indexOf('-----END', start);
      let end = endAt < 0 ? text.length : endAt;
      while (end > start && /\s/.test(text[end - 1] as string)) end--;
      if (text.slice(start, end).trim() !== '') spans.push({ start, end });
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  let out = '';
  let cursor = 0;
  for (const m of merged) {
    out += text.slice(cursor, m.start) + redactValue(text.slice(m.start, m.end));
    cursor = m.end;
  }
  return out + text.slice(cursor);
}

/**
 * True for SOPS-encrypted files (YAML/JSON `sops` metadata, dotenv `sops_version=`, `ENC[AES256_GCM,…]`
 * values): their values are ciphertext and safe to commit.
 */
export function isSopsEncrypted(text: string): boolean {
  if (text.includes('ENC[AES256_GCM,') || text.includes('ENC[AES256_GCM;')) return true;
  if (!text.includes('sops')) return false;
  return /^sops:[ \t]*$/m.test(text) || /"sops"\s*:\s*\{/.test(text) || /^sops_(?:version|mac)=/m.test(text);
}
