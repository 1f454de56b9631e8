import type { Range } from '../core/types.js';
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclTraversal } from './hcl.js';
import { jsonBlocks } from './hcl-json.js';

/** Queries over parsed HCL that hide the HCL/JSON syntax difference. */

export function attribute(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

/** Nested blocks of a type; in JSON syntax, an object attribute of that name read as blocks. */
export function childBlocks(body: HclBody, type: string, labelCount = 0): HclBlock[] {
  const blocks = body.blocks.filter((b) => b.type === type);
  if (body.syntax !== 'json') return blocks;
  for (const a of body.attributes) if (a.name === type) blocks.push(...jsonBlocks(a, labelCount));
  return blocks;
}

export function childBlock(body: HclBody, type: string): HclBlock | undefined {
  return childBlocks(body, type)[0];
}

/** Walks a path of nested blocks (`settings` → `ip_configuration`), first block of each type. */
export function blockPath(body: HclBody, path: readonly string[]): HclBlock | undefined {
  let current: HclBlock | undefined;
  let b = body;
  for (const type of path) {
    current = childBlock(b, type);
    if (!current) return undefined;
    b = current.body;
  }
  return current;
}

/**
 * Bodies nested in a body: its blocks, and in JSON syntax its object-valued attributes (which may be
 * blocks). For walks that look at every attribute of a resource.
 */
export function childBodies(body: HclBody): HclBody[] {
  const out = body.blocks.map((b) => b.body);
  if (body.syntax === 'json') {
    for (const a of body.attributes) {
      if (a.value.kind === 'object' || a.value.kind === 'tuple') out.push(...jsonBlocks(a, 0).map((b) => b.body));
    }
  }
  return out;
}

/** The string of a plain string literal (no interpolation); undefined for anything else. */
export function literalString(expr: HclExpr | undefined): string | undefined {
  if (expr?.kind !== 'template') return undefined;
  if (!expr.parts.every((p) => typeof p === 'string')) return undefined;
  return expr.parts.join('');
}

/** Calls `visit` on an expression and every expression nested in it. */
export function walkExpr(expr: HclExpr, visit: (e: HclExpr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'template':
      for (const p of expr.parts) if (typeof p !== 'string') walkExpr(p, visit);
      break;
    case 'tuple':
      for (const item of expr.items) walkExpr(item, visit);
      break;
    case 'object':
      for (const item of expr.items) walkExpr(item.value, visit);
      break;
    case 'traversal':
      for (const s of expr.steps) if (typeof s === 'object') walkExpr(s, visit);
      break;
    case 'call':
      for (const a of expr.args) walkExpr(a, visit);
      break;
    case 'unary':
      walkExpr(expr.operand, visit);
      break;
    case 'other':
      for (const c of expr.children) walkExpr(c, visit);
      break;
    default:
      break;
  }
}

/** Every expression of a body, its nested blocks included. */
export function walkBodyExprs(body: HclBody, visit: (e: HclExpr) => void): void {
  for (const a of body.attributes) walkExpr(a.value, visit);
  for (const b of body.blocks) walkBodyExprs(b.body, visit);
}

/** True when the expression is `root.first…` (e.g. `terraform.workspace`, `aws_s3_bucket.logs`). */
export function isTraversalOf(expr: HclExpr, root: string, first?: string): expr is HclTraversal {
  return expr.kind === 'traversal' && expr.root === root && (first === undefined || expr.steps[0] === first);
}

/**
 * The range of the sub-expression at a path of object keys / tuple indices (`['Statement', 0, 'Action']`),
 * or of the deepest expression the path reaches (a reference, a call) when it cannot go further.
 */
export function exprRangeAt(expr: HclExpr, path: readonly (string | number)[]): Range {
  let current = expr;
  for (const step of path) {
    let next: HclExpr | undefined;
    if (current.kind === 'object' && typeof step === 'string') next = current.items.find((i) => i.key === step)?.value;
    else if (current.kind === 'tuple' && typeof step === 'number') next = current.items[step];
    if (!next) break;
    current = next;
  }
  return current.range;
}
