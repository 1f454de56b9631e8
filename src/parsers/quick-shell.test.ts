/**
 * `parseShell`'s fast path must read every script it accepts exactly as the full parser does: same words,
 * values, offsets, redirects and pipelines, hence the same guard decisions and findings. Checked on every
 * string literal of the guard, hook and shell-parser test tables, and on generated scripts (one or more
 * lines, at offset 0 or not) built from the constructs it accepts and the ones it must decline.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { quickParseShell } from './quick-shell.js';
import { parseShell, parseShellFull } from './shell.js';

const root = new URL('../..', import.meta.url).pathname;

/** The test tables whose command lines the guard and the hooks judge. */
const TABLES = [
  'src/guard/guard.test.ts',
  'test/guard-cli.test.ts',
  'src/adapters/hook/hook-units.test.ts',
  'test/plugin/hook-guard.test.ts',
  'test/plugin/hook-events.test.ts',
  'test/plugin/hook-failures.test.ts',
  'test/plugin/hook-bundle.test.ts',
  'test/plugin/claude-e2e.test.ts',
  'src/parsers/shell.test.ts',
  'src/pipeline/commands.test.ts',
];

/** Every string literal (and template literal without substitutions) of a TypeScript file. */
function stringLiterals(path: string): string[] {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    readFileSync(path, 'utf8'),
  );
  const out: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      out.push(scanner.getTokenValue());
    } else if (token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) {
      // A regular expression literal: read it as one, so that its quotes do not open strings.
      token = scanner.reScanSlashToken();
    }
  }
  return out;
}

function expectSameAsFullParser(text: string, offset = 0): boolean {
  const quick = quickParseShell(text, offset);
  if (quick === undefined) return false;
  const full = parseShellFull(text, { offset });
  expect(quick, `${JSON.stringify(text)} at ${offset}`).toStrictEqual(full);
  expect(parseShell(text, { offset })).toStrictEqual(full);
  return true;
}

describe('quickParseShell', () => {
  it('reads the command lines of the test tables exactly as parseShell does', () => {
    const literals = new Set(TABLES.flatMap((t) => stringLiterals(`${root}${t}`)));
    let accepted = 0;
    for (const text of literals) {
      if (expectSameAsFullParser(text)) accepted++;
      expect(expectSameAsFullParser(text, 1234)).toBe(quickParseShell(text) !== undefined);
    }
    // The tables are mostly plain command lines: the fast path must be the one that reads them.
    expect(accepted).toBeGreaterThan(300);
  });

  it('accepts plain command lines', () => {
    for (const text of [
      'kubectl diff -f k8s/ && kubectl apply -f k8s/',
      'terraform destroy -auto-approve',
      'git status',
      'ls -la',
      '',
      'cd infra && terraform plan -out=tfplan; terraform show tfplan',
      'npm test 2>&1 | tail -50',
      'git commit -m "fix: escape \\"quotes\\" in names"',
      "grep -rn 'a b' src/ | head -20 > /tmp/out.txt",
      'find . -name "*.ts" -exec rm {} \\;',
      'helm upgrade api ./chart --set image.tag=1.2.3 -n shop',
      'make build || echo failed >&2',
      'cat < in.txt >> out.log 2>/dev/null',
      'ssh host kubectl get pods',
      'sudo rm -rf /var/tmp/x',
      'echo "déjà vu ✓"',
      'ls\nrm -rf /',
      'npm ci\nnpm test\ndocker build -t svc-0:${______________} .\n',
      '\n\nmake\n\n  make test\n',
      'make build &&\n  make test ||\n\n  echo failed',
      'cat x |\n  grep y; ls',
      'apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
      'echo "${HOME}/x" ${A_1}y',
    ]) {
      expect(expectSameAsFullParser(text), text).toBe(true);
      expect(expectSameAsFullParser(text, 77), text).toBe(true);
    }
  });

  it('declines what is not a plain command line', () => {
    for (const text of [
      'echo $HOME',
      'echo "$(whoami)"',
      'echo `id`',
      'A=1 terraform apply',
      'export KUBECONFIG=~/.kube/prod',
      'bash -c "terraform destroy"',
      'sh -c terraform',
      'if true; then rm -rf /; fi',
      '{ ls; }',
      '(cd x && ls)',
      'time terraform apply',
      '! git diff --quiet',
      'cat <<EOF\nx\nEOF',
      'cat <<< x',
      'sleep 1 &',
      'ls\r\nrm x',
      'ls\n# comment\nrm x',
      'echo ${HOME:-x}',
      'echo ${#HOME}',
      '${X} arg',
      'echo a\\\nb',
      'a &&\n',
      'a\n;b',
      'ls # comment',
      'echo "unterminated',
      'a &&',
      'a | | b',
      'a ;; b',
      '"quoted" name',
      'diff <(ls a) <(ls b)',
      'echo déjà',
    ]) {
      expect(quickParseShell(text), text).toBeUndefined();
    }
  });

  it('agrees with parseShell on generated command lines', () => {
    /** Mostly what the fast path accepts, with the constructs it must decline mixed in. */
    const pick = (plain: string[], tricky: string[]) =>
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...plain) },
        { weight: 1, arbitrary: fc.constantFrom(...tricky) },
      );
    const name = pick(
      [
        'kubectl',
        'terraform',
        'rm',
        'git',
        'sh',
        'bash',
        'ssh',
        'sudo',
        'env',
        'xargs',
        'eval',
        '2',
        '~/bin/x',
        '.',
        ':',
      ],
      ['if', 'then', 'export', 'time', 'let', 'in', '{', '}', '!', '[[', 'a=b', '"git"', 'x#y', '*', 'é', '$X', 'f()'],
    );
    const bare = pick(
      [
        '${_____}',
        '${A1}',
        'x${_}',
        'apply',
        '-f',
        'k8s/',
        '-rf',
        '--force',
        '-c',
        '-ec',
        'a=b',
        'x#y',
        '*.ts',
        '{}',
        '{a,b}',
        '}',
        '{',
        '!',
        'a!',
      ],
      [
        '#c',
        '[x]',
        '[[',
        ']]',
        '~/x',
        '10',
        '%1',
        '^a',
        '@a',
        '+a',
        'é',
        '$X',
        '${X}',
        '`id`',
        '(',
        ')',
        'a(b)',
        '@(x)',
        '$X',
        '${X:-y}',
        '${#X}',
        '${1}',
        '${X',
        '\\\n',
      ],
    );
    const escaped = fc.constantFrom('\\;', '\\ ', '\\$x', '\\"', '\\#', '\\');
    const quotedUnit = fc.constantFrom('a', ' ', '"', '\\', '#', '\t', 'é', '😀', '!', '*', '$', '`', '\n');
    const single = fc.string({ unit: quotedUnit, maxLength: 6 }).map((s) => `'${s.replaceAll("'", '')}'`);
    const doubleUnit = fc.constantFrom(
      'a',
      ' ',
      "'",
      '\\"',
      '\\\\',
      '\\$',
      '\\x',
      '#',
      'é',
      '😀',
      '!',
      '$',
      '`',
      '\n',
      '${_____}',
      '${X}',
      '${X-}',
      '\\\n',
    );
    const double = fc.string({ unit: doubleUnit, maxLength: 6 }).map((s) => `"${s}"`);
    const part = fc.oneof({ weight: 5, arbitrary: bare }, single, double, escaped);
    const word = fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
    const redirect = fc
      .tuple(
        pick(['', '2', '1'], ['10', 'a']),
        pick(['>', '>>', '<', '>&', '&>', '&>>'], ['<<', '<<<', '<>', '<&', '>|', '>(']),
        fc.constantFrom('', ' '),
        fc.oneof(word, fc.constantFrom('1', '-', '/dev/null', '')),
      )
      .map((parts) => parts.join(''));
    const blank = pick([' '], ['  ', '\t', '', ' \\\n  ', '\\\n']);
    const command = fc
      .tuple(
        fc.option(redirect, { freq: 8 }),
        name,
        fc.array(fc.tuple(blank, fc.oneof({ weight: 4, arbitrary: word }, redirect)), { maxLength: 4 }),
      )
      .map(
        ([lead, first, rest]) => `${lead === null ? '' : `${lead} `}${first}${rest.map(([b, w]) => b + w).join('')}`,
      );
    const operator = pick(
      ['&&', '||', ';', '|', '\n', '\n\n', '&&\n', '||\n  ', '|\n', ';\n'],
      ['|&', '&', ';;', '', '; ;', '\n;', '&&\n\n', '|\n\n', '\r\n', '\n# c\n', ' #c\n', '\n}\n'],
    );
    const line = fc
      .tuple(
        fc.constantFrom('', '', '', '\n', ' \n\n'),
        command,
        fc.array(fc.tuple(blank, operator, blank, command), { maxLength: 4 }),
        fc.constantFrom('', ';', ' ', ' &&', '\n', ';\n', '\n\n', ' \\\n'),
      )
      .map(([lead, first, rest, end]) => lead + first + rest.map((r) => r.join('')).join('') + end);
    const offset = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 }));
    let accepted = 0;
    let multiLine = 0;
    fc.assert(
      fc.property(line, offset, (text, at) => {
        if (expectSameAsFullParser(text, at)) {
          accepted++;
          if (text.trim().includes('\n')) multiLine++;
        }
      }),
      { numRuns: Number(process.env.QS_RUNS ?? 10000) },
    );
    // Scripts of several lines are among them.
    expect(multiLine).toBeGreaterThan(200);
    // Enough generated lines are plain for the comparison to mean something.
    expect(accepted).toBeGreaterThan(800);
  });
});
