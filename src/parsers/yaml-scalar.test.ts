import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { scalarSource } from './yaml-scalar.js';

/** For each value of a one-level map: the source character each value character maps to. */
function mapped(text: string): Record<string, { exact: boolean; chars: string }> {
  const doc = parseDocument(text);
  const out: Record<string, { exact: boolean; chars: string }> = {};
  for (const pair of (doc.contents as YAMLMap).items) {
    const key = String((pair.key as Scalar).value);
    const source = scalarSource(text, pair.value);
    if (!source) continue;
    let chars = '';
    for (let i = 0; i < source.value.length; i++) chars += text[source.offsetOf(i)];
    out[key] = { exact: source.exact, chars };
  }
  return out;
}

describe('scalarSource', () => {
  it('maps plain, quoted and multi-line flow scalars (folded line breaks map to the break)', () => {
    const text = 'plain: a + b\nmulti: sum(x)\n  > 1\nsingle: \'it\'\'s\'\ndouble: "up{job=\\"api\\"}"\n';
    expect(mapped(text)).toEqual({
      plain: { exact: true, chars: 'a + b' },
      multi: { exact: true, chars: 'sum(x)\n> 1' },
      single: { exact: true, chars: "it's" },
      // Each escaped quote maps to its backslash.
      double: { exact: true, chars: 'up{job=\\api\\}' },
    });
  });

  it('maps literal and folded block scalars, with indentation indicators and chomping', () => {
    const text = 'lit: |\n  sum(x)\n    > 1\n\nfold: >-\n  a\n  b\n\n  c\nind: |2\n   x\nkeep: |+\n  k\n\n';
    expect(mapped(text)).toEqual({
      lit: { exact: true, chars: 'sum(x)\n  > 1\n' },
      fold: { exact: true, chars: 'a\nb\nc' },
      ind: { exact: true, chars: ' x\n' },
      keep: { exact: true, chars: 'k\n\n' },
    });
  });

  it('maps escapes and CRLF line ends', () => {
    const text = 'esc: "\\u00e9t\\xe9\\tx"\r\ncrlf: |\r\n  a\r\n  b\r\n';
    expect(mapped(text)).toEqual({
      esc: { exact: true, chars: '\\t\\\\x' },
      // A line break of the value maps to the CR that starts the break in the file.
      crlf: { exact: true, chars: 'a\rb\r' },
    });
  });

  it('points one past the last character at its end', () => {
    const text = 'k: "abc"\n';
    const source = scalarSource(text, (parseDocument(text).contents as YAMLMap).items[0]?.value);
    expect(source?.offsetOf(3)).toBe(7);
  });

  it('ignores non-string scalars and non-scalars', () => {
    const text = 'n: 1\nm: {a: b}\n';
    const items = (parseDocument(text).contents as YAMLMap).items;
    expect(items.map((p) => scalarSource(text, p.value))).toEqual([undefined, undefined]);
  });
});
