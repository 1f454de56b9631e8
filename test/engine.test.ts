import { describe, expect, it } from 'vitest';
import { Baseline } from '../src/config/baseline.js';
import { defaultConfig, RuleLevels, ruleSettings, validateConfig } from '../src/config/config.js';
import { lint } from '../src/core/engine.js';
import { defineRule, type Rule } from '../src/core/rule.js';
import { RULES } from '../src/rules/registry.js';
import { projectOf } from './helpers/rule-tester.js';

/** A test rule: flags every occurrence of the word BAD in text-ish files. */
const badWord = defineRule({
  id: 'TST001',
  title: 'No BAD',
  severity: 'error',
  domain: 'cicd',
  kinds: ['text', 'k8s', 'dockerfile', 'yaml'],
  rationale: 'test',
  fix: 'remove BAD',
  check(file, ctx) {
    for (let i = file.text.indexOf('BAD'); i >= 0; i = file.text.indexOf('BAD', i + 1)) {
      ctx.report({ range: file.range(i, i + 3), message: 'BAD found' });
    }
  },
});
const pdo001 = RULES.find((r) => r.id === 'PDO001') as Rule;
const known = new Set(['TST001', 'PDO001', 'DKR001']);

function run(files: Record<string, string>, rawConfig?: unknown) {
  const config = rawConfig === undefined ? defaultConfig() : validateConfig(rawConfig, known);
  const levels = new RuleLevels(config);
  return lint(projectOf(files), [badWord, pdo001], {
    settings: ruleSettings(config),
    levelFor: (id, f) => levels.levelFor(id, f),
    knownRuleIds: known,
  });
}

const brief = (f: { ruleId: string; line: number; column: number; suppressed?: unknown; message: string }) =>
  `${f.ruleId}@${f.line}:${f.column}${f.suppressed ? ' suppressed' : ''} ${f.message}`;

describe('inline suppressions', () => {
  it('a comment with a reason suppresses the next code line only', () => {
    const findings = run({ 'a.txt': '# proagent-devops-ignore TST001 -- legacy host\n\nBAD\nBAD\n' });
    expect(findings.map(brief)).toEqual(['TST001@3:1 suppressed BAD found', 'TST001@4:1 BAD found']);
    expect(findings[0]?.suppressed).toEqual({ kind: 'inline', justification: 'legacy host' });
  });

  it('a trailing comment covers its own line', () => {
    const findings = run({ 'a.txt': 'BAD # proagent-devops-ignore TST001 -- accepted\nBAD\n' });
    expect(findings.map(brief)).toEqual(['TST001@1:1 suppressed BAD found', 'TST001@2:1 BAD found']);
  });

  it('a file-wide suppression covers every line', () => {
    const findings = run({ 'a.txt': 'BAD\n// proagent-devops-ignore-file TST001 -- generated file\nBAD\n' });
    expect(findings.map(brief)).toEqual(['TST001@1:1 suppressed BAD found', 'TST001@3:1 suppressed BAD found']);
  });

  it('reports a suppression without a reason (and does not honour it)', () => {
    const findings = run({ 'a.txt': '# proagent-devops-ignore TST001\nBAD\n' });
    expect(findings.map(brief)).toEqual([
      'PDO001@1:1 Suppression for TST001 gives no reason (write "-- why").',
      'TST001@2:1 BAD found',
    ]);
    expect(findings[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 32, severity: 'warning' });
  });

  it('reports unknown rules and unused suppressions', () => {
    const findings = run({
      'a.txt': 'ok\n# proagent-devops-ignore NOPE123 -- x\nok\n  # proagent-devops-ignore TST001 -- stale\nok\n',
    });
    expect(findings.map(brief)).toEqual([
      'PDO001@2:1 Suppression names unknown rule NOPE123.',
      'PDO001@4:3 Suppression for TST001 suppresses nothing (remove it).',
    ]);
  });

  it('honours the Kubernetes ignore annotation over the whole object only', () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: a',
      '  annotations:',
      '    proagent-devops.io/ignore-TST001: "sidecar needs it"',
      'spec: { x: BAD }',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: b }',
      'spec: { x: BAD }',
      '',
    ].join('\n');
    const findings = run({ 'pods.yaml': manifest });
    expect(findings.map(brief)).toEqual(['TST001@7:12 suppressed BAD found', 'TST001@12:12 BAD found']);
  });
});

describe('config levels', () => {
  it('turns a rule off, changes its severity, and applies overrides by glob in order', () => {
    const files = { 'a.txt': 'BAD\n', 'legacy/b.txt': 'BAD\n', 'legacy/keep/c.txt': 'BAD\n' };
    const findings = run(files, {
      rules: { TST001: 'warning' },
      overrides: [
        { files: ['legacy/**'], rules: { TST001: 'off' } },
        { files: 'legacy/keep/**', rules: { TST001: 'info' } },
      ],
    });
    expect(findings.map((f) => `${f.file} ${f.severity}`)).toEqual(['a.txt warning', 'legacy/keep/c.txt info']);
  });

  it('rejects unknown keys, unknown rules and bad levels with a clear message', () => {
    expect(() => validateConfig({ rulez: {} }, known)).toThrow(/unknown key "rulez"/);
    expect(() => validateConfig({ rules: { XYZ999: 'off' } }, known)).toThrow(/unknown rule XYZ999/);
    expect(() => validateConfig({ rules: { TST001: 'fatal' } }, known)).toThrow(/must be off, info, warning or error/);
    expect(() => validateConfig({ production: '(' }, known)).toThrow(/not a valid regular expression/);
  });

  it('uses the configured production pattern', () => {
    const settings = ruleSettings(validateConfig({ production: '^live-' }, known));
    expect(settings.isProd('live-eu')).toBe(true);
    expect(settings.isProd('k8s/prod/app.yaml')).toBe(false);
    expect(ruleSettings(defaultConfig()).isProd('k8s/overlays/prod/app.yaml')).toBe(true);
    expect(ruleSettings(defaultConfig()).isProd('k8s/overlays/product/app.yaml')).toBe(false);
  });
});

describe('fingerprints and baseline', () => {
  it('keeps fingerprints stable when unrelated lines move', () => {
    const before = run({ 'a.txt': 'BAD\nok\nBAD\n' });
    const after = run({ 'a.txt': 'new line\n\nBAD\nok\nBAD\n' });
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
    expect(new Set(before.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('marks baselined findings as suppressed and leaves new ones alone', () => {
    const before = run({ 'a.txt': 'BAD\n' });
    const after = run({ 'a.txt': 'BAD\nx BAD\n' });
    const applied = new Baseline(before.map((f) => f.fingerprint)).apply(after);
    expect(applied.map((f) => f.suppressed?.kind ?? 'open')).toEqual(['baseline', 'open']);
  });
});

describe('rule failures', () => {
  it('reports a throwing rule to onRuleError and keeps the other rules running', () => {
    const broken = defineRule({
      ...badWord,
      id: 'TST002',
      check: () => {
        throw new Error('boom');
      },
    });
    const errors: string[] = [];
    const findings = lint(projectOf({ 'a.txt': 'BAD\n' }), [broken, badWord], {
      settings: ruleSettings(defaultConfig()),
      onRuleError: (r, f, e) => errors.push(`${r.id} ${f} ${(e as Error).message}`),
    });
    expect(errors).toEqual(['TST002 a.txt boom']);
    expect(findings.map((f) => f.ruleId)).toEqual(['TST001']);
  });
});
