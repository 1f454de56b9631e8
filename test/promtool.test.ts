/**
 * Agreement with Prometheus's own loader: for every rule file under test/fixtures/promtool/, our verdict
 * (PRM001 fires, or PDO000 when the YAML itself does not parse) equals `promtool check rules` (exit code),
 * in both directions. File names state the expected verdict (`valid-*` / `invalid-*`), so the fixtures stay
 * honest even where promtool is not installed; CI installs it (Debian package `prometheus`) and must not skip.
 *
 * Debian's promtool is 2.42 while our grammar follows Prometheus 3: fixtures avoid the syntax the two
 * disagree on (`holt_winters`, number-of-seconds ranges such as `[300]`, `1_000` literals, group
 * `query_offset`/`labels`, UTF-8 names such as `{"my.metric"}`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, ruleSettings } from '../src/config/config.js';
import { lint } from '../src/core/engine.js';
import { Project } from '../src/core/project.js';
import { SourceFile } from '../src/core/source-file.js';
import { rule as PDO000 } from '../src/rules/pdo/PDO000-parse-error.js';
import { rule as PRM001 } from '../src/rules/prm/PRM001-invalid-rule-file.js';

const dir = join(new URL('.', import.meta.url).pathname, 'fixtures', 'promtool');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .sort();

function promtool(): string | undefined {
  const probe = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : undefined;
}

/** Our verdict: the findings PRM001 (or PDO000, for YAML syntax errors) reports on the file. */
function ourFindings(name: string): string[] {
  const file = new SourceFile(name, 'prometheus-rules', readFileSync(join(dir, name), 'utf8'));
  const findings = lint(new Project([file]), [PRM001, PDO000], { settings: ruleSettings(defaultConfig()) });
  return findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`);
}

const version = promtool();

describe('promtool agreement fixtures', () => {
  it('cover both verdicts and the kinds of error promtool reports', () => {
    const valid = fixtures.filter((f) => f.startsWith('valid-'));
    const invalid = fixtures.filter((f) => f.startsWith('invalid-'));
    expect(valid.length).toBeGreaterThanOrEqual(8);
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    expect(valid.length + invalid.length).toBe(fixtures.length);
    for (const kind of ['syntax', 'duration', 'duplicate-groups', 'missing-expr', 'yaml-syntax']) {
      expect(
        invalid.some((f) => f.includes(kind)),
        kind,
      ).toBe(true);
    }
  });

  it.each(fixtures)('%s: our verdict matches its name', (name) => {
    const findings = ourFindings(name);
    if (name.startsWith('valid-')) expect(findings).toEqual([]);
    else expect(findings.length, 'an invalid fixture must be reported').toBeGreaterThan(0);
  });

  it.runIf(process.env.CI !== undefined)('promtool is installed in CI', () => {
    expect(version, 'install the Debian package `prometheus`').toBeDefined();
  });

  describe.runIf(version !== undefined)(`agrees with ${version ?? 'promtool'}`, () => {
    it.each(fixtures)('%s', (name) => {
      const result = spawnSync('promtool', ['check', 'rules', join(dir, name)], { encoding: 'utf8' });
      const promtoolRejects = result.status !== 0;
      const weReject = ourFindings(name).length > 0;
      expect({ weReject, promtool: `${result.stdout}${result.stderr}`.trim() }).toEqual({
        weReject: promtoolRejects,
        promtool: expect.any(String),
      });
    });
  });
});
