// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold HCL `${…}` interpolation, not JS templates
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { type HclExpr, hclWasmPath, initHcl, isHclReady, parseHcl, treeSitterWasmPath } from './hcl.js';
import { attribute, childBlocks, exprRangeAt, literalString } from './hcl-ast.js';

beforeAll(() => initHcl());

const tf = (text: string, path = 'main.tf') => parseHcl(new SourceFile(path, 'terraform', text));
const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  line,
  column,
  endLine,
  endColumn,
});
const value = (text: string): HclExpr => {
  const a = tf(`x = ${text}\n`).body.attributes[0];
  if (!a) throw new Error('no attribute');
  return a.value;
};

describe('initHcl', () => {
  it('loads once and finds both wasm files in their packages', async () => {
    await initHcl();
    expect(isHclReady()).toBe(true);
    expect(existsSync(hclWasmPath())).toBe(true);
    expect(hclWasmPath()).toMatch(/tree-sitter-hcl\.wasm$/);
    expect(existsSync(treeSitterWasmPath())).toBe(true);
  });
});

describe('parseHcl: structure and positions', () => {
  it('models blocks, labels and attributes with 1-based, end-exclusive ranges', () => {
    const file = tf(
      'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  versioning {\n    enabled = true\n  }\n}\n',
    );
    expect(file.errors).toEqual([]);
    const block = file.body.blocks[0];
    expect(block?.type).toBe('resource');
    expect(block?.labels.map((l) => [l.value, l.range])).toEqual([
      ['aws_s3_bucket', r(1, 10, 1, 25)],
      ['logs', r(1, 26, 1, 32)],
    ]);
    expect(block?.typeRange).toEqual(r(1, 1, 1, 9));
    expect(block?.headRange).toEqual(r(1, 1, 1, 32));
    expect(block?.range).toEqual(r(1, 1, 6, 2));
    const bucket = block && attribute(block.body, 'bucket');
    expect(bucket?.nameRange).toEqual(r(2, 3, 2, 9));
    expect(bucket?.value.range).toEqual(r(2, 12, 2, 23));
    expect(literalString(bucket?.value)).toBe('acme-logs');
    const versioning = block && childBlocks(block.body, 'versioning')[0];
    expect(versioning && attribute(versioning.body, 'enabled')?.value).toMatchObject({ kind: 'literal', value: true });
  });

  it('counts columns in UTF-16 code units, like SourceFile', () => {
    const a = tf('a = "é😀"\nb = 1\n').body.attributes;
    expect(a[0]?.value.range).toEqual(r(1, 5, 1, 10));
    expect(a[1]?.range).toEqual(r(2, 1, 2, 6));
  });

  it('accepts identifier labels and empty blocks', () => {
    const block = tf('resource aws_vpc main {}\n').body.blocks[0];
    expect(block?.labels.map((l) => l.value)).toEqual(['aws_vpc', 'main']);
    expect(block?.body.attributes).toEqual([]);
  });
});

describe('parseHcl: expressions', () => {
  it('literals', () => {
    expect(value('1.5e3')).toMatchObject({ kind: 'literal', value: 1500 });
    expect(value('null')).toMatchObject({ kind: 'literal', value: null });
    expect(value('-1')).toMatchObject({ kind: 'unary', operator: '-', operand: { value: 1 } });
  });

  it('quoted templates: escapes, literal `$${`, interpolation parts', () => {
    expect(literalString(value('"a\\nb\\"c\\u00e9 $${x} %%{y}"'))).toBe('a\nb"cé ${x} %{y}');
    expect(literalString(value('"  padded  "'))).toBe('  padded  ');
    const t = value('"app-${var.env}-x"');
    expect(t.kind).toBe('template');
    expect(t.kind === 'template' && t.parts).toMatchObject([
      'app-',
      { kind: 'traversal', root: 'var', steps: ['env'] },
      '-x',
    ]);
  });

  it('heredocs: content lines, `<<-` indentation, offsets of the raw content', () => {
    const text = 'x = <<-EOT\n    {\n      "a": 1\n    }\n    EOT\ny = <<EOF\nkeep  \nEOF\n';
    const [x, y] = tf(text).body.attributes;
    expect(literalString(x?.value)).toBe('{\n  "a": 1\n}\n');
    expect(x?.value.kind === 'template' && x.value.heredoc).toEqual({ start: 11, end: 36 });
    expect(literalString(y?.value)).toBe('keep  \n');
  });

  it('traversals, calls, collections and computed keys', () => {
    expect(value('var.list[0].name')).toMatchObject({ kind: 'traversal', root: 'var', steps: ['list', 0, 'name'] });
    expect(value('local.m["k"]')).toMatchObject({ steps: ['m', 'k'] });
    expect(value('aws_instance.web.0.id')).toMatchObject({ root: 'aws_instance', steps: ['web', 0, 'id'] });
    expect(value('merge(local.a, { b = 1 })')).toMatchObject({
      kind: 'call',
      name: 'merge',
      args: [{ kind: 'traversal' }, { kind: 'object', items: [{ key: 'b' }] }],
    });
    expect(value('concat(var.a...)')).toMatchObject({ kind: 'call', expandFinal: true });
    const obj = value('{ "quoted-key" = 1, (var.k) = 2, plain: 3 }');
    expect(obj.kind === 'object' && obj.items.map((i) => i.key)).toEqual(['quoted-key', undefined, 'plain']);
    expect(value('[1, # comment\n 2]')).toMatchObject({ kind: 'tuple', items: [{ value: 1 }, { value: 2 }] });
  });

  it('keeps what it does not evaluate as `other`, with its sub-expressions', () => {
    const e = value('var.a == "x" ? terraform.workspace : [for s in var.l : upper(s)]');
    expect(e.kind).toBe('other');
    expect(e.kind === 'other' && e.children.some((c) => c.kind === 'traversal' && c.root === 'terraform')).toBe(true);
    expect(value('aws_instance.web[*].id').kind).toBe('other');
  });

  it('finds the range of a nested part by path', () => {
    const e = value('{\n  Statement = [{ Action = "*" }]\n}');
    expect(exprRangeAt(e, ['Statement', 0, 'Action'])).toEqual(r(2, 27, 2, 30));
    expect(exprRangeAt(e, ['Statement', 3])).toEqual(r(2, 15, 2, 33));
  });
});

describe('parseHcl: errors', () => {
  it('reports tree-sitter ERROR and MISSING nodes with positions', () => {
    expect(tf('resource "x" "y" {\n  a = \n}\n').errors).toEqual([
      { message: 'HCL syntax error: unexpected "a ="', range: r(2, 3, 2, 6) },
    ]);
    const missing = tf('a = [1, 2\n');
    expect(missing.errors.length).toBeGreaterThan(0);
    expect(missing.errors[0]?.message).toMatch(/^HCL syntax error: (missing|unexpected)/);
  });

  it('never throws on arbitrary or mutated input', () => {
    const valid = 'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.y}"\n  tags = merge(local.t, { a = 1 })\n}\n';
    fc.assert(
      fc.property(fc.string(), fc.nat(valid.length), (noise, at) => {
        tf(noise, 'noise.tf');
        tf(valid.slice(0, at) + noise + valid.slice(at), 'mutated.tf');
      }),
      { numRuns: 300 },
    );
    expect(() => tf(`${'['.repeat(5000)}`, 'deep.tf')).not.toThrow();
    expect(() => tf(`x = ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 'nested.tf')).not.toThrow();
  });
});

describe('parseHcl: Terraform JSON syntax', () => {
  it('reads top-level blocks with labels, arrays of blocks, and `${}` references', () => {
    const file = parseHcl(
      new SourceFile(
        'main.tf.json',
        'terraform-json',
        '{\n  "//": "comment",\n  "resource": {"aws_s3_bucket": {"b": {"bucket": "${var.name}", "versioning": {"enabled": true}}}},\n  "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "us", "region": "us-east-1"}]}\n}\n',
      ),
    );
    expect(file.errors).toEqual([]);
    expect(file.body.blocks.map((b) => [b.type, b.labels.map((l) => l.value)])).toEqual([
      ['resource', ['aws_s3_bucket', 'b']],
      ['provider', ['aws']],
      ['provider', ['aws']],
    ]);
    const bucket = file.body.blocks[0];
    expect(bucket?.headRange).toEqual(r(3, 3, 3, 37));
    expect(bucket && attribute(bucket.body, 'bucket')?.value).toMatchObject({
      kind: 'traversal',
      root: 'var',
      steps: ['name'],
    });
    const versioning = bucket && childBlocks(bucket.body, 'versioning');
    expect(versioning?.map((v) => attribute(v.body, 'enabled')?.value)).toMatchObject([
      { kind: 'literal', value: true },
    ]);
  });

  it('reads nested labelled blocks on demand, tfvars.json as literal attributes, and reports JSON errors', () => {
    const tfJson = parseHcl(
      new SourceFile('b.tf.json', 'terraform-json', '{"terraform": {"backend": {"s3": {"bucket": "x"}}}}'),
    );
    const terraform = tfJson.body.blocks[0];
    expect(terraform && childBlocks(terraform.body, 'backend', 1).map((b) => b.labels[0]?.value)).toEqual(['s3']);
    const vars = parseHcl(new SourceFile('a.tfvars.json', 'tfvars', '{"name": "${not-a-ref}"}'));
    expect(literalString(vars.body.attributes[0]?.value)).toBe('${not-a-ref}');
    const broken = parseHcl(new SourceFile('x.tf.json', 'terraform-json', '{"a": }'));
    expect(broken.errors[0]).toMatchObject({ message: 'JSON parse error: ValueExpected', range: r(1, 7, 1, 8) });
  });
});
