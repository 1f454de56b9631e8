// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold Groovy `${…}` interpolations, not JS templates
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import { jenkinsPipeline, stageChain } from '../models/jenkinsfile.js';
import { parseGroovy, stringOffsetOf, tokenize, walkCalls } from './groovy.js';

describe('tokenize', () => {
  it('decodes strings and keeps a file offset for every character', () => {
    const text = "x = 'it\\'s' + \"a\\tb ${env.X}\" + '''multi\nline'''\n";
    const strings = tokenize(text).flatMap((t) => (t.string ? [t.string] : []));
    expect(strings.map((s) => [s.quote, s.value, s.interpolations])).toEqual([
      ["'", "it's", []],
      ['"', 'a\tb ${env.X}', [{ start: 4, end: 12 }]],
      ["'''", 'multi\nline', []],
    ]);
    const gstring = strings[1];
    // Each value character points at its source: `\t` at the backslash, `$` at itself.
    expect(gstring && [...gstring.value].map((_, i) => text[stringOffsetOf(gstring)(i)]).join('')).toBe(
      'a\\b ${env.X}',
    );
  });

  it('skips comments and marks statement boundaries', () => {
    const tokens = tokenize("// sh 'hidden'\nsh 'a' /* sh 'b' */\n  sh 'c'\n");
    expect(tokens.map((t) => [t.text, t.newlineBefore])).toEqual([
      ['sh', true],
      ["'a'", false],
      ['sh', true],
      ["'c'", false],
    ]);
  });
});

describe('parseGroovy', () => {
  it('reads call-with-parens, command-style and closure calls with named arguments', () => {
    const { calls } = parseGroovy(
      "stage('Build') {\n  sh(script: 'make', returnStdout: true)\n  input message: 'Go?',\n    ok: 'Yes'\n  docker.image('node:20').inside { sh 'npm test' }\n}\n",
    );
    const names = [...walkCalls(calls)].map((c) => c.name);
    expect(names).toEqual(['stage', 'sh', 'input', 'docker.image', 'sh']);
    const input = [...walkCalls(calls)].find((c) => c.name === 'input');
    expect(input?.args.map((a) => [a.name, a.string?.string?.value])).toEqual([
      ['message', 'Go?'],
      ['ok', 'Yes'],
    ]);
    const sh = calls[0]?.block?.[0];
    expect(sh?.args.map((a) => a.name)).toEqual(['script', 'returnStdout']);
  });

  it('never throws and keeps offsets inside the text, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab{}()[]\'"$/*\\\n :=,sh'.split('')), maxLength: 80 }),
        (text) => {
          const parsed = parseGroovy(text);
          for (const t of parsed.tokens) expect(t.end).toBeLessThanOrEqual(text.length);
          for (const c of walkCalls(parsed.calls)) expect(c.start).toBeLessThanOrEqual(c.end);
          jenkinsPipeline(new SourceFile('Jenkinsfile', 'jenkinsfile', text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('jenkinsPipeline', () => {
  const text = [
    'pipeline {',
    '  agent any',
    '  environment {',
    "    REGISTRY = credentials('hub')",
    '    TAG = "${env.BUILD_NUMBER}"',
    '  }',
    '  stages {',
    "    stage('Release') {",
    "      when { branch 'main' }",
    '      stages {',
    "        stage('Deploy production') {",
    '          steps {',
    '            sh """',
    '              helm upgrade api ./chart \\',
    '                --set image.tag=${TAG} -n "prod"',
    '            """',
    '          }',
    '        }',
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const file = new SourceFile('Jenkinsfile', 'jenkinsfile', text);
  const pipeline = jenkinsPipeline(file);

  it('reads stages (nested), when, and environment assignments', () => {
    expect(pipeline.declarative).toBe(true);
    expect(pipeline.stages.map((s) => [s.name, s.parent?.name, s.when?.name])).toEqual([
      ['Release', undefined, 'when'],
      ['Deploy production', 'Release', undefined],
    ]);
    expect(pipeline.environment.map((e) => [e.name, e.credentials, e.string?.string?.value, e.nameRange.line])).toEqual(
      [
        ['REGISTRY', true, undefined, 4],
        ['TAG', false, '${env.BUILD_NUMBER}', 5],
      ],
    );
    const deploy = pipeline.stages[1];
    expect(deploy && stageChain(deploy).map((s) => s.name)).toEqual(['Deploy production', 'Release']);
    expect(deploy?.headerRange).toEqual({ line: 11, column: 9, endLine: 11, endColumn: 35 });
  });

  it('lists the variables bound to credentials', () => {
    const bound = jenkinsPipeline(
      new SourceFile(
        'Jenkinsfile',
        'jenkinsfile',
        "node {\n  withCredentials([usernamePassword(credentialsId: 'hub', usernameVariable: 'U', passwordVariable: 'P'), string(credentialsId: 't', variable: 'TOKEN')]) {\n    sh 'make'\n  }\n}\n",
      ),
    );
    expect(bound.credentialVariables).toEqual(['U', 'P', 'TOKEN']);
    expect(pipeline.credentialVariables).toEqual(['REGISTRY', 'REGISTRY_USR', 'REGISTRY_PSW']);
  });

  it('parses sh scripts as shell with offsets through the Groovy string', () => {
    const step = pipeline.steps.find((s) => s.script);
    const [command] = step?.script?.shell.commands ?? [];
    expect(command && text.slice(command.start, command.end)).toBe(
      'helm upgrade api ./chart \\\n                --set image.tag=${TAG} -n "prod"',
    );
    expect(step?.activities.map((a) => [a.label, a.targets, a.range.line, a.range.column])).toEqual([
      ['helm upgrade', ['prod', 'api', './chart'], 14, 15],
    ]);
  });
});
