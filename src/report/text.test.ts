import { describe, expect, it } from 'vitest';
import { cleanResult, coreRule, sampleResult } from '../../test/fixtures/sarif/sample-review.js';
import type { ReviewResult } from '../review.js';
import { printable, renderText } from './text.js';

const ANSI = /\u001b\[[0-9;]*m/;
const stripAnsi = (s: string) => s.replace(new RegExp(ANSI.source, 'g'), '');

describe('renderText', () => {
  it('groups unsuppressed findings by file with the fix below, then a summary', () => {
    expect(renderText(sampleResult(), { color: false })).toBe(
      [
        'Dockerfile',
        '  1:6  error    XMP001  Base image `node` | is unpinned',
        '       ↳ Use FROM node:20.11.1',
        '',
        'deploy/my app.yaml',
        '  5:1  error    PDO000  Flow sequence in block collection must be sufficiently indented and end with a ]',
        `       ↳ ${coreRule('PDO000').fix}`,
        '',
        'huge.json',
        '  1:1  info     PDO002  Skipped huge.json: larger than 1 MB.',
        `       ↳ ${coreRule('PDO002').fix}`,
        '',
        '3 problems (2 errors, 0 warnings, 1 info) in 4 files, 2 suppressed, 1 skipped.',
        '',
      ].join('\n'),
    );
  });

  it('does not show suppressed findings or snippets', () => {
    const out = renderText(sampleResult(), {});
    expect(out).not.toContain('XMP002');
    expect(out).not.toContain('Hardcoded');
    expect(out).not.toContain('ghp_');
    expect(out).not.toContain('FROM node:latest');
  });

  it('aligns positions and rule IDs within a file', () => {
    const result = sampleResult();
    const pin = result.findings[0]!;
    result.findings.splice(1, 0, { ...pin, line: 12, column: 3, ruleId: 'XMP0010', fix: 'Pin it' });
    const lines = renderText(result, {}).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Dockerfile',
      '  1:6   error    XMP001   Base image `node` | is unpinned',
      '        ↳ Use FROM node:20.11.1',
      '  12:3  error    XMP0010  Base image `node` | is unpinned',
      '        ↳ Pin it',
    ]);
  });

  it('has no ANSI codes unless color is true', () => {
    expect(renderText(sampleResult(), { color: false })).not.toMatch(ANSI);
    expect(renderText(sampleResult(), {})).not.toMatch(ANSI);
    expect(renderText(cleanResult(), {})).not.toMatch(ANSI);
  });

  it('colours severities, dims fixes, and otherwise prints the same text', () => {
    const coloured = renderText(sampleResult(), { color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[36minfo   \u001b[39m');
    expect(coloured).toContain('\u001b[2m       ↳ Use FROM node:20.11.1\u001b[22m');
    expect(stripAnsi(coloured)).toBe(renderText(sampleResult(), { color: false }));
    expect(stripAnsi(renderText(cleanResult(), { color: true }))).toBe(renderText(cleanResult(), {}));
  });

  it('says so when the result is clean', () => {
    expect(renderText(cleanResult(), {})).toBe('No problems found in 3 files.\n');
    const onlySuppressed: ReviewResult = {
      ...sampleResult(),
      findings: sampleResult().findings.filter((f) => f.suppressed),
    };
    expect(renderText(onlySuppressed, {})).toBe('No problems found in 4 files, 2 suppressed, 1 skipped.\n');
    expect(renderText({ ...cleanResult(), files: 1 }, {})).toBe('No problems found in 1 file.\n');
  });

  it('uses singular words for counts of one', () => {
    const result = sampleResult();
    result.findings = result.findings.slice(0, 1);
    result.files = 1;
    expect(renderText(result, {}).trimEnd().split('\n').at(-1)).toBe(
      '1 problem (1 error, 0 warnings, 0 infos) in 1 file, 0 suppressed, 1 skipped.',
    );
  });

  it('neutralises terminal escapes and bidi overrides in paths and messages', () => {
    const result = sampleResult();
    const pin = result.findings[0]!;
    result.findings = [{ ...pin, file: 'evil\u001b[2Jname\u202e.yml', message: 'two\nlines\u0007' }];
    const out = renderText(result, { color: false });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(out).toContain('evil\\u001b[2Jname\\u202e.yml');
    expect(out).toContain('two lines\\u0007');
  });
});

describe('printable', () => {
  it('keeps ordinary text, including non-ASCII', () => {
    expect(printable('naïve ↳ 日本 ✓')).toBe('naïve ↳ 日本 ✓');
    expect(printable('a\tb')).toBe('a b');
  });
});
