import { describe, expect, it } from 'vitest';
import { defaultConfig, ruleSettings } from '../src/config/config.js';
import { lint } from '../src/core/engine.js';
import { defineRule, type Rule } from '../src/core/rule.js';
import { SourceFile } from '../src/core/source-file.js';
import type { FileKind } from '../src/core/types.js';
import { projectOf } from './helpers/rule-tester.js';

/**
 * The order in which the engine checks files and runs project rules, and when it drops parse trees: what
 * keeps memory flat on large reviews. Trees are observed through a per-file cache entry ('probe') that the
 * test rules compute: computed again means the file's cache was dropped in between.
 */
const FILES = {
  'a.txt': 'a\n',
  'b.yaml': 'b: 1\n',
  'c.txt': 'c\n',
  'd.yaml': 'd: 1\n',
  'svc/Dockerfile': 'FROM alpine:3.20\n',
};

function harness() {
  const log: string[] = [];
  const probe = (file: SourceFile) => file.cached('probe', () => log.push(`parse ${file.path}`));
  const fileRule = defineRule({
    id: 'TST101',
    title: 'probe',
    severity: 'info',
    domain: 'cicd',
    kinds: ['text', 'yaml', 'dockerfile'],
    rationale: 'test',
    fix: 'test',
    check(file) {
      log.push(`file ${file.path}`);
      probe(file);
    },
  });
  const projectRule = (id: string, kinds: FileKind[]) =>
    defineRule({
      id,
      title: 'probe',
      severity: 'info',
      domain: 'cicd',
      kinds,
      scope: 'project',
      rationale: 'test',
      fix: 'test',
      check(project) {
        log.push(`project ${id}`);
        for (const file of kinds.length > 0 ? project.ofKind(...kinds) : project.files) probe(file);
      },
    });
  const run = (rules: Rule[]) => {
    lint(projectOf(FILES), rules, { settings: ruleSettings(defaultConfig()) });
    return log;
  };
  return { fileRule, projectRule, run };
}

describe('engine schedule', () => {
  it('checks files no project rule reads first, then each group of kinds right before its project rules', () => {
    const { fileRule, projectRule, run } = harness();
    const log = run([fileRule, projectRule('TST102', ['yaml']), projectRule('TST103', ['dockerfile'])]);
    expect(log).toEqual([
      // Free files, each dropped after its own rules (nothing reads them later).
      'file a.txt',
      'parse a.txt',
      'file c.txt',
      'parse c.txt',
      // The yaml group keeps its trees until TST102 has read them: no second parse.
      'file b.yaml',
      'parse b.yaml',
      'file d.yaml',
      'parse d.yaml',
      'project TST102',
      'file svc/Dockerfile',
      'parse svc/Dockerfile',
      'project TST103',
    ]);
  });

  it('groups project rules that share a kind, keeping their order, and runs kind-less rules last', () => {
    const { fileRule, projectRule, run } = harness();
    const log = run([
      fileRule,
      projectRule('TST102', ['yaml']),
      projectRule('TST103', ['dockerfile']),
      projectRule('TST104', []),
      projectRule('TST105', ['dockerfile', 'yaml']),
    ]);
    expect(log).toEqual([
      'file a.txt',
      'parse a.txt',
      'file c.txt',
      'parse c.txt',
      // One group for yaml and Dockerfiles (TST105 reads both): no tree is parsed twice before its rules ran.
      'file b.yaml',
      'parse b.yaml',
      'file d.yaml',
      'parse d.yaml',
      'file svc/Dockerfile',
      'parse svc/Dockerfile',
      'project TST102',
      'project TST103',
      'project TST105',
      // Everything was dropped by then: a kind-less rule parses what it reads.
      'project TST104',
      'parse a.txt',
      'parse b.yaml',
      'parse c.txt',
      'parse d.yaml',
      'parse svc/Dockerfile',
    ]);
  });

  it('keeps what a group read in files of groups still to come, and drops it in files of finished ones', () => {
    const { fileRule, projectRule, run } = harness();
    const crossReads: string[] = [];
    const reader = (id: string, kinds: FileKind[], path: string) =>
      defineRule({
        ...projectRule(id, kinds),
        check(project) {
          (project.get(path) as SourceFile).cached('cross', () => crossReads.push(`${id} ${path}`));
        },
      });
    run([
      fileRule,
      // The yaml group goes first and reads the Dockerfile, whose group comes later: kept for it.
      reader('TST102', ['yaml'], 'svc/Dockerfile'),
      reader('TST103', ['dockerfile'], 'svc/Dockerfile'),
      // The Dockerfile group reads a file of the finished yaml group: dropped once the group is done.
      reader('TST104', ['dockerfile'], 'b.yaml'),
      reader('TST105', [], 'b.yaml'),
    ]);
    expect(crossReads).toEqual(['TST102 svc/Dockerfile', 'TST104 b.yaml', 'TST105 b.yaml']);
  });
});

describe('SourceFile.uncached', () => {
  it('keeps what was cached before and drops what the reader cached', () => {
    const file = new SourceFile('a.yaml', 'yaml', 'a: 1\n');
    file.cached('before', () => 'kept');
    let computed = 0;
    const value = file.uncached(() => {
      expect(file.cached('before', () => 'recomputed')).toBe('kept');
      return file.cached('inside', () => ++computed);
    });
    expect(value).toBe(1);
    expect(file.cached('before', () => 'recomputed')).toBe('kept');
    expect(file.cached('inside', () => ++computed)).toBe(2);
  });

  it('drops them when the reader throws too', () => {
    const file = new SourceFile('a.yaml', 'yaml', 'a: 1\n');
    expect(() =>
      file.uncached(() => {
        file.cached('inside', () => 'stale');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(file.cached('inside', () => 'fresh')).toBe('fresh');
  });
});
