import { redactValue } from '../core/redact.js';

/** One hard-coded credential found in a text, with its offsets in that text. */
export interface SecretMatch {
  /** Detector name, e.g. `aws-access-key-id`. */
  detector: string;
  /** Human label, e.g. `AWS access key ID`. */
  label: string;
  start: number;
  end: number;
  value: string;
}

interface Detector {
  name: string;
  label: string;
  /** Global regex; the secret is capture group 1 when present, else the whole match. */
  pattern: RegExp;
}

// Minimal first set; the SEC family extends this list (see SEC001).
const DETECTORS: Detector[] = [
  { name: 'aws-access-key-id', label: 'AWS access key ID', pattern: /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g },
  { name: 'github-token', label: 'GitHub token', pattern: /\b((?:gh[pousr]_[A-Za-z0-9]{36,})|github_pat_\w{60,})\b/g },
  {
    name: 'private-key',
    label: 'PEM private key',
    pattern: /(-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----)/g,
  },
];

/** Finds hard-coded credentials in a text. Pure; no entropy guessing. */
export function findSecrets(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const d of DETECTORS) {
    d.pattern.lastIndex = 0;
    for (let m = d.pattern.exec(text); m !== null; m = d.pattern.exec(text)) {
      const value = m[1] ?? m[0];
      const start = m.index + (m[1] === undefined ? 0 : m[0].indexOf(m[1]));
      out.push({ detector: d.name, label: d.label, start, end: start + value.length, value });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Redacts every detected credential in a text (a safety net for messages and snippets). */
export function redactSecrets(text: string): string {
  const matches = findSecrets(text);
  if (matches.length === 0) return text;
  let out = '';
  let last = 0;
  for (const m of matches) {
    if (m.start < last) continue;
    out += text.slice(last, m.start) + redactValue(m.value);
    last = m.end;
  }
  return out + text.slice(last);
}
