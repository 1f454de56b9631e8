/**
 * Writes `runbook_url` annotations into alert rules, as text insertions at positions taken from the YAML
 * parse, so that formatting and comments are kept byte for byte everywhere else. Alerts that already have a
 * `runbook_url` are left alone. The result is parsed again and checked before it is returned.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, parseAllDocuments, type YAMLMap } from 'yaml';

export interface LinkResult {
  text: string;
  /** Alerts that got a link, with theirs. */
  added: { alert: string; url: string }[];
  /** Alerts left alone: they already link a runbook, or their rule is written in flow style. */
  kept: { alert: string; reason: string }[];
}

interface Insertion {
  at: number;
  text: string;
  /** Characters replaced at `at` (an empty `{}` becomes `{ runbook_url: … }`). */
  replace?: number;
}

/** Adds `runbook_url: urlFor(alert)` to every alert rule of a rule file that has none. */
export function addRunbookLinks(source: string, urlFor: (alert: string) => string): LinkResult {
  const insertions: Insertion[] = [];
  const added: LinkResult['added'] = [];
  const kept: LinkResult['kept'] = [];
  for (const doc of parseAllDocuments(source, { keepSourceTokens: false }) as unknown as { contents: unknown }[]) {
    for (const rule of alertRules(doc.contents)) {
      const name = scalarText(rule.get('alert', true)) ?? '';
      if (name === '') continue;
      const annotations = rule.get('annotations', true) as Node | null | undefined;
      if (isMap(annotations) && annotations.has('runbook_url')) {
        kept.push({ alert: name, reason: 'already links a runbook' });
        continue;
      }
      const url = urlFor(name);
      const entry = `runbook_url: ${yamlScalar(url)}`;
      const insertion = insertionFor(source, rule, annotations, entry);
      if (!insertion) {
        kept.push({ alert: name, reason: 'rule written in flow style: add the link by hand' });
        continue;
      }
      insertions.push(insertion);
      added.push({ alert: name, url });
    }
  }
  let text = source;
  for (const ins of [...insertions].sort((a, b) => b.at - a.at)) {
    text = text.slice(0, ins.at) + ins.text + text.slice(ins.at + (ins.replace ?? 0));
  }
  verify(text, added);
  return { text, added, kept };
}

function alertRules(contents: unknown): YAMLMap[] {
  if (!isMap(contents)) return [];
  const spec = contents.get('spec', true);
  const isResource = scalarText(contents.get('kind', true)) === 'PrometheusRule';
  const groups = isResource ? (isMap(spec) ? spec.get('groups', true) : undefined) : contents.get('groups', true);
  if (!isSeq(groups)) return [];
  const out: YAMLMap[] = [];
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    const rules = group.get('rules', true);
    if (!isSeq(rules)) continue;
    for (const rule of rules.items) if (isMap(rule) && rule.has('alert')) out.push(rule as YAMLMap);
  }
  return out;
}

function insertionFor(
  source: string,
  rule: YAMLMap,
  annotations: Node | null | undefined,
  entry: string,
): Insertion | undefined {
  if (rule.flow) return undefined;
  const ruleIndent = columnOf(source, keyStart(rule.items[0]));
  if (annotations === undefined) {
    // No annotations: a new block after the rule's last entry, at the rule's indentation.
    const end = lineEnd(source, pairEnd(rule.items[rule.items.length - 1]));
    const pad = ' '.repeat(ruleIndent);
    return { at: end, text: `${newline(source)}${pad}annotations:${newline(source)}${pad}  ${entry}` };
  }
  if (annotations === null || (isScalar(annotations) && annotations.value === null)) {
    const pair = rule.items.find((p) => scalarText(p.key) === 'annotations') as Pair;
    const end = lineEnd(source, keyEnd(pair));
    return { at: end, text: `${newline(source)}${' '.repeat(ruleIndent + 2)}${entry}` };
  }
  if (!isMap(annotations)) return undefined;
  const [start, end] = annotations.range ?? [0, 0];
  if (annotations.flow) {
    const close = source.lastIndexOf('}', end);
    if (close < start) return undefined;
    if (annotations.items.length === 0) return { at: start, text: `{ ${entry} }`, replace: close + 1 - start };
    const before = source.slice(start, close).trimEnd();
    return { at: start + before.length, text: `, ${entry}` };
  }
  const first = annotations.items[0];
  const last = annotations.items[annotations.items.length - 1];
  if (!first || !last) return undefined;
  const indent = columnOf(source, keyStart(first));
  return { at: lineEnd(source, pairEnd(last)), text: `${newline(source)}${' '.repeat(indent)}${entry}` };
}

function keyStart(pair: Pair | undefined): number {
  return ((pair?.key as Node | undefined)?.range?.[0] ?? 0) as number;
}

function keyEnd(pair: Pair): number {
  return ((pair.key as Node | undefined)?.range?.[1] ?? 0) as number;
}

/** Offset of the last character of a pair's value (block scalars end on their last content line). */
function pairEnd(pair: Pair | undefined): number {
  const value = pair?.value as Node | undefined;
  const end = (value?.range?.[1] ?? keyEnd(pair as Pair)) as number;
  return Math.max(0, end - 1);
}

function columnOf(source: string, offset: number): number {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

/** Offset of the end of the line holding `offset` (before its line break). */
function lineEnd(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  // A value ending exactly on a line break belongs to the line before it (before the \r of a \r\n).
  if (i === offset && offset > 0 && source[offset] === '\n' && source[offset - 1] === '\r') return offset - 1;
  return i;
}

function newline(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** A plain scalar when YAML reads it back unchanged, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[A-Za-z][\w+.-]*:\/\/[^\s#]*$/.test(value) && !/: /.test(value) ? value : JSON.stringify(value);
}

/** Parses the result and checks every added link reads back as written (never write a broken file). */
function verify(text: string, added: LinkResult['added']): void {
  const found = new Map<string, string>();
  for (const doc of parseAllDocuments(text) as unknown as { contents: unknown; errors: unknown[] }[]) {
    if (doc.errors.length > 0) throw new Error('adding runbook links would make the file invalid YAML');
    for (const rule of alertRules(doc.contents)) {
      const name = scalarText(rule.get('alert', true));
      const annotations = rule.get('annotations', true);
      const url = isMap(annotations) ? scalarText(annotations.get('runbook_url', true)) : undefined;
      if (name && url) found.set(name, url);
    }
  }
  for (const a of added) {
    if (found.get(a.alert) !== a.url) throw new Error(`could not add the runbook link of ${a.alert} safely`);
  }
}
