/**
 * `alertmanager.yml` (kind `alertmanager-config`): the routing tree with each route's matchers, and the
 * receivers with their notifier configs and effective `send_resolved`.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  type Document,
  entries,
  getKeyNode,
  getNode,
  isMap,
  isTrue,
  items,
  type Node,
  nodeRange,
  parseYaml,
  scalarString,
  scalarValue,
} from '../parsers/yaml.js';

export interface RouteMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export interface AmRoute {
  /** The `route:` / `routes:` item key or map: where findings about the route go. */
  range: Range;
  groupBy: string[] | undefined;
  matchers: RouteMatcher[];
  receiver: string | undefined;
  routes: AmRoute[];
}

export interface NotifierConfig {
  /** `slack_configs`, `email_configs`, … */
  type: string;
  range: Range;
  /** As written; undefined when the default applies. */
  sendResolved: boolean | undefined;
  sendResolvedRange: Range | undefined;
}

export interface AmReceiver {
  name: string;
  range: Range;
  configs: NotifierConfig[];
}

export interface AlertmanagerConfig {
  firstKeyRange: Range;
  route: AmRoute | undefined;
  receivers: AmReceiver[];
}

/** Alertmanager's documented default of `send_resolved` per notifier (false only for these). */
const SEND_RESOLVED_DEFAULT_FALSE = new Set(['email_configs', 'slack_configs', 'wechat_configs']);

export function sendResolvedDefault(type: string): boolean {
  return !SEND_RESOLVED_DEFAULT_FALSE.has(type);
}

export function alertmanagerConfig(file: SourceFile): AlertmanagerConfig | undefined {
  return file.cached('alertmanager-config', () => {
    const d = parseYaml(file).documents.find((x) => isMap(x.contents));
    if (!d) return undefined;
    const root = d.contents as Node;
    const firstKey = (root as { items?: { key?: unknown }[] }).items?.[0]?.key;
    const routeNode = getNode(root, 'route', d.doc);
    const routeKey = getKeyNode(root, 'route', d.doc);
    return {
      firstKeyRange: nodeRange(file, firstKey ?? root),
      route: isMap(routeNode) ? readRoute(file, d.doc, routeNode, routeKey ?? routeNode) : undefined,
      receivers: items(getNode(root, 'receivers', d.doc), d.doc).map((r) => readReceiver(file, d.doc, r)),
    };
  });
}

function readRoute(file: SourceFile, doc: Document, node: Node, at: Node): AmRoute {
  const groupByNode = getNode(node, 'group_by', doc);
  const matchers: RouteMatcher[] = [];
  for (const [label, , value] of entries(getNode(node, 'match', doc), doc)) {
    matchers.push({ label, op: '=', value: scalarString(value) ?? '' });
  }
  for (const [label, , value] of entries(getNode(node, 'match_re', doc), doc)) {
    matchers.push({ label, op: '=~', value: scalarString(value) ?? '' });
  }
  for (const m of items(getNode(node, 'matchers', doc), doc)) {
    const parsed = parseMatcher(scalarString(m) ?? '');
    if (parsed) matchers.push(parsed);
  }
  const children = items(getNode(node, 'routes', doc), doc).filter((r) => isMap(r));
  return {
    range: nodeRange(file, at),
    groupBy: groupByNode === undefined ? undefined : items(groupByNode, doc).map((n) => scalarString(n) ?? ''),
    matchers,
    receiver: scalarString(getNode(node, 'receiver', doc)),
    routes: children.map((c) => readRoute(file, doc, c, firstKeyOf(c))),
  };
}

/** `severity="critical"`, `severity=~"critical|page"`, `severity = critical` (Alertmanager's matcher syntax). */
export function parseMatcher(text: string): RouteMatcher | undefined {
  const m = /^\s*"?([A-Za-z_][\w]*)"?\s*(=~|!~|!=|=)\s*(.*?)\s*$/.exec(text);
  if (!m) return undefined;
  let value = m[3] ?? '';
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    value = value.slice(1, -1).replace(/\\"/g, '"');
  return { label: m[1] as string, op: m[2] as RouteMatcher['op'], value };
}

function readReceiver(file: SourceFile, doc: Document, node: Node): AmReceiver {
  const configs: NotifierConfig[] = [];
  for (const [key, , value] of entries(node, doc)) {
    if (!key.endsWith('_configs')) continue;
    for (const config of items(value, doc)) {
      const sr = getNode(config, 'send_resolved', doc);
      configs.push({
        type: key,
        range: nodeRange(file, firstKeyOf(config)),
        sendResolved: sr === undefined || scalarValue(sr) === null ? undefined : isTrue(sr),
        sendResolvedRange: sr === undefined ? undefined : nodeRange(file, sr),
      });
    }
  }
  const nameNode = getNode(node, 'name', doc);
  return { name: scalarString(nameNode) ?? '', range: nodeRange(file, nameNode ?? node), configs };
}

function firstKeyOf(node: Node): Node {
  const first = (node as { items?: { key?: unknown }[] }).items?.[0]?.key;
  return (first as Node | undefined) ?? node;
}

/** Every route of the tree, root first. */
export function allRoutes(route: AmRoute | undefined): AmRoute[] {
  if (!route) return [];
  return [route, ...route.routes.flatMap((r) => allRoutes(r))];
}
