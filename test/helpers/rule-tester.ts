import { describe, expect, it } from 'vitest';
import { type Config, defaultConfig, RuleLevels, ruleSettings, validateConfig } from '../../src/config/config.js';
import { lint } from '../../src/core/engine.js';
import type { Project } from '../../src/core/project.js';
import type { Rule } from '../../src/core/rule.js';
import type { Finding, Severity, SkippedFile } from '../../src/core/types.js';
import { projectFromSources } from '../../src/review.js';
import { RULES } from '../../src/rules/registry.js';

/** Files of a case: path → content. A bare string is one file at `path` (default set per tester). */
export type CaseFiles = Record<string, string>;

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Defaults to the file of the case when it has only one. */
  file?: string;
  message?: string | RegExp;
  severity?: Severity;
}

export interface ValidCase {
  name: string;
  files: CaseFiles;
  /** Raw `.proagent-devops.yaml` content as an object (validated like the real one). */
  config?: unknown;
  /** Files discovery could not read (for rules about skipped files). */
  skipped?: SkippedFile[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Builds a project from in-memory files, classified exactly as discovery would. */
export function projectOf(files: CaseFiles, skipped: SkippedFile[] = []): Project {
  return projectFromSources(files, skipped);
}

/** Runs one rule (and nothing else) over in-memory files, as the engine would. */
export function runRule(rule: Rule, files: CaseFiles, rawConfig?: unknown, skipped: SkippedFile[] = []): Finding[] {
  const config: Config =
    rawConfig === undefined ? defaultConfig() : validateConfig(rawConfig, new Set(RULES.map((r) => r.id)));
  const levels = new RuleLevels(config);
  const errors: unknown[] = [];
  const findings = lint(projectOf(files, skipped), [rule], {
    settings: ruleSettings(config),
    levelFor: (id, file) => levels.levelFor(id, file),
    knownRuleIds: new Set(RULES.map((r) => r.id)),
    onRuleError: (_r, _f, e) => errors.push(e),
  });
  if (errors.length > 0) throw errors[0];
  return findings.filter((f) => f.ruleId === rule.id);
}

/**
 * The table test of a rule: every valid case yields no finding of the rule, every invalid case yields
 * exactly the listed findings at their exact positions. Empty tables fail.
 */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  describe(`${rule.id}: ${rule.title}`, () => {
    it('has at least one valid and one invalid case', () => {
      expect(tests.valid.length).toBeGreaterThan(0);
      expect(tests.invalid.length).toBeGreaterThan(0);
    });
    for (const c of tests.valid) {
      it(`valid: ${c.name}`, () => {
        const findings = runRule(rule, c.files, c.config, c.skipped).filter((f) => !f.suppressed);
        expect(findings.map(describeFinding)).toEqual([]);
      });
    }
    for (const c of tests.invalid) {
      it(`invalid: ${c.name}`, () => {
        expect(c.errors.length, 'an invalid case must list its findings').toBeGreaterThan(0);
        const findings = runRule(rule, c.files, c.config, c.skipped).filter((f) => !f.suppressed);
        const onlyFile = Object.keys(c.files).length === 1 ? Object.keys(c.files)[0] : undefined;
        const actual = findings.map((f) => ({
          file: f.file,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          severity: f.severity,
          message: f.message,
        }));
        const expected = c.errors.map((e) => ({
          file: e.file ?? onlyFile,
          line: e.line,
          column: e.column,
          endLine: e.endLine,
          endColumn: e.endColumn,
          severity: e.severity ?? expect.any(String),
          message:
            e.message === undefined
              ? expect.any(String)
              : typeof e.message === 'string'
                ? e.message
                : expect.stringMatching(e.message),
        }));
        expect(actual).toEqual(expected);
      });
    }
  });
}

function describeFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`;
}
