import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { parseTfJson } from './hcl-json.js';
import { convertTree, emptyBody } from './hcl-tree.js';

/**
 * HCL (Terraform) parser with positions. A real grammar (tree-sitter-hcl, as wasm: no native build) is
 * turned into plain typed objects with 1-based ranges; the tree-sitter tree is freed right away.
 * `*.tf.json` / `*.tfvars.json` (Terraform's JSON syntax) map onto the same objects.
 */

export interface HclError {
  message: string;
  range: Range;
}

export interface HclFile {
  body: HclBody;
  errors: HclError[];
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
  range: Range;
  /** JSON syntax cannot tell nested blocks from object attributes; `childBlocks` bridges that. */
  syntax: 'hcl' | 'json';
}

export interface HclLabel {
  value: string;
  range: Range;
}

export interface HclBlock {
  type: string;
  typeRange: Range;
  labels: HclLabel[];
  /** From the block type to its last label: where findings about the block (or what it lacks) go. */
  headRange: Range;
  body: HclBody;
  range: Range;
}

export interface HclAttribute {
  name: string;
  nameRange: Range;
  value: HclExpr;
  range: Range;
}

export interface HclLiteral {
  kind: 'literal';
  value: number | boolean | null;
  range: Range;
}

/** A string: quoted or heredoc. Literal parts are unescaped; interpolations are expressions. */
export interface HclTemplate {
  kind: 'template';
  parts: (string | HclExpr)[];
  /** File offsets of a heredoc's raw content (its lines between the markers), for JSON inside it. */
  heredoc?: { start: number; end: number };
  range: Range;
}

export interface HclTuple {
  kind: 'tuple';
  items: HclExpr[];
  range: Range;
}

export interface HclObjectItem {
  /** Undefined for a computed key (`(var.k) = …`). */
  key: string | undefined;
  keyRange: Range;
  value: HclExpr;
  range: Range;
}

export interface HclObject {
  kind: 'object';
  items: HclObjectItem[];
  range: Range;
}

/** `var.x`, `local.tags.team`, `aws_s3_bucket.b[0].id`: a root name then attribute/index steps. */
export interface HclTraversal {
  kind: 'traversal';
  root: string;
  steps: (string | number | HclExpr)[];
  range: Range;
}

export interface HclCall {
  kind: 'call';
  name: string;
  args: HclExpr[];
  /** `f(list...)`: the last argument is expanded. */
  expandFinal: boolean;
  range: Range;
}

export interface HclUnary {
  kind: 'unary';
  operator: '-' | '!';
  operand: HclExpr;
  range: Range;
}

/** Everything a static review does not evaluate (conditionals, for, operators, splats); keeps sub-expressions. */
export interface HclOther {
  kind: 'other';
  children: HclExpr[];
  range: Range;
}

export type HclExpr = HclLiteral | HclTemplate | HclTuple | HclObject | HclTraversal | HclCall | HclUnary | HclOther;

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Where a wasm file is: beside the running module (a bundled `dist/`), else in its npm package. */
function wasmBesideOrInPackage(fileName: string, specifier: string): string {
  const beside = fileURLToPath(new URL(fileName, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(specifier);
}

/** The HCL grammar's wasm file. */
export function hclWasmPath(): string {
  return wasmBesideOrInPackage('tree-sitter-hcl.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm');
}

/** The tree-sitter runtime's own wasm file (looked up the same way, so both can ship in `dist/`). */
export function treeSitterWasmPath(): string {
  return wasmBesideOrInPackage('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
}

/**
 * Loads the grammar once. Wasm instantiation is asynchronous, and `lint()` is not: await this before
 * reviewing Terraform files. Safe to call many times; a failed load can be retried.
 */
export function initHcl(): Promise<void> {
  loading ??= (async () => {
    await Parser.init({ locateFile: () => treeSitterWasmPath() });
    const language = await Language.load(hclWasmPath());
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function isHclReady(): boolean {
  return parser !== undefined;
}

/** Parses a `.tf` / `.tfvars` (HCL) or `.tf.json` / `.tfvars.json` file once (cached on the file). */
export function parseHcl(file: SourceFile): HclFile {
  return file.cached('hcl', () => (file.path.toLowerCase().endsWith('.json') ? parseTfJson(file) : parseNative(file)));
}

function parseNative(file: SourceFile): HclFile {
  if (!parser) throw new Error('HCL grammar not loaded: await initHcl() before parsing Terraform files');
  const tree = parser.parse(file.text);
  if (!tree) {
    return { body: emptyBody(file.range(0, 0)), errors: [{ message: 'HCL parse failed', range: file.range(0, 0) }] };
  }
  try {
    return convertTree(file, tree);
  } finally {
    // The tree lives in wasm memory: free it now that the plain objects are built.
    tree.delete();
  }
}
