/**
 * Grafana dashboards (kind `grafana-dashboard`): the classic JSON model and provisioning/API exports that
 * wrap it as `{"dashboard": {…}}`. Panels are flattened (top level, collapsed rows' `panels`, legacy
 * `rows[].panels`), with their datasource, unit and PromQL targets. Positions come from the JSON parser.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { type JsonNode, jsonAt, jsonRange, parseJson } from '../parsers/json.js';
import { type PromQLParse, parsePromQL } from '../parsers/promql.js';

export interface GrafanaTarget {
  expr: string;
  range: Range;
  /** Parsed after Grafana's `$variables` are replaced by placeholders (see `withoutVariables`). */
  parse: PromQLParse;
  datasource: JsonNode | undefined;
}

export interface GrafanaPanel {
  type: string | undefined;
  typeRange: Range | undefined;
  title: string | undefined;
  /** The title value, else the panel's first property: where findings about the panel go. */
  range: Range;
  datasource: JsonNode | undefined;
  unit: string | undefined;
  targets: GrafanaTarget[];
}

export interface GrafanaDashboard {
  title: string | undefined;
  uid: string | undefined;
  /** The title value, else the dashboard object's first property. */
  range: Range;
  panels: GrafanaPanel[];
}

export function grafanaDashboard(file: SourceFile): GrafanaDashboard | undefined {
  return file.cached('grafana-dashboard', () => {
    const root = parseJson(file).root;
    if (root?.type !== 'object') return undefined;
    const wrapped = jsonAt(root, ['dashboard']);
    const dash = wrapped?.type === 'object' ? wrapped : root;
    const title = jsonAt(dash, ['title']);
    const panels: GrafanaPanel[] = [];
    const addPanels = (list: JsonNode | undefined) => {
      for (const p of list?.type === 'array' ? (list.children ?? []) : []) {
        if (p.type !== 'object') continue;
        panels.push(readPanel(file, p));
        addPanels(jsonAt(p, ['panels']));
      }
    };
    addPanels(jsonAt(dash, ['panels']));
    const rows = jsonAt(dash, ['rows']);
    for (const row of rows?.type === 'array' ? (rows.children ?? []) : []) addPanels(jsonAt(row, ['panels']));
    return {
      title: stringValue(title),
      uid: stringValue(jsonAt(dash, ['uid'])),
      range: jsonRange(file, title ?? firstKey(dash)),
      panels,
    };
  });
}

function readPanel(file: SourceFile, p: JsonNode): GrafanaPanel {
  const type = jsonAt(p, ['type']);
  const title = jsonAt(p, ['title']);
  const targets: GrafanaTarget[] = [];
  const list = jsonAt(p, ['targets']);
  for (const t of list?.type === 'array' ? (list.children ?? []) : []) {
    const exprNode = jsonAt(t, ['expr']);
    const expr = stringValue(exprNode);
    if (!exprNode || expr === undefined || expr.trim() === '') continue;
    targets.push({
      expr,
      range: jsonRange(file, exprNode),
      parse: parsePromQL(withoutVariables(expr)),
      datasource: jsonAt(t, ['datasource']),
    });
  }
  const yFormat = stringValue(jsonAt(p, ['yaxes', 0, 'format']));
  return {
    type: stringValue(type),
    typeRange: type ? jsonRange(file, type) : undefined,
    title: stringValue(title),
    range: jsonRange(file, title ?? firstKey(p)),
    datasource: jsonAt(p, ['datasource']),
    unit: nonEmpty(stringValue(jsonAt(p, ['fieldConfig', 'defaults', 'unit']))) ?? nonEmpty(yFormat),
    targets,
  };
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

function stringValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

function firstKey(node: JsonNode): JsonNode {
  return node.children?.[0]?.children?.[0] ?? node;
}

/**
 * Replaces Grafana template variables outside string literals so the query parses: a variable that is a
 * whole range or subquery window (`[$__rate_interval]`) becomes `5m`, any other becomes the identifier `x`.
 * `[[var]]` is the deprecated spelling of `$var`.
 */
export function withoutVariables(expr: string): string {
  const text = expr.replace(/\[\[(\w+)(?::\w+)?\]\]/g, '$$$1');
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      out += c;
      if (c === '\\' && quote !== '`') out += text[++i] ?? '';
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
      continue;
    }
    const m = c === '$' ? /^\$(\{[^}]*\}|\w+)/.exec(text.slice(i)) : null;
    if (!m) {
      out += c;
      continue;
    }
    const before = out.trimEnd();
    const after = text.slice(i + m[0].length).trimStart();
    const inWindow = (before.endsWith('[') || before.endsWith(':')) && (after.startsWith(']') || after.startsWith(':'));
    out += inWindow ? '5m' : 'x';
    i += m[0].length - 1;
  }
  return out;
}

const SPECIAL_DATASOURCES = new Set(['-- Grafana --', '-- Mixed --', '-- Dashboard --', 'grafana', 'default']);

/**
 * The node naming a concrete datasource instance (a name or uid written literally) rather than a template
 * variable (`$datasource`, `${DS_PROMETHEUS}`) or Grafana's built-ins; undefined when it is not hard-coded.
 */
export function hardCodedDatasource(node: JsonNode | undefined): JsonNode | undefined {
  if (!node) return undefined;
  if (node.type === 'string') {
    const v = node.value as string;
    return v.startsWith('$') || SPECIAL_DATASOURCES.has(v) ? undefined : node;
  }
  if (node.type !== 'object') return undefined;
  const uid = jsonAt(node, ['uid']);
  const value = stringValue(uid);
  if (!uid || value === undefined || value.startsWith('$') || SPECIAL_DATASOURCES.has(value)) return undefined;
  return uid;
}
