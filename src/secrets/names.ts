/**
 * Secret-like names and placeholder values, shared by every rule that asks "is this key a credential
 * set to a literal?" (DKR004, CMP006, K8S009, SEC001, HLM004, TF004 …) so that they agree.
 */

// Name parts from the catalog. Matched on the name split into words, so `TOKEN_TTL` still counts but
// `TOKENIZER_MODEL` does not (word boundary), and `PASSWORD_FILE` / `*_SECRET_NAME` references do not.
const SECRET_WORDS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'credentials', 'pwd'] as const;
/** Short forms that only name a credential as the last word (`DB_PASS`, `SMTP_PW`), not `PASS_THROUGH`. */
const SECRET_LAST_WORDS = ['pass', 'pw'] as const;
const SECRET_PAIRS = ['api_key', 'apikey', 'private_key', 'access_key', 'secret_key', 'client_secret'] as const;

/** Suffixes that make a secret-like name a *reference* to a secret rather than the secret itself. */
const REFERENCE_SUFFIXES = [
  'file',
  'path',
  'name',
  'ref',
  'param',
  'parameter',
  'id',
  'arn',
  'key_id',
  'env',
  'var',
  'secret_name',
  'length',
  'ttl',
  'expiry',
  'url_env',
  'url',
  'uri',
  'endpoint',
  'store',
  'manager',
  'provider',
  'type',
  'kind',
  'policy',
  'header',
  'field',
  'prefix',
  'format',
  'algorithm',
  'enabled',
  'required',
  'rotation',
  'namespace',
  'selector',
  'count',
  'limit',
  'size',
  'timeout',
  'lifetime',
  'mount',
  'volume',
];

/** Splits `GF_SECURITY_ADMIN_PASSWORD`, `adminPassword`, `api-key` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a variable/key name denotes a credential value (not a reference to one). */
export function isSecretLikeName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const joined = words.join('_');
  const last = words[words.length - 1] as string;
  // `existingSecret`, `existing_password_secret`: Helm's convention for naming a Secret to read from.
  if (words[0] === 'existing') return false;
  if (REFERENCE_SUFFIXES.some((s) => joined.endsWith(`_${s}`)) && !SECRET_WORDS.includes(last as never)) {
    return false;
  }
  if (SECRET_PAIRS.some((p) => joined === p || joined.endsWith(`_${p}`) || joined.includes(`${p}_`))) return true;
  if ((SECRET_LAST_WORDS as readonly string[]).includes(last)) return true;
  return words.some((w) => (SECRET_WORDS as readonly string[]).includes(w));
}

const PLACEHOLDER_WORDS = [
  'changeme',
  'change_me',
  'change-me',
  'example',
  'placeholder',
  'dummy',
  'test',
  'xxx',
  'redacted',
  'secret',
  'password',
  'your',
  'todo',
  'fixme',
  'none',
  'null',
  'undefined',
];

/**
 * True for values that are obviously not real credentials: empty, references (`${VAR}`, `$VAR`, `{{ … }}`,
 * `<…>`), and placeholders such as `changeme`, `example`, `xxx`, `dummy`, `test`.
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^\$\{[^}]*\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return true;
  // GitHub/Gitea expressions (`${{ secrets.TOKEN }}`) are references too.
  if (/^\$\{\{.*\}\}$/.test(v)) return true;
  if (/^\{\{.*\}\}$/.test(v) || /^<[^>]*>$/.test(v) || /^%\(.*\)s?$/.test(v)) return true;
  if (/^\*+$/.test(v) || /^x+$/i.test(v) || /^\.+$/.test(v)) return true;
  const lower = v.toLowerCase();
  return PLACEHOLDER_WORDS.some(
    (w) =>
      lower === w ||
      lower.startsWith(`${w}_`) ||
      lower.startsWith(`${w}-`) ||
      (lower.includes(w) && lower.length <= w.length + 4),
  );
}

/** True when a value is a variable reference that carries no literal (`${VAR}`, `${VAR:?msg}`, `$VAR`). */
export function isPureReference(value: string): boolean {
  return (
    /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^}]*)?\}$/.test(value.trim()) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value.trim())
  );
}
