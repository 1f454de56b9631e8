import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, ruleSettings } from '../src/config/config.js';
import { lint } from '../src/core/engine.js';
import { SourceFile } from '../src/core/source-file.js';
import { parseByKind } from '../src/parsers/index.js';
import { review } from '../src/review.js';
import { RULES } from '../src/rules/registry.js';
import { projectOf } from './helpers/rule-tester.js';

/** Seeds in the shape of real artifacts; the fuzzer mutates them. */
const SEEDS: Record<string, string> = {
  Dockerfile:
    'FROM node:20 AS b\nARG TOKEN=abc\nRUN curl -s https://x | sh && apt-get install -y x\nUSER root\nEXPOSE 22\nFROM b\nCOPY . .\n',
  'docker-compose.yml':
    'version: "3"\nx: &a { image: redis }\nservices:\n  db: { <<: *a, ports: ["6379:6379"] }\n  web:\n    image: nginx\n    environment: [PASSWORD=hunter22hunter]\n    volumes: [/var/run/docker.sock:/s]\n',
  'k8s/app.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: a }\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x\n          env: [{ name: API_KEY, value: abcdefgh123 }]\n---\nkind: List\napiVersion: v1\nitems: [{ apiVersion: v1, kind: Secret, data: { a: b } }]\n',
  '.github/workflows/ci.yml':
    'on: [push]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n',
  'dash.json': '{"title":"x","panels":[{"targets":[{"expr":"rate(x[5m])"}]}]}',
  '.env': 'DB_PASSWORD=supersecretvalue\n',
};

const mutate = (text: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat(),
        del: fc.nat({ max: 8 }),
        ins: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom(
            '\n',
            ':',
            '- ',
            '{',
            '[',
            '"',
            "'",
            '&a',
            '*a',
            '<<: *a',
            '\\\n',
            '${',
            '|',
            '  ',
            '\t',
            '\0',
            '\uFFFD',
          ),
        ),
      }),
      { maxLength: 6 },
    )
    .map((edits) =>
      edits.reduce((t, e) => {
        const at = t.length === 0 ? 0 : e.at % (t.length + 1);
        return t.slice(0, at) + e.ins + t.slice(at + e.del);
      }, text),
    );

function lintAll(files: Record<string, string>): unknown[] {
  const errors: unknown[] = [];
  lint(projectOf(files), RULES, {
    settings: ruleSettings(defaultConfig()),
    onRuleError: (r, f, e) => errors.push(`${r.id} on ${f}: ${(e as Error).stack}`),
  });
  return errors;
}

describe('fuzz: no exception escapes the parsers or the rules', () => {
  for (const [path, seed] of Object.entries(SEEDS)) {
    it(`mutated ${path}`, () => {
      fc.assert(
        fc.property(mutate(seed), (text) => {
          expect(lintAll({ [path]: text })).toEqual([]);
        }),
        { numRuns: 150, seed: 7 },
      );
    });
  }

  it('random text under every artifact name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SEEDS)), fc.string({ maxLength: 300 }), (path, text) => {
        const file = new SourceFile(path, projectOf({ [path]: text }).files[0]?.kind ?? 'text', text);
        expect(() => parseByKind(file)).not.toThrow();
        expect(lintAll({ [path]: text })).toEqual([]);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('hostile files end to end', () => {
  it('reviews alias bombs, huge single lines, binary and invalid UTF-8 without crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdo-hostile-'));
    try {
      const put = (rel: string, content: string | Buffer) => {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), content);
      };
      const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++)
        lol.push(
          `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
            .fill(`*${'abcdefghi'[i - 1]}`)
            .join(',')}]`,
        );
      put(
        'k8s/bomb.yaml',
        `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n${lol.map((l) => `  ${l}`).join('\n')}\n`,
      );
      const huge = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: y }\ndata: { a: "${'x'.repeat(10 * 1024 * 1024)}" }\n`;
      put('huge.yaml', huge);
      put('blob.yaml', Buffer.from([0x61, 0x3a, 0x00, 0x01]));
      put('latin1.env', Buffer.from([0x41, 0x3d, 0xe9, 0x0a]));
      const errors: string[] = [];
      const result = review({ paths: [dir], root: dir, onRuleError: (r, f, e) => errors.push(`${r.id} ${f} ${e}`) });
      expect(errors).toEqual([]);
      expect(result.skipped).toEqual([
        { file: 'blob.yaml', reason: 'binary content' },
        { file: 'huge.yaml', reason: `too large: ${huge.length} bytes (limit 5242880)` },
        { file: 'latin1.env', reason: 'invalid UTF-8' },
      ]);
      expect(result.findings.filter((f) => f.ruleId === 'PDO002').map((f) => f.file)).toEqual([
        'blob.yaml',
        'huge.yaml',
        'latin1.env',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reviews a 10 MB single-line file when the size limit allows it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdo-long-'));
    try {
      writeFileSync(
        join(dir, 'long.yaml'),
        `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: y }\ndata: { a: "${'ab=c;'.repeat(2 * 1024 * 1024)}" }\n`,
      );
      writeFileSync(join(dir, 'long.txt'), 'password = x'.repeat(900_000));
      const errors: string[] = [];
      const config = { ...defaultConfig(), maxFileSize: 20 * 1024 * 1024 };
      const result = review({
        paths: [dir],
        root: dir,
        config,
        onRuleError: (r, f, e) => errors.push(`${r.id} ${f} ${e}`),
      });
      expect(errors).toEqual([]);
      expect(result.files).toBe(2);
      expect(result.skipped).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
