import { describe, expect, it } from 'vitest';
import { cleanResult, sampleResult } from '../../test/fixtures/sarif/sample-review.js';
import { renderJson, summarize } from './json.js';

const ZERO_DOMAINS = {
  cicd: 0,
  containers: 0,
  iac: 0,
  observability: 0,
  incident: 0,
  cloud: 0,
  secrets: 0,
  gitops: 0,
  cost: 0,
};

describe('renderJson', () => {
  it('renders the version 1 schema with counts of unsuppressed findings only', () => {
    const report = JSON.parse(renderJson(sampleResult(), { toolVersion: '1.2.3' }));
    expect(report).toEqual({
      version: 1,
      tool: { name: 'proagent-devops', version: '1.2.3' },
      root: '/work/repo',
      summary: {
        files: 4,
        findings: 3,
        bySeverity: { error: 2, warning: 0, info: 1 },
        byDomain: { ...ZERO_DOMAINS, cicd: 2, containers: 1 },
        suppressed: 2,
        durationMs: 12,
      },
      findings: sampleResult().findings,
      skipped: [{ file: 'huge.json', reason: 'larger than 1 MB' }],
    });
  });

  it('keeps suppressed findings with their suppression', () => {
    const report = JSON.parse(renderJson(sampleResult(), { toolVersion: '1.2.3' }));
    const suppressed = report.findings.filter((f: { suppressed?: unknown }) => f.suppressed);
    expect(suppressed.map((f: { fingerprint: string; suppressed: unknown }) => [f.fingerprint, f.suppressed])).toEqual([
      ['bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', { kind: 'inline', justification: 'fixture token for the tests' }],
      ['dddddddddddddddddddddddddddddddd', { kind: 'baseline', justification: 'accepted in baseline' }],
    ]);
  });

  it('uses a stable key order, 2-space indentation and a trailing newline', () => {
    const result = sampleResult();
    // Built in another key order than the documented one: the output must not depend on it.
    const first = result.findings[0]!;
    const { ruleId, ...rest } = first;
    result.findings[0] = { ...rest, ruleId };
    const out = renderJson(result, { toolVersion: '1.2.3' });
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.startsWith('{\n  "version": 1,\n  "tool": {\n    "name": "proagent-devops",')).toBe(true);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'root', 'summary', 'findings', 'skipped']);
    expect(Object.keys(report.summary)).toEqual([
      'files',
      'findings',
      'bySeverity',
      'byDomain',
      'suppressed',
      'durationMs',
    ]);
    expect(Object.keys(report.findings[0])).toEqual([
      'ruleId',
      'severity',
      'message',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'domain',
      'fix',
      'rollback',
      'docsUrl',
      'fingerprint',
      'snippet',
    ]);
    expect(Object.keys(report.findings[1]).at(-1)).toBe('suppressed');
  });

  it('is deterministic', () => {
    expect(renderJson(sampleResult(), { toolVersion: '1' })).toBe(renderJson(sampleResult(), { toolVersion: '1' }));
  });

  it('renders a clean result with every count present and zero', () => {
    const report = JSON.parse(renderJson(cleanResult(), { toolVersion: '1.2.3' }));
    expect(report.summary).toEqual({
      files: 3,
      findings: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      byDomain: ZERO_DOMAINS,
      suppressed: 0,
      durationMs: 5,
    });
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('summarize matches the report summary', () => {
    const report = JSON.parse(renderJson(sampleResult(), { toolVersion: '1' }));
    expect(summarize(sampleResult())).toEqual(report.summary);
  });
});
