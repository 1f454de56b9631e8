/**
 * A small typed AST for PromQL, built from the lezer-promql syntax tree. Offsets are 0-based indices into
 * the expression text (not the file): callers map them through the YAML or JSON scalar they came from.
 */

export interface Span {
  from: number;
  to: number;
}

export interface LabelRef extends Span {
  name: string;
}

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface Matcher extends Span {
  label: LabelRef;
  op: MatchOperator;
  value: string;
  valueSpan: Span;
}

export interface NumberNode extends Span {
  type: 'number';
  value: number;
}

export interface StringNode extends Span {
  type: 'string';
  value: string;
}

export interface SelectorNode extends Span {
  type: 'selector';
  /** The metric name, written before `{` or as `__name__="…"` / a quoted name inside it. */
  name: string | undefined;
  /** Where the name is written before `{`, when it is. */
  nameSpan: Span | undefined;
  matchers: Matcher[];
}

export interface DurationNode extends Span {
  /** Milliseconds, when the duration is a literal (`5m`, `300`); undefined for duration arithmetic. */
  ms: number | undefined;
}

export interface MatrixNode extends Span {
  type: 'matrix';
  expr: PromNode;
  range: DurationNode;
}

export interface SubqueryNode extends Span {
  type: 'subquery';
  expr: PromNode;
  range: DurationNode;
  step: DurationNode | undefined;
}

export interface CallNode extends Span {
  type: 'call';
  func: string;
  funcSpan: Span;
  args: PromNode[];
}

export interface Grouping {
  without: boolean;
  labels: LabelRef[];
}

export interface AggregateNode extends Span {
  type: 'aggregate';
  op: string;
  opSpan: Span;
  /** The written arguments: `[vector]`, or `[param, vector]` for topk, quantile, count_values, … */
  args: PromNode[];
  grouping: Grouping | undefined;
}

export interface VectorMatching {
  on: boolean;
  labels: LabelRef[];
  group: 'left' | 'right' | undefined;
  include: LabelRef[];
}

export interface BinaryNode extends Span {
  type: 'binary';
  /** Lower-case operator text: `+`, `/`, `==`, `and`, `atan2`, … */
  op: string;
  opSpan: Span;
  bool: boolean;
  matching: VectorMatching | undefined;
  lhs: PromNode;
  rhs: PromNode;
}

export interface UnaryNode extends Span {
  type: 'unary';
  op: string;
  expr: PromNode;
}

export interface ParenNode extends Span {
  type: 'paren';
  expr: PromNode;
}

/** `offset`, `@`, and the experimental `anchored` / `smoothed` modifiers. */
export interface ModifierNode extends Span {
  type: 'modifier';
  modifier: 'offset' | 'at' | 'anchored' | 'smoothed';
  expr: PromNode;
}

export type PromNode =
  | NumberNode
  | StringNode
  | SelectorNode
  | MatrixNode
  | SubqueryNode
  | CallNode
  | AggregateNode
  | BinaryNode
  | UnaryNode
  | ParenNode
  | ModifierNode;

/** The direct sub-expressions of a node. */
export function childrenOf(node: PromNode): PromNode[] {
  switch (node.type) {
    case 'matrix':
    case 'subquery':
    case 'unary':
    case 'paren':
    case 'modifier':
      return [node.expr];
    case 'call':
    case 'aggregate':
      return node.args;
    case 'binary':
      return [node.lhs, node.rhs];
    default:
      return [];
  }
}

/** Depth-first, pre-order walk; `parents` lists the ancestors, nearest last. */
export function walkPromQL(
  node: PromNode,
  visit: (node: PromNode, parents: readonly PromNode[]) => void,
  parents: PromNode[] = [],
): void {
  visit(node, parents);
  parents.push(node);
  for (const child of childrenOf(node)) walkPromQL(child, visit, parents);
  parents.pop();
}

/** Every node of the tree, pre-order. */
export function nodesOf(root: PromNode): PromNode[] {
  const out: PromNode[] = [];
  walkPromQL(root, (n) => out.push(n));
  return out;
}

/** The node with parentheses removed. */
export function unwrapParens(node: PromNode): PromNode {
  let current = node;
  while (current.type === 'paren') current = current.expr;
  return current;
}

/** Every metric selector of the tree (inside ranges, calls and aggregations included). */
export function selectorsOf(root: PromNode): SelectorNode[] {
  return nodesOf(root).filter((n): n is SelectorNode => n.type === 'selector');
}

/** Names of the functions called anywhere in the tree. */
export function functionsOf(root: PromNode): Set<string> {
  const out = new Set<string>();
  for (const n of nodesOf(root)) if (n.type === 'call') out.add(n.func);
  return out;
}
