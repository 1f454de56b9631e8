/**
 * The incident record a postmortem is written from (YAML or JSON), validated with positions: every problem
 * points at the field (or, for a missing one, at the map that should hold it). Blame language is flagged:
 * a blameless postmortem describes what the system allowed, not who erred.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import {
  getKeyNode,
  getNode,
  isMap,
  isScalar,
  isSeq,
  items,
  type Node,
  nodeRange,
  parseYaml,
  scalarValue,
} from '../parsers/yaml.js';
import { SEVERITY_LEVELS, type SeverityLevel } from './severity-matrix.js';

export interface TimelineEntry {
  at: string;
  event: string;
}

export interface ActionItem {
  action: string;
  owner: string;
  due: string;
  priority?: string;
  ticket?: string;
}

export interface IncidentRecord {
  id?: string;
  title: string;
  severity: SeverityLevel;
  status: string;
  commander: string;
  started: string;
  detected?: string;
  resolved?: string;
  summary: string;
  impact: { description: string; usersAffected?: string; duration?: string; revenue?: string; dataLoss?: string };
  detection: { how: string; alert?: string; delay?: string };
  response: string[];
  timeline: TimelineEntry[];
  contributingFactors: string[];
  fiveWhys: string[];
  actionItems: ActionItem[];
  lessons: { wentWell: string[]; wentWrong: string[]; lucky: string[] };
}

export interface RecordProblem {
  severity: 'error' | 'warning';
  message: string;
  range: Range;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const BLAME =
  /\b(human error|operator error|fault of|(?:was|is) to blame|blamed?|careless(?:ness|ly)?|negligen(?:t|ce)|should have known|incompeten(?:t|ce)|stupid|screwed up|messed up|sloppy|lazy)\b/i;
const TOP_KEYS = new Set([
  'id',
  'title',
  'severity',
  'status',
  'commander',
  'started',
  'detected',
  'resolved',
  'summary',
  'impact',
  'detection',
  'response',
  'timeline',
  'contributingFactors',
  'fiveWhys',
  'actionItems',
  'lessons',
]);

/** Reads and validates a record. `record` is undefined when the file is not a mapping at all. */
export function readIncidentRecord(file: SourceFile): {
  record: IncidentRecord | undefined;
  problems: RecordProblem[];
} {
  const problems: RecordProblem[] = [];
  const parsed = parseYaml(file);
  for (const e of parsed.errors) problems.push({ severity: 'error', message: e.message, range: e.range });
  if (problems.length > 0) return { record: undefined, problems };
  const doc = parsed.documents[0];
  const root = doc?.contents;
  if (!doc || !isMap(root)) {
    problems.push({
      severity: 'error',
      message: 'An incident record is a mapping (title, severity, timeline, …).',
      range: file.range(0, 0),
    });
    return { record: undefined, problems };
  }
  const d = doc.doc;
  const error = (node: unknown, message: string) =>
    problems.push({ severity: 'error', message, range: nodeRange(file, node) });
  const warn = (node: unknown, message: string) =>
    problems.push({ severity: 'warning', message, range: nodeRange(file, node) });
  const anchor = (map: Node) => (map as { items?: { key?: unknown }[] }).items?.[0]?.key ?? map;

  for (const pair of (root as { items: { key: unknown }[] }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_KEYS.has(key)) warn(pair.key, `Unknown field "${key}" (ignored).`);
  }

  const text = (map: Node, key: string, path: string, required: boolean): string | undefined => {
    const node = getNode(map, key, d);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) error(getKeyNode(map, key, d) ?? anchor(map), `Missing required field \`${path}\`.`);
      return undefined;
    }
    const value = scalarValue(node);
    if (!isScalar(node) || value === null || typeof value === 'object') {
      error(node, `\`${path}\` must be text.`);
      return undefined;
    }
    const s = String(value).trim();
    if (s === '' && required) error(node, `\`${path}\` must not be empty.`);
    if (BLAME.test(s))
      warn(
        node,
        `\`${path}\` uses blame language ("${BLAME.exec(s)?.[0]}"): describe what the system allowed, not who erred.`,
      );
    return s;
  };
  const timestamp = (map: Node, key: string, path: string, required: boolean): string | undefined => {
    const node = getNode(map, key, d);
    const value = text(map, key, path, required);
    if (value !== undefined && !DATE_TIME.test(value)) {
      error(node, `\`${path}\` must be a date-time such as 2024-05-02T14:05Z (got "${value}").`);
    }
    return value;
  };
  const list = (map: Node, key: string, path: string, required: boolean): string[] => {
    const node = getNode(map, key, d);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) error(getKeyNode(map, key, d) ?? anchor(map), `Missing required field \`${path}\` (a list).`);
      return [];
    }
    if (isScalar(node)) return [text(map, key, path, required) ?? ''].filter(Boolean);
    if (!isSeq(node)) {
      error(node, `\`${path}\` must be a list.`);
      return [];
    }
    const out: string[] = [];
    items(node, d).forEach((item, i) => {
      const v = scalarValue(item);
      if (!isScalar(item) || v === null || typeof v === 'object') error(item, `\`${path}[${i}]\` must be text.`);
      else {
        const s = String(v).trim();
        if (BLAME.test(s))
          warn(
            item,
            `\`${path}[${i}]\` uses blame language ("${BLAME.exec(s)?.[0]}"): describe what the system allowed, not who erred.`,
          );
        out.push(s);
      }
    });
    if (required && out.length === 0) error(node, `\`${path}\` must list at least one entry.`);
    return out;
  };
  const map = (key: string, required: boolean): Node | undefined => {
    const node = getNode(root, key, d);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) error(getKeyNode(root, key, d) ?? anchor(root), `Missing required field \`${key}\` (a mapping).`);
      return undefined;
    }
    if (!isMap(node)) {
      error(node, `\`${key}\` must be a mapping.`);
      return undefined;
    }
    return node;
  };

  const severityNode = getNode(root, 'severity', d);
  const severityText = text(root, 'severity', 'severity', true);
  const severity = SEVERITY_LEVELS.find((s) => s === severityText?.toUpperCase());
  if (severityText !== undefined && !severity)
    error(severityNode, `\`severity\` must be one of ${SEVERITY_LEVELS.join(', ')} (got "${severityText}").`);

  const impactNode = map('impact', true);
  const detectionNode = map('detection', true);
  const lessonsNode = map('lessons', false);
  const started = timestamp(root, 'started', 'started', true);
  const resolved = timestamp(root, 'resolved', 'resolved', false);
  if (getNode(root, 'resolved', d) === undefined)
    warn(anchor(root), 'No `resolved` time: the duration cannot be computed.');

  const timeline: TimelineEntry[] = [];
  const timelineNode = getNode(root, 'timeline', d);
  if (timelineNode === undefined) error(anchor(root), 'Missing required field `timeline` (a list of { at, event }).');
  else if (!isSeq(timelineNode)) error(timelineNode, '`timeline` must be a list of { at, event }.');
  else {
    items(timelineNode, d).forEach((entry, i) => {
      if (!isMap(entry)) {
        error(entry, `\`timeline[${i}]\` must be a mapping with \`at\` and \`event\`.`);
        return;
      }
      const at = timestamp(entry, 'at', `timeline[${i}].at`, true);
      const event = text(entry, 'event', `timeline[${i}].event`, true);
      if (at !== undefined && event !== undefined) timeline.push({ at, event });
    });
    if (timeline.length === 0 && items(timelineNode, d).length === 0)
      error(timelineNode, '`timeline` must list at least one event.');
    const sorted = timeline.every(
      (e, i) => i === 0 || Date.parse(normalise(timeline[i - 1]?.at ?? '')) <= Date.parse(normalise(e.at)),
    );
    if (!sorted) warn(timelineNode, '`timeline` is not in chronological order.');
  }

  const actionItems: ActionItem[] = [];
  const actionsNode = getNode(root, 'actionItems', d);
  if (actionsNode === undefined)
    error(anchor(root), 'Missing required field `actionItems` (a list of { action, owner, due }).');
  else if (!isSeq(actionsNode)) error(actionsNode, '`actionItems` must be a list of { action, owner, due }.');
  else {
    const list = items(actionsNode, d);
    if (list.length === 0)
      error(actionsNode, '`actionItems` must list at least one action: a postmortem without actions changes nothing.');
    list.forEach((entry, i) => {
      if (!isMap(entry)) {
        error(entry, `\`actionItems[${i}]\` must be a mapping with \`action\`, \`owner\` and \`due\`.`);
        return;
      }
      const p = `actionItems[${i}]`;
      const action = text(entry, 'action', `${p}.action`, true);
      const owner = text(entry, 'owner', `${p}.owner`, true);
      const due = text(entry, 'due', `${p}.due`, true);
      if (due !== undefined && (!DATE.test(due) || Number.isNaN(Date.parse(due)))) {
        error(getNode(entry, 'due', d), `\`${p}.due\` must be a date (YYYY-MM-DD), got "${due}".`);
      }
      const priority = text(entry, 'priority', `${p}.priority`, false);
      const ticket = text(entry, 'ticket', `${p}.ticket`, false);
      if (action && owner && due) {
        actionItems.push({ action, owner, due, ...(priority ? { priority } : {}), ...(ticket ? { ticket } : {}) });
      }
    });
  }
  const whys = list(root, 'fiveWhys', 'fiveWhys', true);
  const whysNode = getNode(root, 'fiveWhys', d);
  if (whys.length > 0 && whys.length < 3 && whysNode)
    warn(whysNode, `Only ${whys.length} "why" answered: keep asking until the cause is a system property.`);

  const record: IncidentRecord = {
    ...optional('id', text(root, 'id', 'id', false)),
    title: text(root, 'title', 'title', true) ?? '',
    severity: severity ?? 'SEV3',
    status: text(root, 'status', 'status', false) ?? 'draft',
    commander: text(root, 'commander', 'commander', true) ?? '',
    started: started ?? '',
    ...optional('detected', timestamp(root, 'detected', 'detected', false)),
    ...optional('resolved', resolved),
    summary: text(root, 'summary', 'summary', true) ?? '',
    impact: {
      description: impactNode ? (text(impactNode, 'description', 'impact.description', true) ?? '') : '',
      ...optional('usersAffected', impactNode && text(impactNode, 'usersAffected', 'impact.usersAffected', false)),
      ...optional('duration', impactNode && text(impactNode, 'duration', 'impact.duration', false)),
      ...optional('revenue', impactNode && text(impactNode, 'revenue', 'impact.revenue', false)),
      ...optional('dataLoss', impactNode && text(impactNode, 'dataLoss', 'impact.dataLoss', false)),
    },
    detection: {
      how: detectionNode ? (text(detectionNode, 'how', 'detection.how', true) ?? '') : '',
      ...optional('alert', detectionNode && text(detectionNode, 'alert', 'detection.alert', false)),
      ...optional('delay', detectionNode && text(detectionNode, 'delay', 'detection.delay', false)),
    },
    response: list(root, 'response', 'response', false),
    timeline,
    contributingFactors: list(root, 'contributingFactors', 'contributingFactors', true),
    fiveWhys: whys,
    actionItems,
    lessons: {
      wentWell: lessonsNode ? list(lessonsNode, 'wentWell', 'lessons.wentWell', false) : [],
      wentWrong: lessonsNode ? list(lessonsNode, 'wentWrong', 'lessons.wentWrong', false) : [],
      lucky: lessonsNode ? list(lessonsNode, 'lucky', 'lessons.lucky', false) : [],
    },
  };
  if (!lessonsNode) warn(anchor(root), 'No `lessons` (wentWell, wentWrong, lucky): the review has nothing to share.');
  // By position; at one position (a missing field points at the map) errors before warnings.
  problems.sort(
    (a, b) =>
      a.range.line - b.range.line ||
      a.range.column - b.range.column ||
      Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  return { record, problems };
}

function optional<K extends string>(key: K, value: string | undefined | null | false): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** `2024-05-02 14:05` and `…T14:05Z` both parse (Date.parse needs the T). */
export function normalise(ts: string): string {
  const t = ts.replace(' ', 'T');
  return /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
}
