// biome-ignore-all lint/suspicious/noTemplateCurlyInString: generators write HCL `${…}` interpolation, not JS templates
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../src/core/project.js';
import { SourceFile } from '../src/core/source-file.js';
import { terraformModel } from '../src/models/terraform.js';
import { initHcl, parseHcl } from '../src/parsers/hcl.js';
import { reviewSources } from '../src/review.js';

/**
 * HCL robustness: random HCL (generated from the grammar's shapes) and mutated real Terraform (the TF rule
 * tests' fixtures and the examples) never make the parser, the Terraform model or a whole review throw.
 */

beforeAll(() => initHcl());

const root = new URL('..', import.meta.url).pathname;

/** HCL fixtures of the TF rule tests: their single-quoted string literals that hold a block. */
function seedsFromTfTests(): string[] {
  const dir = join(root, 'src/rules/tf');
  const out: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
      const raw = m[1] ?? '';
      if (!/(resource|variable|terraform|provider|module|locals|data|output) /.test(raw)) continue;
      out.push(raw.replace(/\\n/g, '\n').replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
    }
  }
  return out;
}

function tfFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.tf')) out.push(readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const SEEDS = [...seedsFromTfTests(), ...tfFilesUnder(join(root, 'examples'))];

const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const stringPart = fc.oneof(
  fc.stringMatching(/^[\w .:/*-]{0,12}$/),
  ident.map((i) => `\${var.${i}}`),
  ident.map((i) => `%{ if var.${i} }x%{ endif }`),
  fc.constantFrom('\\"', '\\n', '$${literal}', '\\u00e9'),
);

/** HCL expressions of every syntactic kind the converter handles (and a few it does not evaluate). */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(Math.abs(d))),
    fc.constantFrom('true', 'false', 'null'),
    fc.array(stringPart, { maxLength: 4 }).map((parts) => `"${parts.join('')}"`),
    fc.tuple(ident, ident).map(([a, b]) => `var.${a}.${b}`),
    fc.tuple(ident, ident).map(([a, b]) => `aws_s3_bucket.${a}[0].${b}`),
    ident.map((i) => `local.${i}`),
    fc.array(tie('e'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(fc.tuple(ident, tie('e')), { maxLength: 3 })
      .map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc
      .tuple(
        fc.constantFrom('merge', 'concat', 'jsonencode', 'lookup', 'length', 'upper', 'tolist'),
        fc.array(tie('e'), { maxLength: 3 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(ident, tie('e')).map(([i, e]) => `[for ${i} in ${e} : ${i}]`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '==', '&&', '||', '>='), tie('e'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(ident).map(([i]) => `var.${i}[*].id`),
    fc.array(stringPart, { maxLength: 3 }).map((lines) => `<<-EOT\n  ${lines.join('\n  ')}\nEOT`),
  ),
})).e;

const blockType = fc.constantFrom(
  'resource',
  'data',
  'variable',
  'output',
  'locals',
  'module',
  'provider',
  'terraform',
  'backend',
  'dynamic',
);

const body: fc.Arbitrary<string> = fc.letrec<{ b: string }>((tie) => ({
  b: fc
    .array(
      fc.oneof(
        { depthSize: 'small' },
        fc.tuple(ident, expr).map(([k, v]) => `${k} = ${v}`),
        fc
          .tuple(blockType, fc.array(ident, { maxLength: 2 }), tie('b'))
          .map(([t, labels, inner]) => `${t} ${labels.map((l) => `"${l}"`).join(' ')} {\n${inner}\n}`),
        fc.constantFrom('# comment', '// comment', '/* block\ncomment */'),
      ),
      { maxLength: 5 },
    )
    .map((lines) => lines.join('\n')),
})).b;

const mutation = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 12 }),
  ins: fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '(',
      ')',
      '"',
      '${',
      '%{',
      '=',
      '\n',
      '<<EOT\n',
      'EOT',
      '#',
      '/*',
      '\\',
      '\0',
      '\uFFFD',
    ),
  ),
});

function mutate(text: string, edits: { at: number; del: number; ins: string }[]): string {
  return edits.reduce((t, e) => {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    return t.slice(0, at) + e.ins + t.slice(at + e.del);
  }, text);
}

/** Everything a review does with a Terraform file, none of which may throw. */
function exercise(text: string, path = 'infra/main.tf'): void {
  const file = new SourceFile(path, path.endsWith('.json') ? 'terraform-json' : 'terraform', text);
  const parsed = parseHcl(file);
  for (const e of parsed.errors) {
    expect(e.range.line).toBeGreaterThanOrEqual(1);
    expect(e.range.column).toBeGreaterThanOrEqual(1);
  }
  const model = terraformModel(new Project([file]));
  for (const module of model.modules) {
    for (const r of module.resources) for (const a of r.block.body.attributes) module.value(a.value);
    for (const local of module.locals.keys()) module.scope.local(local);
  }
  const findings = reviewSources({ [path]: text, 'infra/terraform.tfvars': 'environment = "dev"\n' });
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.endLine).toBeGreaterThanOrEqual(f.line);
  }
}

describe('HCL fuzzing', () => {
  it('has seeds from the TF rule tests and the examples', () => {
    expect(seedsFromTfTests().length).toBeGreaterThan(40);
    expect(SEEDS.length).toBeGreaterThan(60);
  });

  it('the generator writes mostly valid HCL (the property is not only about garbage)', () => {
    const samples = fc.sample(body, { numRuns: 100, seed: 7 });
    const valid = samples.filter((text) => parseHcl(new SourceFile('x.tf', 'terraform', text)).errors.length === 0);
    expect(valid.length).toBeGreaterThan(60);
  });

  it('random HCL never throws through the parser, the model or a review', () => {
    fc.assert(
      fc.property(body, (text) => {
        exercise(text);
      }),
      { numRuns: 150, seed: 20_240_601 },
    );
  });

  it('mutated Terraform never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 5 }), (seed, edits) => {
        exercise(mutate(seed, edits));
      }),
      { numRuns: 200, seed: 20_240_602 },
    );
  });

  it('mutated Terraform JSON never throws', () => {
    const json = JSON.stringify({
      resource: { aws_instance: { web: { instance_type: 'm4.large', tags: { project: '${var.p}' } } } },
      variable: { p: { default: 'x' } },
    });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 5 }), (edits) => {
        exercise(mutate(json, edits), 'infra/main.tf.json');
      }),
      { numRuns: 100, seed: 20_240_603 },
    );
  });
});
