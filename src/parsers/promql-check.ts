/**
 * The semantic checks Prometheus's parser runs after the grammar (promql/parser/parse.go `checkAST`):
 * operand and argument types, arities, vector matching, modifiers, selectors, regexes and durations.
 * Messages follow Prometheus's wording so users can search them.
 */
import type { AggregateNode, BinaryNode, CallNode, DurationNode, PromNode, SelectorNode, Span } from './promql-ast.js';
import {
  AGGREGATION_PARAMS,
  COMPARISON_OPERATORS,
  FUNCTIONS,
  type PromType,
  SET_OPERATORS,
  TYPE_NAMES,
  UNCHECKED_FUNCTIONS,
} from './promql-functions.js';
import { compileMatcherRegex } from './promql-lex.js';

export interface CheckError extends Span {
  message: string;
}

/** Type-checks a syntactically valid AST; returns every error found (the first is the one to show). */
export function checkPromQL(root: PromNode): CheckError[] {
  const errors: CheckError[] = [];
  typeOf(root, errors);
  return errors;
}

function typeOf(node: PromNode, errors: CheckError[]): PromType {
  const fail = (span: Span, message: string) => errors.push({ from: span.from, to: span.to, message });
  switch (node.type) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'selector':
      checkSelector(node, errors);
      return 'vector';
    case 'matrix': {
      if (node.expr.type !== 'selector') {
        fail(node.expr, 'ranges only allowed for vector selectors');
      } else {
        checkSelector(node.expr, errors);
      }
      checkPositive(node.range, errors);
      return 'matrix';
    }
    case 'subquery': {
      const inner = typeOf(node.expr, errors);
      if (inner !== 'vector') fail(node.expr, `subquery is only allowed on instant vector, got ${TYPE_NAMES[inner]}`);
      checkPositive(node.range, errors);
      if (node.step) checkPositive(node.step, errors);
      return 'matrix';
    }
    case 'call':
      return checkCall(node, errors);
    case 'aggregate':
      checkAggregate(node, errors);
      return 'vector';
    case 'binary':
      return checkBinary(node, errors);
    case 'unary': {
      const t = typeOf(node.expr, errors);
      if (t !== 'scalar' && t !== 'vector') {
        fail(
          node,
          `unary expression only allowed on expressions of type scalar or instant vector, got ${TYPE_NAMES[t]}`,
        );
      }
      return t;
    }
    case 'paren':
      return typeOf(node.expr, errors);
    case 'modifier': {
      const t = typeOf(node.expr, errors);
      if (node.modifier === 'offset' || node.modifier === 'at') checkModifierTarget(node.expr, node.modifier, errors);
      return t;
    }
  }
}

function checkModifierTarget(target: PromNode, modifier: 'offset' | 'at', errors: CheckError[]): void {
  // Modifiers stack (`foo offset 5m @ 100`): look through the other kind to the selector or subquery.
  let inner = target;
  while (inner.type === 'modifier' && inner.modifier !== modifier) inner = inner.expr;
  const word = modifier === 'offset' ? 'offset' : '@';
  if (inner.type === 'modifier') {
    errors.push({ from: target.from, to: target.to, message: `${word} may not be set multiple times` });
  } else if (inner.type !== 'selector' && inner.type !== 'matrix' && inner.type !== 'subquery') {
    errors.push({
      from: target.from,
      to: target.to,
      message: `${word} modifier must be preceded by an instant vector selector or range vector selector or a subquery`,
    });
  }
}

function checkPositive(duration: DurationNode, errors: CheckError[]): void {
  if (duration.ms !== undefined && duration.ms <= 0) {
    errors.push({ from: duration.from, to: duration.to, message: 'duration must be greater than 0' });
  }
}

function expectType(node: PromNode, want: PromType, context: string, errors: CheckError[], got: PromType): void {
  if (got !== want) {
    errors.push({
      from: node.from,
      to: node.to,
      message: `expected type ${TYPE_NAMES[want]} in ${context}, got ${TYPE_NAMES[got]}`,
    });
  }
}

function checkCall(node: CallNode, errors: CheckError[]): PromType {
  const types = node.args.map((a) => typeOf(a, errors));
  const signature = FUNCTIONS.get(node.func);
  if (!signature) {
    if (!UNCHECKED_FUNCTIONS.has(node.func)) {
      errors.push({ ...node.funcSpan, message: `unknown function with name "${node.func}"` });
    }
    return 'vector';
  }
  const declared = signature.args.length;
  const given = node.args.length;
  const fail = (message: string) => errors.push({ from: node.from, to: node.to, message });
  if (signature.variadic === 0) {
    if (given !== declared) fail(`expected ${declared} argument(s) in call to "${node.func}", got ${given}`);
  } else {
    const min = declared - 1;
    if (given < min) fail(`expected at least ${min} argument(s) in call to "${node.func}", got ${given}`);
    else if (signature.variadic > 0 && given > min + signature.variadic) {
      fail(`expected at most ${min + signature.variadic} argument(s) in call to "${node.func}", got ${given}`);
    }
  }
  node.args.forEach((arg, i) => {
    const want = signature.args[Math.min(i, declared - 1)];
    if (want === undefined) return;
    if (i >= declared && signature.variadic !== -1) return;
    expectType(arg, want, `call to function "${node.func}"`, errors, types[i] as PromType);
  });
  return signature.returns;
}

function checkAggregate(node: AggregateNode, errors: CheckError[]): void {
  const paramType = AGGREGATION_PARAMS.get(node.op);
  const expected = paramType === undefined ? 1 : 2;
  const types = node.args.map((a) => typeOf(a, errors));
  if (node.args.length !== expected) {
    errors.push({
      from: node.from,
      to: node.to,
      message: `wrong number of arguments for aggregate expression provided, expected ${expected}, got ${node.args.length}`,
    });
    return;
  }
  const vector = node.args[expected - 1] as PromNode;
  expectType(vector, 'vector', 'aggregation expression', errors, types[expected - 1] as PromType);
  if (paramType !== undefined) {
    expectType(node.args[0] as PromNode, paramType, 'aggregation parameter', errors, types[0] as PromType);
  }
}

function checkBinary(node: BinaryNode, errors: CheckError[]): PromType {
  const lt = typeOf(node.lhs, errors);
  const rt = typeOf(node.rhs, errors);
  const fail = (span: Span, message: string) => errors.push({ from: span.from, to: span.to, message });
  const comparison = COMPARISON_OPERATORS.has(node.op);
  const set = SET_OPERATORS.has(node.op);
  if (node.bool && !comparison) fail(node.opSpan, 'bool modifier can only be used on comparison operators');
  if (comparison && !node.bool && lt === 'scalar' && rt === 'scalar') {
    fail(node.opSpan, 'comparisons between scalars must use BOOL modifier');
  }
  const matching = node.matching;
  if (matching?.on) {
    for (const label of matching.include) {
      if (matching.labels.some((l) => l.name === label.name)) {
        fail(label, `label "${label.name}" must not occur in ON and GROUP clause at once`);
      }
    }
  }
  for (const [side, t] of [
    [node.lhs, lt],
    [node.rhs, rt],
  ] as const) {
    if (t !== 'scalar' && t !== 'vector') {
      fail(side, 'binary expression must contain only scalar and instant vector types');
      return 'vector';
    }
  }
  if ((lt !== 'vector' || rt !== 'vector') && matching && matching.labels.length > 0) {
    fail(node.opSpan, 'vector matching only allowed between instant vectors');
  } else if (lt === 'vector' && rt === 'vector' && set && matching?.group !== undefined) {
    fail(node.opSpan, `no grouping allowed for "${node.op}" operation`);
  }
  if ((lt === 'scalar' || rt === 'scalar') && set) {
    fail(node.opSpan, `set operator "${node.op}" not allowed in binary scalar expression`);
  }
  return lt === 'scalar' && rt === 'scalar' ? 'scalar' : 'vector';
}

function checkSelector(node: SelectorNode, errors: CheckError[]): void {
  const nameMatcher = node.matchers.find((m) => m.label.name === '__name__');
  if (node.nameSpan && nameMatcher) {
    errors.push({
      from: node.from,
      to: node.to,
      message: `metric name must not be set twice: "${node.name}" or "${nameMatcher.value}"`,
    });
  }
  let nonEmpty = node.nameSpan !== undefined;
  for (const m of node.matchers) {
    if (m.op === '=' || m.op === '!=') {
      if ((m.op === '=') !== (m.value === '')) nonEmpty = true;
      continue;
    }
    const compiled = compileMatcherRegex(m.value);
    if (compiled.error !== undefined || !compiled.regex) {
      errors.push({ ...m.valueSpan, message: `error parsing regexp: ${compiled.error ?? 'invalid'}` });
      continue;
    }
    const matchesEmpty = compiled.regex.test('');
    if (matchesEmpty === (m.op === '!~')) nonEmpty = true;
  }
  if (!nonEmpty) {
    errors.push({
      from: node.from,
      to: node.to,
      message: 'vector selector must contain at least one non-empty matcher',
    });
  }
}
