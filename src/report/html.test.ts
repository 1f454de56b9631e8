import { describe, expect, it } from 'vitest';
import { SAMPLE_RULES, sampleResult } from '../../test/fixtures/sarif/sample-review.js';
import type { Finding } from '../core/types.js';
import type { HubReport } from '../hub/types.js';
import { MAX_HTML_ROWS, renderHtml } from './html.js';

const options = { rules: SAMPLE_RULES, toolVersion: '1.2.3' };

/** Every URL the page would load by itself (not links a reader may click). */
function loadedUrls(html: string): string[] {
  const tags = [...html.matchAll(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>/gi)].map(
    (m) => m[0],
  );
  const attrs = tags.flatMap((t) => [...t.matchAll(/\b(?:src|href|data)="([^"]*)"/g)].map((m) => m[1] as string));
  const css = [...html.matchAll(/url\(([^)]*)\)|@import\s+([^;]+)/g)].map((m) => (m[1] ?? m[2]) as string);
  // `url(#clip)` names an element of the page itself, not a resource.
  return [...attrs, ...css].filter((u) => !u.startsWith('#'));
}

describe('renderHtml', () => {
  it('is one self-contained document that loads nothing and forbids loading anything', () => {
    const html = renderHtml(sampleResult(), options);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(loadedUrls(html)).toEqual(['data:,']);
    expect(html).toBe(renderHtml(sampleResult(), options));
  });

  it('lists every finding with its snippet, fix, rollback and docs link; escapes everything', () => {
    const result = sampleResult();
    const html = renderHtml(result, options);
    expect((html.match(/<tr data-domain=/g) ?? []).length).toBe(result.findings.length);
    expect(html).toContain('<summary>Base image <code>node</code> | is unpinned</summary>');
    expect(html).toContain('<pre class="snippet"><span class="ln">1</span>FROM node:latest</pre>');
    expect(html).toContain('<h4>Rollback</h4><p>Re-pin to the last known-good tag; never back to latest.</p>');
    expect(html).toContain(
      '<a href="https://github.com/proagent/proagent-devops/blob/main/docs/rules/XMP001.md" rel="noreferrer">',
    );
    const hostile: Finding = {
      ...(result.findings[0] as Finding),
      message: '<img src=x onerror=alert(1)>',
      snippet: '</pre><script>x</script>',
    };
    const escaped = renderHtml({ ...result, findings: [hostile] }, options);
    expect(escaped).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(escaped).toContain('&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(escaped).not.toContain('<img src=x');
  });

  it('hides suppressed findings until asked, and counts only the others', () => {
    const result = sampleResult();
    const first = result.findings[0] as Finding;
    result.findings[0] = { ...first, suppressed: { kind: 'inline', justification: 'base image pinned upstream' } };
    const html = renderHtml(result, options);
    expect(html).toMatch(
      /<tr data-domain="containers" data-severity="error" data-file="Dockerfile" data-suppressed="true" class="suppressed" hidden>/,
    );
    expect(html).toContain('<h4>Suppressed (inline)</h4><p>base image pinned upstream</p>');
    const active = result.findings.filter((f) => !f.suppressed).length;
    expect(html).toContain(`Showing ${active} of ${active} findings`);
  });

  it('caps the table and says how many findings are left out', () => {
    const base = sampleResult();
    const many = Array.from({ length: MAX_HTML_ROWS + 3 }, (_, i) => ({
      ...(base.findings[0] as Finding),
      line: i + 1,
    }));
    const html = renderHtml({ ...base, findings: many }, options);
    expect((html.match(/<tr data-domain=/g) ?? []).length).toBe(MAX_HTML_ROWS);
    expect(html).toContain('3 more findings are not listed here; use <code>--format json</code> for all of them.');
  });

  it('shows an empty state when there is nothing to report', () => {
    const html = renderHtml({ ...sampleResult(), findings: [] }, options);
    expect(html).toContain(
      '<p class="empty" id="f-empty">No findings: everything reviewed follows the conventions.</p>',
    );
    expect(html).toContain('Findings by domain');
  });

  it('with the hub: the overall ring, scores by domain, domain cards, next actions and the method', () => {
    const hub: HubReport = {
      version: 1,
      tool: { name: 'proagent-devops', version: '1.2.3' },
      root: '/work/repo',
      overall: { score: 42, grade: 'D' },
      domains: [
        {
          id: 'containers',
          title: 'Containers & orchestration',
          score: 50,
          grade: 'D',
          status: 'fair',
          artifacts: 2,
          evidence: [{ id: 'dockerfiles', label: 'Dockerfiles', files: ['Dockerfile'] }],
          findings: { error: 1, warning: 0, info: 0 },
          gaps: [],
          breakdown: { findingsScore: 50, penaltyPerArtifact: 10, gapPenalty: 0 },
        },
      ],
      nextActions: [
        {
          rank: 1,
          severity: 'error',
          domain: 'containers',
          blastRadius: 'prod',
          priority: 30,
          title: 'Pin base images to a version (XMP001, 1 finding)',
          ruleId: 'XMP001',
          count: 1,
          files: ['Dockerfile'],
          fix: 'Use `FROM <image>:<version>`.',
          recipe: 'dockerfile',
        },
      ],
      summary: { files: 4, findings: 1, bySeverity: { error: 1, warning: 0, info: 0 }, suppressed: 0 },
      method: 'docs/hub.md',
    };
    const html = renderHtml(sampleResult(), { ...options, hub, title: 'repo' });
    expect(html).toContain('<title>DevOps posture: repo</title>');
    expect(html).toContain('aria-label="Overall score 42 out of 100, grade D"');
    expect(html).toContain('Score by domain');
    expect(html).toContain('<code class="recipe">proagent-devops run dockerfile</code>');
    expect(html).toContain('<button type="button" class="link" data-set-domain="containers">Show 1 finding</button>');
    expect(html).toContain('findings 50 (penalty 10/artifact over 2) − missing 0 = 50');
    expect(html).toContain('How the scores are computed');
    expect(loadedUrls(html)).toEqual(['data:,']);
  });
});
