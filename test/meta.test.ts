import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAINS, FILE_KINDS, SEVERITIES } from '../src/core/types.js';
import { ruleDocPage } from '../src/report/rule-docs.js';
import { RULES } from '../src/rules/registry.js';

const root = new URL('..', import.meta.url).pathname;
const rulesDir = join(root, 'src/rules');
/** The catalog contract; CI has shared/ beside the checkout. */
const catalogPath = join(root, '..', 'shared', 'spec', 'RULES.md');
/** Families this repository implements so far (the issue that added each is in CHANGELOG.md). */
const IMPLEMENTED_FAMILIES = ['DKR', 'CMP', 'K8S', 'SEC', 'PDO', 'TF', 'PRM', 'AMG', 'GRF', 'OBS', 'GHA', 'GLC', 'JNK'];

function ruleFiles(): { id: string; dir: string; base: string }[] {
  const out: { id: string; dir: string; base: string }[] = [];
  for (const family of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!family.isDirectory()) continue;
    for (const name of readdirSync(join(rulesDir, family.name))) {
      const m = /^([A-Z][A-Z0-9]{1,3}\d{3})-[a-z0-9-]+\.ts$/.exec(name);
      if (m && !name.endsWith('.test.ts')) out.push({ id: m[1] as string, dir: family.name, base: name.slice(0, -3) });
    }
  }
  return out;
}

describe('rule registry meta-test', () => {
  it('has unique, well-formed IDs in files named after them', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = ruleFiles();
    expect(files.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const f of files) expect(f.dir).toBe(f.id.replace(/\d+$/, '').toLowerCase());
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(rule.id).toMatch(/^[A-Z][A-Z0-9]{1,3}\d{3}$/);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.rationale.length).toBeGreaterThan(20);
    expect(rule.fix.length).toBeGreaterThan(10);
    expect(SEVERITIES).toContain(rule.severity);
    expect(DOMAINS).toContain(rule.domain);
    for (const k of rule.kinds) expect(FILE_KINDS).toContain(k);
    if (rule.scope === 'file') expect(rule.kinds.length).toBeGreaterThan(0);
  });

  it.each(ruleFiles().map((f) => [f.id, f] as const))('%s has a table test and a generated docs page', (id, f) => {
    const testPath = join(rulesDir, f.dir, `${f.base}.test.ts`);
    expect(existsSync(testPath), `${testPath} is missing`).toBe(true);
    const test = readFileSync(testPath, 'utf8');
    expect(test).toMatch(/ruleTester\(rule,/);
    expect(test).toMatch(/valid: \[/);
    expect(test).toMatch(/invalid: \[/);
    const docPath = join(root, 'docs/rules', `${id}.md`);
    const rule = RULES.find((r) => r.id === id);
    expect(rule).toBeDefined();
    if (rule) expect(readFileSync(docPath, 'utf8')).toBe(ruleDocPage(rule));
  });

  it.runIf(existsSync(catalogPath))('implements every catalog rule of the implemented families', () => {
    const catalog = readFileSync(catalogPath, 'utf8');
    const catalogIds = [...catalog.matchAll(/^\| ([A-Z][A-Z0-9]{1,3}\d{3}) \| (error|warning|info)/gm)].map((m) => ({
      id: m[1] as string,
      severity: m[2] as string,
    }));
    const wanted = catalogIds.filter((c) => IMPLEMENTED_FAMILIES.includes(c.id.replace(/\d+$/, '')));
    expect(wanted.length).toBeGreaterThan(40);
    const registered = new Map(RULES.map((r) => [r.id, r]));
    expect(wanted.filter((c) => !registered.has(c.id)).map((c) => c.id)).toEqual([]);
    for (const c of wanted) expect(registered.get(c.id)?.severity, c.id).toBe(c.severity);
  });
});
