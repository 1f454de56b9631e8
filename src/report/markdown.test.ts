import { describe, expect, it } from 'vitest';
import {
  cleanResult,
  coreRule,
  PIN_RULE,
  SAMPLE_RULES,
  sampleResult,
} from '../../test/fixtures/sarif/sample-review.js';
import { docsUrl } from '../core/rule.js';
import type { ReviewResult } from '../review.js';
import { escapeMarkdown, MARKDOWN_MARKER, metadataMarkdown, renderMarkdown } from './markdown.js';

const WJ = '\u2060';

function tableRows(md: string): string[] {
  return md.split('\n').filter((l) => /^\| (error|warning|info) \|/.test(l));
}

/** Splits a GFM table row on unescaped pipes, as GitHub does before it parses the cells. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('renderMarkdown', () => {
  it('starts with a marker and a header with counts by severity', () => {
    const md = renderMarkdown(sampleResult(), { rules: SAMPLE_RULES });
    const lines = md.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      MARKDOWN_MARKER,
      '## proagent-devops review',
      '',
      '**3 problems** in 4 files: 2 errors, 0 warnings, 1 info.',
      '',
      '| Errors | Warnings | Infos | Suppressed | Skipped files | Files reviewed |',
      '|---:|---:|---:|---:|---:|---:|',
      '| 2 | 0 | 1 | 2 | 1 | 4 |',
    ]);
    expect(md.endsWith('</details>\n')).toBe(true);
  });

  it('tables unsuppressed findings, most severe first, with rule IDs linked to their docs', () => {
    const rows = tableRows(renderMarkdown(sampleResult(), { rules: SAMPLE_RULES })).map(cells);
    expect(rows).toEqual([
      ['error', `[XMP001](${docsUrl('XMP001')})`, '`Dockerfile:1`', 'Base image \\`node\\` \\| is unpinned'],
      [
        'error',
        `[PDO000](${docsUrl('PDO000')})`,
        '`deploy/my app.yaml:5`',
        'Flow sequence in block collection must be sufficiently indented and end with a \\]',
      ],
      ['info', `[PDO002](${docsUrl('PDO002')})`, '`huge.json:1`', 'Skipped huge.json: larger than 1 MB.'],
    ]);
  });

  it('orders by severity before position', () => {
    const result = sampleResult();
    const info = result.findings.at(-1)!;
    result.findings = [info, ...result.findings.slice(0, -1)];
    const severities = tableRows(renderMarkdown(result, { rules: SAMPLE_RULES })).map((r) => cells(r)[0]);
    expect(severities).toEqual(['error', 'error', 'info']);
  });

  it('caps the table and says how many more there are', () => {
    const md = renderMarkdown(sampleResult(), { rules: SAMPLE_RULES, maxRows: 1 });
    expect(tableRows(md)).toHaveLength(1);
    expect(md).toContain('\n…and 2 more.\n');
    expect(renderMarkdown(sampleResult(), { rules: SAMPLE_RULES })).not.toContain('more.');
  });

  it('caps at 50 rows by default', () => {
    const result = sampleResult();
    const pin = result.findings[0]!;
    result.findings = Array.from({ length: 60 }, (_, i) => ({ ...pin, line: i + 1 }));
    const md = renderMarkdown(result, { rules: SAMPLE_RULES });
    expect(tableRows(md)).toHaveLength(50);
    expect(md).toContain('…and 10 more.');
  });

  it('has a collapsible section per rule with its fix and rollback', () => {
    const md = renderMarkdown(sampleResult(), { rules: SAMPLE_RULES });
    const sections = md.split('<details>').slice(1);
    expect(sections.map((s) => s.split('\n')[1])).toEqual([
      `<summary><code>PDO000</code> ${coreRule('PDO000').title} (1)</summary>`,
      `<summary><code>PDO002</code> ${coreRule('PDO002').title} (1)</summary>`,
      '<summary><code>XMP001</code> Pin base images to a version (1)</summary>',
      '<summary>1 file skipped</summary>',
    ]);
    const pin = sections[2]!;
    expect(pin).toContain(`**Fix.** Use FROM &lt;image&gt;:&lt;version&gt; (and @${WJ}sha256:&lt;digest&gt;`);
    expect(pin).toContain(`**Rollback.** ${PIN_RULE.rollback}`);
    expect(pin).toContain(`**Why.** ${PIN_RULE.rationale}`);
    expect(pin).toContain(`[XMP001 documentation](${docsUrl('XMP001')})`);
    expect(sections[3]).toContain('- `huge.json`: larger than 1 MB');
  });

  it('leaves suppressed findings out of the table and the rule sections', () => {
    const md = renderMarkdown(sampleResult(), { rules: SAMPLE_RULES });
    expect(md).not.toContain('XMP002');
    expect(md).not.toContain('Hardcoded');
  });

  it('falls back to the finding for a rule without metadata', () => {
    const md = renderMarkdown(sampleResult(), { rules: [] });
    expect(md).toContain('<summary><code>XMP001</code> (1)</summary>');
    expect(md).toContain('**Fix.** Use FROM node:20.11.1');
    expect(md).toContain(`**Rollback.** ${PIN_RULE.rollback}`);
  });

  it('renders a clean result', () => {
    expect(renderMarkdown(cleanResult(), { rules: SAMPLE_RULES })).toBe(
      `${MARKDOWN_MARKER}\n## proagent-devops review\n\nNo problems found in 3 files.\n`,
    );
    const onlySuppressed: ReviewResult = {
      ...sampleResult(),
      findings: sampleResult().findings.filter((f) => f.suppressed),
    };
    const md = renderMarkdown(onlySuppressed, { rules: SAMPLE_RULES });
    expect(md).toContain('No problems found in 4 files (2 suppressed, 1 skipped).');
    expect(md).not.toContain('| Severity |');
  });

  it('keeps hostile file names and messages inside their cell', () => {
    const result = sampleResult();
    const pin = result.findings[0]!;
    result.findings = [
      { ...pin, file: 'a|b`c.yml', message: 'x | y `z` <img src=x> [l](http://e) $a$ @team #12\nnext' },
    ];
    const row = tableRows(renderMarkdown(result, { rules: SAMPLE_RULES }))[0]!;
    expect(cells(row)).toHaveLength(4);
    expect(cells(row)[2]).toBe('``a\\|b`c.yml:1``');
    expect(cells(row)[3]).toBe(
      `x \\| y \\\`z\\\` &lt;img src=x&gt; \\[l\\](http://e) \\$a\\$ @${WJ}team #${WJ}12 next`,
    );
  });
});

describe('escapeMarkdown', () => {
  it('escapes pipes and backticks', () => {
    expect(escapeMarkdown('a|b`c`')).toBe('a\\|b\\`c\\`');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdown('Pin node to 20.11.1, then redeploy.')).toBe('Pin node to 20.11.1, then redeploy.');
  });
});

describe('metadataMarkdown', () => {
  it('keeps code spans and Markdown, entity-escapes angle brackets outside code', () => {
    expect(metadataMarkdown('Use `FROM <image>` or **<tag>**')).toBe('Use `FROM <image>` or **&lt;tag&gt;**');
  });
});
