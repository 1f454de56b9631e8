/**
 * `.env` files as Compose reads them (`env_file:`): `KEY=value` lines, optional `export`, quotes, and
 * `#` comments. Every entry keeps the ranges of its key and of its value (without quotes).
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';

export interface DotenvEntry {
  key: string;
  keyRange: Range;
  value: string;
  valueRange: Range;
  /** The quote around the value, '' when unquoted (single-quoted values are not interpolated). */
  quote: '' | '"' | "'";
}

const LINE = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)(.*)$/;

/** Entries of a dotenv file, parsed once and cached on the file. */
export function dotenvEntries(file: SourceFile): DotenvEntry[] {
  return file.cached('dotenv', () => parseDotenv(file));
}

function parseDotenv(file: SourceFile): DotenvEntry[] {
  const out: DotenvEntry[] = [];
  for (let line = 1; line <= file.lineCount; line++) {
    const text = file.lineText(line);
    const m = LINE.exec(text);
    if (!m) continue;
    const lineStart = file.offsetAt({ line, column: 1 });
    const keyStart = lineStart + (m[1] ?? '').length;
    const key = m[2] ?? '';
    const valueStart = keyStart + key.length + (m[3] ?? '').length;
    const { value, start, end, quote } = unquote(m[4] ?? '');
    out.push({
      key,
      keyRange: file.range(keyStart, keyStart + key.length),
      value,
      valueRange: file.range(valueStart + start, valueStart + end),
      quote,
    });
  }
  return out;
}

/** The value of `rest` (text after `=`) and its span in it; an unquoted value ends at ` #`. */
function unquote(rest: string): { value: string; start: number; end: number; quote: DotenvEntry['quote'] } {
  const q = rest[0];
  if (q === '"' || q === "'") {
    const close = rest.indexOf(q, 1);
    if (close > 0) return { value: rest.slice(1, close), start: 1, end: close, quote: q };
  }
  const comment = rest.search(/\s#/);
  const raw = comment >= 0 ? rest.slice(0, comment) : rest;
  const value = raw.trimEnd();
  return { value, start: 0, end: value.length, quote: '' };
}
