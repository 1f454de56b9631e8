/**
 * PromQL parser: the official lezer grammar (@prometheus-io/lezer-promql) for syntax, then our own AST and
 * the checks Prometheus's parser makes after the grammar (types, arities, selectors, strings, regexes,
 * durations; see promql-check.ts). Error offsets are indices into the expression text.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type {
  DurationNode,
  Grouping,
  LabelRef,
  Matcher,
  MatchOperator,
  PromNode,
  SelectorNode,
  Span,
  VectorMatching,
} from './promql-ast.js';
import { checkPromQL } from './promql-check.js';
import { decodeString } from './promql-lex.js';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

export interface PromQLError extends Span {
  message: string;
}

export interface PromQLParse {
  /** The AST, when the expression is syntactically valid (it may still have type errors). */
  ast: PromNode | undefined;
  /** Errors sorted by position; the first one is the one to report (later ones may be cascades). */
  errors: PromQLError[];
}

/** Expressions longer than this are not parsed (a rule file is not a place for megabyte queries). */
export const MAX_PROMQL_LENGTH = 100_000;

export function parsePromQL(text: string): PromQLParse {
  if (text.length > MAX_PROMQL_LENGTH) {
    return { ast: undefined, errors: [{ from: 0, to: 1, message: 'expression is too long to parse' }] };
  }
  if (text.trim() === '') return { ast: undefined, errors: [{ from: 0, to: 0, message: 'empty expression' }] };
  const tree = parser.parse(text);
  const errors: PromQLError[] = [];
  const strings: SyntaxNode[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) {
        errors.push(syntaxError(text, ref.from, ref.to));
        return false;
      }
      if (ref.name === 'StringLiteral') strings.push(ref.node);
      return undefined;
    },
  });
  // The grammar accepts unterminated strings and any escape; Prometheus's lexer does not. A bad string is
  // the cause of whatever the grammar reports after it (an unterminated one swallows the rest), so it comes first.
  const stringErrors: PromQLError[] = [];
  for (const s of strings) {
    const decoded = decodeString(text.slice(s.from, s.to));
    if (decoded.error) stringErrors.push({ ...shift(decoded.error, s.from), message: decoded.error.message });
  }
  if (stringErrors.length > 0) return { ast: undefined, errors: [...sortErrors(stringErrors), ...sortErrors(errors)] };
  if (errors.length > 0) return { ast: undefined, errors: sortErrors(errors) };
  const top = firstExpr(tree.topNode);
  if (!top) return { ast: undefined, errors: [{ from: 0, to: text.length, message: 'not an expression' }] };
  const ast = convert(text, top);
  return { ast, errors: sortErrors(checkPromQL(ast)) };
}

function shift(span: Span, by: number): Span {
  return { from: span.from + by, to: span.to + by };
}

function sortErrors(errors: PromQLError[]): PromQLError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = `${e.from}:${e.to}:${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** A readable message for a grammar error node at [from, to). */
function syntaxError(text: string, from: number, to: number): PromQLError {
  let start = from;
  // Zero-width error nodes sit before whitespace: point at the next token instead.
  if (to === from) while (start < text.length && /\s/.test(text[start] ?? '')) start++;
  if (start >= text.length) {
    const open = unclosedBracket(text);
    if (open) return { from: open.at, to: open.at + 1, message: `unclosed ${open.name}` };
    const end = text.trimEnd().length;
    return { from: Math.max(0, end - 1), to: end, message: 'unexpected end of expression' };
  }
  const token = to > start ? text.slice(start, to) : (/^(\w+|\S)/.exec(text.slice(start))?.[0] ?? '');
  const before = text.slice(0, start).trimEnd();
  const name = /([A-Za-z_:][\w:]*)$/.exec(before)?.[1];
  if (
    token.startsWith('(') &&
    name !== undefined &&
    !/^(by|without|on|ignoring|group_left|group_right|bool)$/i.test(name)
  ) {
    const hint = name === 'holt_winters' ? ' (renamed double_exponential_smoothing in Prometheus 3)' : '';
    const nameStart = before.length - name.length;
    return { from: nameStart, to: before.length, message: `unknown function "${name}"${hint}` };
  }
  return { from: start, to: start + Math.max(1, token.length), message: `unexpected "${token.slice(0, 40)}"` };
}

const BRACKETS: Record<string, [string, string]> = {
  '(': [')', 'left parenthesis'],
  '[': [']', 'left bracket'],
  '{': ['}', 'left brace'],
};

/** The innermost bracket left open at the end of the text (strings and comments skipped). */
function unclosedBracket(text: string): { at: number; name: string } | undefined {
  const stack: { at: number; char: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\' && c !== '`') i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (BRACKETS[c]) {
      stack.push({ at: i, char: c });
    } else if (stack.length > 0 && BRACKETS[stack[stack.length - 1]?.char ?? '']?.[0] === c) {
      stack.pop();
    }
  }
  const last = stack[stack.length - 1];
  return last ? { at: last.at, name: BRACKETS[last.char]?.[1] ?? 'bracket' } : undefined;
}

function isExpr(node: SyntaxNode): boolean {
  return node.type.is('Expr');
}

function firstExpr(node: SyntaxNode): SyntaxNode | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) if (isExpr(c)) return c;
  return undefined;
}

function exprChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (isExpr(c)) out.push(c);
  return out;
}

function child(node: SyntaxNode, name: string): SyntaxNode | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return undefined;
}

function children(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) out.push(c);
  return out;
}

const BINARY_OPERATORS = new Set([
  'Pow',
  'Mul',
  'Div',
  'Mod',
  'Atan2',
  'Add',
  'Sub',
  'Eql',
  'Gte',
  'Gtr',
  'TrimUpper',
  'TrimLower',
  'Lte',
  'Lss',
  'Neq',
  'And',
  'Unless',
  'Or',
]);

function convert(text: string, node: SyntaxNode): PromNode {
  const span = { from: node.from, to: node.to };
  const src = (n: { from: number; to: number }) => text.slice(n.from, n.to);
  const sub = (n: SyntaxNode | undefined): PromNode =>
    n ? convert(text, n) : { type: 'number', value: Number.NaN, ...span };
  switch (node.name) {
    case 'NumberDurationLiteral':
      return { type: 'number', value: numberValue(src(node)), ...span };
    case 'StringLiteral':
      return { type: 'string', value: decodeString(src(node)).value, ...span };
    case 'VectorSelector':
      return selector(text, node);
    case 'MatrixSelector': {
      const [inner] = exprChildren(node);
      return { type: 'matrix', expr: sub(inner), range: duration(text, child(node, 'DurationExpr')), ...span };
    }
    case 'SubqueryExpr': {
      const [inner] = exprChildren(node);
      const [range, step] = children(node, 'DurationExpr');
      return {
        type: 'subquery',
        expr: sub(inner),
        range: duration(text, range),
        step: step ? duration(text, step) : undefined,
        ...span,
      };
    }
    case 'FunctionCall': {
      const id = child(node, 'FunctionIdentifier');
      const body = child(node, 'FunctionCallBody');
      return {
        type: 'call',
        func: id ? src(id) : '',
        funcSpan: id ? { from: id.from, to: id.to } : span,
        args: body ? exprChildren(body).map((a) => convert(text, a)) : [],
        ...span,
      };
    }
    case 'AggregateExpr': {
      const op = child(node, 'AggregateOp');
      const body = child(node, 'FunctionCallBody');
      const modifier = child(node, 'AggregateModifier');
      return {
        type: 'aggregate',
        op: op ? src(op).toLowerCase() : '',
        opSpan: op ? { from: op.from, to: op.to } : span,
        args: body ? exprChildren(body).map((a) => convert(text, a)) : [],
        grouping: modifier ? grouping(text, modifier) : undefined,
        ...span,
      };
    }
    case 'BinaryExpr': {
      const [lhs, rhs] = exprChildren(node);
      let opNode: SyntaxNode | undefined;
      for (let c = node.firstChild; c; c = c.nextSibling) if (BINARY_OPERATORS.has(c.name)) opNode = opNode ?? c;
      const matching = child(node, 'MatchingModifierClause');
      return {
        type: 'binary',
        op: opNode ? src(opNode).toLowerCase() : '',
        opSpan: opNode ? { from: opNode.from, to: opNode.to } : span,
        bool: child(node, 'BoolModifier') !== undefined,
        matching: matching ? vectorMatching(text, matching) : undefined,
        lhs: sub(lhs),
        rhs: sub(rhs),
        ...span,
      };
    }
    case 'UnaryExpr': {
      const op = child(node, 'UnaryOp');
      return { type: 'unary', op: op ? src(op) : '-', expr: sub(firstExpr(node)), ...span };
    }
    case 'ParenExpr':
      return { type: 'paren', expr: sub(firstExpr(node)), ...span };
    case 'OffsetExpr':
      return { type: 'modifier', modifier: 'offset', expr: sub(firstExpr(node)), ...span };
    case 'StepInvariantExpr':
      return { type: 'modifier', modifier: 'at', expr: sub(firstExpr(node)), ...span };
    case 'AnchoredExpr':
      return { type: 'modifier', modifier: 'anchored', expr: sub(firstExpr(node)), ...span };
    case 'SmoothedExpr':
      return { type: 'modifier', modifier: 'smoothed', expr: sub(firstExpr(node)), ...span };
    default:
      return { type: 'number', value: Number.NaN, ...span };
  }
}

function labelRef(text: string, node: SyntaxNode): LabelRef {
  const raw = text.slice(node.from, node.to);
  const name = node.name === 'QuotedLabelName' ? decodeString(raw).value : raw;
  return { name, from: node.from, to: node.to };
}

function labelList(text: string, node: SyntaxNode | undefined): LabelRef[] {
  if (!node) return [];
  const out: LabelRef[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'LabelName' || c.name === 'QuotedLabelName') out.push(labelRef(text, c));
  }
  return out;
}

function grouping(text: string, node: SyntaxNode): Grouping {
  return { without: child(node, 'Without') !== undefined, labels: labelList(text, child(node, 'GroupingLabels')) };
}

function vectorMatching(text: string, node: SyntaxNode): VectorMatching {
  const [labels, include] = children(node, 'GroupingLabels');
  const group = child(node, 'GroupLeft') ? 'left' : child(node, 'GroupRight') ? 'right' : undefined;
  return {
    on: child(node, 'On') !== undefined,
    labels: labelList(text, labels),
    group,
    include: labelList(text, include),
  };
}

function selector(text: string, node: SyntaxNode): SelectorNode {
  const id = child(node, 'Identifier');
  const matchers: Matcher[] = [];
  let name = id ? text.slice(id.from, id.to) : undefined;
  const list = child(node, 'LabelMatchers');
  for (let c = list?.firstChild; c; c = c.nextSibling) {
    if (c.name === 'QuotedLabelName') {
      // `{"metric.name"}`: a UTF-8 metric name written inside the braces (Prometheus 3).
      const ref = labelRef(text, c);
      matchers.push({
        label: { name: '__name__', from: c.from, to: c.to },
        op: '=',
        value: ref.name,
        valueSpan: { from: c.from, to: c.to },
        from: c.from,
        to: c.to,
      });
      name = name ?? ref.name;
      continue;
    }
    if (c.name !== 'UnquotedLabelMatcher' && c.name !== 'QuotedLabelMatcher') continue;
    const label = child(c, 'LabelName') ?? child(c, 'QuotedLabelName');
    const op = child(c, 'MatchOp');
    const value = child(c, 'StringLiteral');
    if (!label || !op || !value) continue;
    const ref = labelRef(text, label);
    const matcher: Matcher = {
      label: ref,
      op: text.slice(op.from, op.to) as MatchOperator,
      value: decodeString(text.slice(value.from, value.to)).value,
      valueSpan: { from: value.from, to: value.to },
      from: c.from,
      to: c.to,
    };
    matchers.push(matcher);
  }
  const nameMatcher = matchers.find((m) => m.label.name === '__name__' && m.op === '=');
  return {
    type: 'selector',
    name: name ?? nameMatcher?.value,
    nameSpan: id ? { from: id.from, to: id.to } : undefined,
    matchers,
    from: node.from,
    to: node.to,
  };
}

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/** Milliseconds of a Prometheus duration (`1h30m`, `90s`), or undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  if (text === '') return undefined;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  let total = 0;
  UNIT_MS.forEach((unit, i) => {
    const part = m[i + 1];
    if (part !== undefined) total += Number(part) * unit;
  });
  return total;
}

function duration(text: string, node: SyntaxNode | undefined): DurationNode {
  if (!node) return { ms: undefined, from: 0, to: 0 };
  const raw = text.slice(node.from, node.to).trim();
  const asDuration = durationMs(raw);
  const asSeconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : undefined;
  return { ms: asDuration ?? asSeconds, from: node.from, to: node.to };
}

function numberValue(raw: string): number {
  const text = raw.replace(/_/g, '');
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  const lower = body.toLowerCase();
  if (lower === 'inf') return sign * Number.POSITIVE_INFINITY;
  if (lower === 'nan') return Number.NaN;
  if (lower.startsWith('0x')) return sign * Number.parseInt(lower.slice(2), 16);
  const ms = durationMs(body);
  if (ms !== undefined && !/^\d+$/.test(body)) return (sign * ms) / 1000;
  return sign * Number(body);
}
