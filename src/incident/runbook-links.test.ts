import { describe, expect, it } from 'vitest';
import { addRunbookLinks } from './runbook-links.js';

const url = (alert: string) => `https://runbooks.example.com/${alert}.md`;

describe('addRunbookLinks', () => {
  it.each([
    {
      name: 'block annotations: appended at their indentation, after a multi-line block scalar',
      input:
        'groups:\n  - name: a\n    rules:\n      - alert: Block\n        expr: up == 0\n        annotations:\n          summary: x\n          description: |\n            multi\n            line\n\n      # next rule\n      - alert: Other\n        expr: up\n        annotations:\n          runbook_url: https://x/y\n',
      output:
        'groups:\n  - name: a\n    rules:\n      - alert: Block\n        expr: up == 0\n        annotations:\n          summary: x\n          description: |\n            multi\n            line\n          runbook_url: https://runbooks.example.com/Block.md\n\n      # next rule\n      - alert: Other\n        expr: up\n        annotations:\n          runbook_url: https://x/y\n',
    },
    {
      name: 'no annotations: a new block at the rule indentation, after a trailing comment',
      input: 'groups:\n- name: a\n  rules:\n  - alert: Bare\n    expr: up == 0\n    for: 5m  # five minutes\n',
      output:
        'groups:\n- name: a\n  rules:\n  - alert: Bare\n    expr: up == 0\n    for: 5m  # five minutes\n    annotations:\n      runbook_url: https://runbooks.example.com/Bare.md\n',
    },
    {
      name: 'flow annotations, empty flow annotations, and an empty annotations key',
      input:
        'groups:\n  - name: a\n    rules:\n      - alert: Flow\n        expr: up\n        annotations: { summary: "y" }\n      - alert: Empty\n        expr: up\n        annotations: {}\n      - alert: NoValue\n        expr: up\n        annotations:\n',
      output:
        'groups:\n  - name: a\n    rules:\n      - alert: Flow\n        expr: up\n        annotations: { summary: "y", runbook_url: https://runbooks.example.com/Flow.md }\n      - alert: Empty\n        expr: up\n        annotations: { runbook_url: https://runbooks.example.com/Empty.md }\n      - alert: NoValue\n        expr: up\n        annotations:\n          runbook_url: https://runbooks.example.com/NoValue.md\n',
    },
    {
      name: 'a PrometheusRule resource, CRLF line endings kept',
      input:
        'apiVersion: monitoring.coreos.com/v1\r\nkind: PrometheusRule\r\nspec:\r\n  groups:\r\n    - name: a\r\n      rules:\r\n        - alert: Crd\r\n          expr: up == 0\r\n          labels:\r\n            severity: critical\r\n',
      output:
        'apiVersion: monitoring.coreos.com/v1\r\nkind: PrometheusRule\r\nspec:\r\n  groups:\r\n    - name: a\r\n      rules:\r\n        - alert: Crd\r\n          expr: up == 0\r\n          labels:\r\n            severity: critical\r\n          annotations:\r\n            runbook_url: https://runbooks.example.com/Crd.md\r\n',
    },
  ])('$name', ({ input, output }) => {
    const result = addRunbookLinks(input, url);
    expect(result.text).toBe(output);
    // Idempotent: a second run adds nothing and changes nothing.
    const again = addRunbookLinks(result.text, url);
    expect(again.text).toBe(output);
    expect(again.added).toEqual([]);
  });

  it('leaves alerts that link a runbook or are written in flow style, and says why; recording rules are not touched', () => {
    const input =
      'groups:\n  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n      - {alert: FlowRule, expr: up}\n';
    const result = addRunbookLinks(input, url);
    expect(result.text).toBe(input);
    expect(result.added).toEqual([]);
    expect(result.kept).toEqual([{ alert: 'FlowRule', reason: 'rule written in flow style: add the link by hand' }]);
  });

  it('quotes a URL that YAML would not read back as written', () => {
    const result = addRunbookLinks(
      'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n',
      () => 'https://x/y #frag',
    );
    expect(result.text).toContain('runbook_url: "https://x/y #frag"');
  });
});
