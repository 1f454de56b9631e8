/**
 * The normalised text of a judged command: its words re-quoted as a shell would read them. It is what
 * policy patterns match and, redacted, what verdicts list — a command line can hold a password
 * (`mysql -pS3cret`, `--token=…`, `-H 'Authorization: Bearer …'`), and verdicts end up in hook messages.
 */
import { redactValue } from '../core/redact.js';
import type { ShellWord } from '../parsers/shell.js';
import { redactSecrets } from '../secrets/detect.js';
import { isSecretLikeName } from '../secrets/names.js';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./~^-]+$/;

/** A word as text: literal values re-quoted when needed, expansions as written. */
export function wordText(word: ShellWord): string {
  const v = word.value;
  if (v === undefined) return word.raw;
  if (SAFE_WORD.test(v)) return v;
  return `'${v.replaceAll("'", `'\\''`)}'`;
}

export function commandText(words: readonly ShellWord[]): string {
  return words.map(wordText).join(' ');
}

/** Clients whose `-pVALUE` is a password (`mysql -pS3cret`). */
const ATTACHED_PASSWORD = new Set(['mysql', 'mariadb', 'mysqldump', 'mariadb-dump', 'mysqladmin']);

/**
 * The command text with credentials redacted: secret-named options' values, auth headers, known token formats.
 * The values redacted by position (not by their format) are added to `found`, so that the same value can be
 * redacted where it appears unparsed: in the script of a wrapper (`sh -c 'mysql -pS3cret …'`).
 */
export function redactedCommandText(words: readonly ShellWord[], name: string | undefined, found?: string[]): string {
  const parts: string[] = [];
  let redactNext = false;
  for (const word of words) {
    const text = wordText(word);
    const v = word.value;
    if (redactNext) {
      if (v !== undefined) found?.push(v);
      parts.push(redactValue(text));
      redactNext = false;
      continue;
    }
    if (v !== undefined && /^--?[A-Za-z][\w-]*$/.test(v) && isSecretLikeName(v.replace(/^-+/, ''))) {
      redactNext = true;
      parts.push(text);
      continue;
    }
    const inline = v === undefined ? null : /^(--?[A-Za-z][\w-]*=)(.+)$/s.exec(v);
    if (inline && isSecretLikeName((inline[1] as string).replace(/^-+|=$/g, ''))) {
      found?.push(inline[2] as string);
      parts.push(`${inline[1]}${redactValue(inline[2] as string)}`);
      continue;
    }
    if (name !== undefined && ATTACHED_PASSWORD.has(name) && v !== undefined && /^-p.+/.test(v)) {
      found?.push(v.slice(2));
      parts.push(`-p${redactValue(v.slice(2))}`);
      continue;
    }
    const header = v === undefined ? null : /^((?:proxy-)?authorization:\s*(?:\w+\s+)?)(\S.*)$/is.exec(v);
    if (header) {
      found?.push(header[2] as string);
      parts.push(wordText({ ...word, value: `${header[1]}${redactValue(header[2] as string)}` }));
      continue;
    }
    parts.push(text);
  }
  return redactSecrets(parts.join(' '));
}

/** Too short to replace wherever it occurs without mangling the text (and hardly a credential). */
const MIN_KNOWN_SECRET = 4;

/** `text` with every occurrence of the given values redacted, longest first. */
export function redactKnown(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of [...new Set(values)].sort((a, b) => b.length - a.length)) {
    if (value.length >= MIN_KNOWN_SECRET && out.includes(value)) out = out.replaceAll(value, redactValue(value));
  }
  return out;
}
