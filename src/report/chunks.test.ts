import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanResult, SAMPLE_RULES, sampleResult } from '../../test/fixtures/sarif/sample-review.js';
import { type ReviewResult, review } from '../review.js';
import { RENDER_FORMATS, type ReportOptions, render, renderChunks } from './index.js';
import { jsonChunks, LazyArray } from './json-chunks.js';

const root = new URL('../..', import.meta.url).pathname;
const options: ReportOptions = { rules: SAMPLE_RULES, toolVersion: '1.2.3' };

const examples = review({ paths: [join(root, 'examples')], root });
const results: [string, () => ReviewResult][] = [
  ['sample', sampleResult],
  ['clean', cleanResult],
  ['examples', () => examples],
];

describe('renderChunks', () => {
  const cases = RENDER_FORMATS.flatMap((format) => results.map(([name, result]) => [format, name, result] as const));

  it.each(cases)('%s chunks of the %s result join to render()', (format, _name, result) => {
    for (const color of [false, true]) {
      const chunks = [...renderChunks(format, result(), { ...options, color })];
      expect(chunks.every((c) => typeof c === 'string')).toBe(true);
      expect(chunks.join('')).toBe(render(format, result(), { ...options, color }));
    }
  });

  it.each(['json', 'sarif'] as const)('%s is exactly JSON.stringify(parsed, null, 2) of itself', (format) => {
    for (const [, result] of results) {
      const out = render(format, result(), options);
      expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    }
  });

  it.each(['text', 'json', 'sarif'] as const)('%s streams a large result in many chunks', (format) => {
    expect(examples.findings.length).toBeGreaterThan(10);
    const chunks = [...renderChunks(format, examples, options)];
    expect(chunks.length).toBeGreaterThan(10);
    // No chunk holds more than one file's (text), one finding's or one rule's (JSON, SARIF) worth of it.
    const total = chunks.join('').length;
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(total / 5);
  });

  it('renders nothing until iterated, and finds a result unchanged', () => {
    const result = sampleResult();
    for (const format of RENDER_FORMATS) [...renderChunks(format, result, options)];
    expect(result).toEqual(sampleResult());
  });
});

/** The value with every array replaced (where `lazy` says so) by a LazyArray of its elements. */
function lazify(value: unknown, lazy: (depth: number) => boolean, depth = 0): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => lazify(v, lazy, depth + 1));
    return lazy(depth) ? new LazyArray(items) : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lazify(v, lazy, depth + 1)]));
  }
  return value;
}

const joined = (value: unknown) => [...jsonChunks(value)].join('');

describe('jsonChunks', () => {
  it('equals JSON.stringify(value, null, 2) whichever arrays are lazy', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (value, pattern) => {
        const expected = `${JSON.stringify(value, null, 2)}\n`;
        expect(joined(value)).toBe(expected);
        expect(joined(lazify(value, () => true))).toBe(expected);
        expect(joined(lazify(value, (d) => pattern[d % pattern.length] as boolean))).toBe(expected);
      }),
    );
  });

  it('omits what JSON.stringify omits, and writes null for it in arrays', () => {
    const value = {
      a: undefined,
      b: new LazyArray([1, undefined, () => 0, { c: undefined, d: new LazyArray([]) }, {}, []]),
      e: () => 0,
      f: { g: new LazyArray([Symbol('x')]) },
      h: new Date(0),
    };
    const plain = {
      a: undefined,
      b: [1, undefined, () => 0, { c: undefined, d: [] }, {}, []],
      e: () => 0,
      f: { g: [Symbol('x')] },
      h: new Date(0),
    };
    expect(joined(value)).toBe(`${JSON.stringify(plain, null, 2)}\n`);
    expect(joined(new LazyArray([]))).toBe('[]\n');
    expect(joined({ only: new LazyArray([]) })).toBe('{\n  "only": []\n}\n');
  });

  it('produces the elements of a lazy array one at a time', () => {
    let seen = '';
    const produced: number[] = [];
    function* items() {
      for (let i = 0; i < 3; i++) {
        // Each element is serialised (and its chunks consumed) before the next one is produced.
        if (i > 0) expect(seen).toContain(`"i": ${i - 1}`);
        expect(seen).not.toContain(`"i": ${i}`);
        produced.push(i);
        yield { i };
      }
    }
    for (const chunk of jsonChunks({ items: new LazyArray(items()) })) seen += chunk;
    expect(produced).toEqual([0, 1, 2]);
    expect(seen).toBe(`${JSON.stringify({ items: [{ i: 0 }, { i: 1 }, { i: 2 }] }, null, 2)}\n`);
  });
});
