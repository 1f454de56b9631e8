/**
 * Prometheus rule files: plain `groups:` files and `PrometheusRule` resources (`spec.groups`), classified
 * as `prometheus-rules`. The model lists groups and rules with their ranges, parses every `expr` with the
 * PromQL parser (error offsets mapped into the file through the YAML scalar), and records the structural
 * problems Prometheus's own loader (rulefmt) rejects, for PRM001.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { durationMs, type PromQLParse, parsePromQL } from '../parsers/promql.js';
import type { Span } from '../parsers/promql-ast.js';
import {
  type Document,
  getKeyNode,
  getNode,
  isMap,
  isPair,
  isScalar,
  isSeq,
  items,
  type Node,
  nodeRange,
  parseYaml,
  resolve,
  scalarString,
  type YAMLMap,
} from '../parsers/yaml.js';
import { type ScalarSource, scalarSource } from '../parsers/yaml-scalar.js';

export interface PromExpr {
  text: string;
  /** Range of the YAML scalar holding the expression. */
  range: Range;
  parse: PromQLParse;
  /** File range of a span of the expression text. */
  rangeOf(span: Span): Range;
}

export interface KeyValue {
  name: string;
  value: string | undefined;
  keyRange: Range;
  valueRange: Range;
}

export interface PromRule {
  kind: 'alert' | 'record';
  name: string;
  /** The `alert:` / `record:` value: where findings about the rule go. */
  nameRange: Range;
  group: string;
  expr: PromExpr | undefined;
  /** `for:` as written, with its value in ms (undefined when it is not a duration). */
  for: { text: string; ms: number | undefined; range: Range } | undefined;
  labels: KeyValue[];
  annotations: KeyValue[];
}

export interface RuleGroup {
  name: string;
  nameRange: Range;
  rules: PromRule[];
}

export interface StructureProblem {
  range: Range;
  message: string;
}

export interface RuleFileModel {
  file: SourceFile;
  groups: RuleGroup[];
  /** What Prometheus would refuse to load (PromQL errors are on each rule's `expr.parse`). */
  problems: StructureProblem[];
}

const GROUP_KEYS = new Set([
  'name',
  'interval',
  'limit',
  'query_offset',
  'labels',
  'rules',
  'partial_response_strategy',
]);
const RULE_KEYS = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The rule file's model, built once per file. */
export function ruleFileModel(file: SourceFile): RuleFileModel {
  return file.cached('prometheus-rules', () => buildModel(file));
}

/** Every rule of every rule file in the project, in file order. */
export function allRules(files: readonly SourceFile[]): { file: SourceFile; rule: PromRule }[] {
  return files.flatMap((file) => ruleFileModel(file).groups.flatMap((g) => g.rules.map((rule) => ({ file, rule }))));
}

/** Prometheus duration (`5m`, `1h30m`; a bare `0` is allowed as Prometheus allows it). */
export function parseRuleDuration(text: string): number | undefined {
  return text === '0' ? 0 : durationMs(text);
}

interface Ctx {
  file: SourceFile;
  doc: Document;
  problems: StructureProblem[];
}

function buildModel(file: SourceFile): RuleFileModel {
  const groups: RuleGroup[] = [];
  const problems: StructureProblem[] = [];
  for (const d of parseYaml(file).documents) {
    const root = resolve(d.contents, d.doc);
    if (!root || (isScalar(root) && root.value === null)) continue;
    const ctx: Ctx = { file, doc: d.doc, problems };
    const fail = (node: unknown, message: string) => problems.push({ range: nodeRange(file, node), message });
    if (!isMap(root)) {
      fail(root, 'Not a rule file: expected a map with `groups:`.');
      continue;
    }
    let groupsNode: Node | undefined;
    let groupsKey: Node | undefined;
    if (scalarString(getNode(root, 'kind', d.doc)) === 'PrometheusRule') {
      const spec = getNode(root, 'spec', d.doc);
      groupsNode = spec === undefined ? undefined : getNode(spec, 'groups', d.doc);
      groupsKey = spec === undefined ? undefined : getKeyNode(spec, 'groups', d.doc);
      if (spec !== undefined && !isMap(spec)) fail(spec, '`spec` of a PrometheusRule must be a map with `groups:`.');
    } else if (getNode(root, 'apiVersion', d.doc) !== undefined && getNode(root, 'kind', d.doc) !== undefined) {
      continue; // another Kubernetes object in the same file
    } else {
      checkKeys(ctx, root, new Set(['groups']), 'a rule file has only `groups:`');
      groupsNode = getNode(root, 'groups', d.doc);
      groupsKey = getKeyNode(root, 'groups', d.doc);
    }
    readGroups(ctx, groupsNode, groupsKey, groups);
  }
  return { file, groups, problems };
}

function readGroups(ctx: Ctx, groupsNode: Node | undefined, groupsKey: Node | undefined, out: RuleGroup[]): void {
  const { file, doc } = ctx;
  const fail = (node: unknown, message: string) => ctx.problems.push({ range: nodeRange(file, node), message });
  if (groupsNode === undefined || (isScalar(groupsNode) && groupsNode.value === null)) return;
  if (!isSeq(groupsNode)) {
    fail(groupsKey ?? groupsNode, '`groups` must be a list of groups.');
    return;
  }
  const seen = new Map<string, Range>();
  for (const groupNode of items(groupsNode, doc)) {
    if (!isMap(groupNode)) {
      fail(groupNode, 'A group must be a map with `name:` and `rules:`.');
      continue;
    }
    checkKeys(ctx, groupNode, GROUP_KEYS, 'a group has `name`, `interval`, `limit`, `query_offset`, `labels`, `rules`');
    const nameNode = getNode(groupNode, 'name', doc);
    const name = scalarString(nameNode) ?? '';
    const nameRange = nodeRange(file, nameNode ?? firstKey(groupNode));
    if (name === '') fail(nameNode ?? firstKey(groupNode), 'Group name must not be empty.');
    const first = seen.get(name);
    if (name !== '' && first)
      fail(nameNode, `Group name "${name}" is repeated in the same file (first at line ${first.line}).`);
    if (name !== '' && !first) seen.set(name, nameRange);
    for (const key of ['interval', 'query_offset']) checkDuration(ctx, getNode(groupNode, key, doc), key);
    const limit = getNode(groupNode, 'limit', doc);
    if (limit !== undefined && !(isScalar(limit) && Number.isInteger(limit.value))) {
      fail(limit, '`limit` must be an integer.');
    }
    const group: RuleGroup = { name, nameRange, rules: [] };
    const rulesNode = getNode(groupNode, 'rules', doc);
    if (rulesNode !== undefined && !(isScalar(rulesNode) && rulesNode.value === null)) {
      if (!isSeq(rulesNode)) fail(getKeyNode(groupNode, 'rules', doc) ?? rulesNode, '`rules` must be a list of rules.');
      for (const ruleNode of items(rulesNode, doc)) {
        const rule = readRule(ctx, ruleNode, name);
        if (rule) group.rules.push(rule);
      }
    }
    out.push(group);
  }
}

function readRule(ctx: Ctx, node: Node, group: string): PromRule | undefined {
  const { file, doc } = ctx;
  const fail = (at: unknown, message: string) => ctx.problems.push({ range: nodeRange(file, at), message });
  if (!isMap(node)) {
    fail(node, 'A rule must be a map with `alert:` or `record:` and `expr:`.');
    return undefined;
  }
  checkKeys(
    ctx,
    node,
    RULE_KEYS,
    'a rule has `alert`/`record`, `expr`, `for`, `keep_firing_for`, `labels`, `annotations`',
  );
  const alertNode = getNode(node, 'alert', doc);
  const recordNode = getNode(node, 'record', doc);
  const alert = scalarString(alertNode) ?? '';
  const record = scalarString(recordNode) ?? '';
  if (alert !== '' && record !== '') fail(recordNode, "Only one of 'record' and 'alert' must be set.");
  if (alert === '' && record === '') {
    fail(alertNode ?? recordNode ?? firstKey(node), "One of 'record' or 'alert' must be set.");
    return undefined;
  }
  const kind = alert !== '' ? 'alert' : 'record';
  const name = alert !== '' ? alert : record;
  const nameNode = (alert !== '' ? alertNode : recordNode) as Node;
  const nameRange = nodeRange(file, nameNode);
  if (kind === 'record' && !METRIC_NAME.test(name)) fail(nameNode, `Invalid recording rule name: ${name}.`);

  const exprNode = getNode(node, 'expr', doc);
  const exprText = scalarString(exprNode);
  let expr: PromExpr | undefined;
  if (exprNode !== undefined && exprText === undefined && !(isScalar(exprNode) && exprNode.value === null)) {
    fail(exprNode, '`expr` must be a string.');
  } else if (exprText === undefined || exprText.trim() === '') {
    fail(exprNode ?? nameNode, "Field 'expr' must be set in rule.");
  } else {
    expr = promExpr(file, exprNode as Node, exprText);
  }

  const forNode = getNode(node, 'for', doc);
  for (const key of ['for', 'keep_firing_for']) checkDuration(ctx, getNode(node, key, doc), key);
  if (kind === 'record') {
    for (const key of ['for', 'keep_firing_for', 'annotations']) {
      if (getNode(node, key, doc) !== undefined) fail(nameNode, `Invalid field '${key}' in recording rule.`);
    }
  }
  const forText = scalarString(forNode);
  const labels = keyValues(ctx, getNode(node, 'labels', doc), 'labels', kind === 'alert');
  const annotations = keyValues(ctx, getNode(node, 'annotations', doc), 'annotations', kind === 'alert');
  return {
    kind,
    name,
    nameRange,
    group,
    expr,
    for:
      forText === undefined
        ? undefined
        : { text: forText, ms: parseRuleDuration(forText), range: nodeRange(file, forNode) },
    labels,
    annotations,
  };
}

function promExpr(file: SourceFile, node: Node, text: string): PromExpr {
  const start = (node.range?.[0] ?? 0) as number;
  // The character map is only needed to report: built on first use.
  let source: ScalarSource | undefined | null = null;
  const at = (i: number) => {
    if (source === null) source = scalarSource(file.text, node);
    return source?.offsetOf(i) ?? start;
  };
  return {
    text,
    range: nodeRange(file, node),
    parse: parsePromQL(text),
    rangeOf: (span) => file.range(at(span.from), span.to > span.from ? at(span.to) : at(span.from)),
  };
}

function keyValues(ctx: Ctx, node: Node | undefined, what: string, templated: boolean): KeyValue[] {
  const { file } = ctx;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) {
    ctx.problems.push({ range: nodeRange(file, node), message: `\`${what}\` must be a map.` });
    return [];
  }
  checkKeys(ctx, node, undefined, '');
  const out: KeyValue[] = [];
  for (const pair of (node as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const name = scalarString(pair.key) ?? '';
    const valueNode = resolve(pair.value, ctx.doc);
    const value = scalarString(valueNode);
    if (!LABEL_NAME.test(name) || (what === 'labels' && name === '__name__')) {
      ctx.problems.push({
        range: nodeRange(file, pair.key),
        message: `Invalid ${what === 'labels' ? 'label' : 'annotation'} name: ${name}.`,
      });
    }
    if (valueNode !== undefined && value === undefined && !(isScalar(valueNode) && valueNode.value === null)) {
      ctx.problems.push({
        range: nodeRange(file, valueNode),
        message: `The value of ${what}.${name} must be a string.`,
      });
    }
    if (templated && value !== undefined && unclosedAction(value)) {
      ctx.problems.push({
        range: nodeRange(file, valueNode),
        message: `Template of ${what}.${name} has an unclosed action ("{{" without "}}").`,
      });
    }
    out.push({ name, value, keyRange: nodeRange(file, pair.key), valueRange: nodeRange(file, valueNode ?? pair.key) });
  }
  return out;
}

/** Go templates fail to parse when an action `{{` is never closed. */
function unclosedAction(text: string): boolean {
  let i = text.indexOf('{{');
  while (i >= 0) {
    const close = text.indexOf('}}', i + 2);
    if (close < 0) return true;
    i = text.indexOf('{{', close + 2);
  }
  return false;
}

function checkDuration(ctx: Ctx, node: Node | undefined, key: string): void {
  if (node === undefined || (isScalar(node) && node.value === null)) return;
  const text = scalarString(node);
  if (text === undefined || parseRuleDuration(text) === undefined) {
    ctx.problems.push({
      range: nodeRange(ctx.file, node),
      message: `\`${key}\` is not a valid duration: "${text ?? '…'}" (use e.g. 5m, 1h30m).`,
    });
  }
}

/** Unknown keys (when `allowed` is given) and keys written twice: both make Prometheus refuse the file. */
function checkKeys(ctx: Ctx, map: Node, allowed: ReadonlySet<string> | undefined, hint: string): void {
  const seen = new Map<string, number>();
  for (const pair of (map as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const key = scalarString(pair.key);
    if (key === undefined) continue;
    const range = nodeRange(ctx.file, pair.key);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problems.push({ range, message: `Key "${key}" is defined twice in the same map (first at line ${first}).` });
    } else {
      seen.set(key, range.line);
    }
    if (allowed && !allowed.has(key)) ctx.problems.push({ range, message: `Unknown field "${key}" (${hint}).` });
  }
}

function firstKey(map: Node): Node {
  const pair = (map as YAMLMap).items?.[0];
  return (isPair(pair) ? (pair.key as Node) : undefined) ?? map;
}
