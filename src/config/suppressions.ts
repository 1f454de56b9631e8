import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { entries, getIn, nodeRange, parseYaml, scalarString } from '../parsers/yaml.js';

/** One suppression written in a file: inline comment or Kubernetes annotation. */
export interface Suppression {
  kind: 'next-line' | 'file' | 'annotation';
  ruleId: string;
  reason: string;
  /** Where the suppression itself is written (PDO001 reports here). */
  at: Range;
  /** Lines it covers (inclusive), for next-line and annotation suppressions. */
  fromLine: number;
  toLine: number;
  used: boolean;
}

const INLINE =
  /(?:#|\/\/)\s*proagent-devops-ignore(-file)?(?:\s+([A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*))?(?:\s*--\s*(.*?))?\s*$/;
const ANNOTATION_PREFIX = 'proagent-devops.io/ignore-';

/** Inline comment suppressions of a file (cheap: only lines mentioning the marker are examined). */
export function inlineSuppressions(file: SourceFile): Suppression[] {
  if (!file.text.includes('proagent-devops-ignore')) return [];
  const out: Suppression[] = [];
  for (let line = 1; line <= file.lineCount; line++) {
    const text = file.lineText(line);
    const idx = text.indexOf('proagent-devops-ignore');
    if (idx < 0) continue;
    const m = INLINE.exec(text);
    if (!m) continue;
    const commentStart = text.lastIndexOf(text.slice(m.index, m.index + 2), idx);
    const isFileWide = m[1] !== undefined;
    const ids = (m[2] ?? '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const reason = (m[3] ?? '').trim();
    const at = file.range(
      file.offsetAt({ line, column: commentStart + 1 }),
      file.offsetAt({ line, column: text.length + 1 }),
    );
    // A trailing comment after code covers its own line; a comment on its own line covers the next code line.
    const target = text.slice(0, commentStart).trim() !== '' ? line : nextCodeLine(file, line);
    for (const ruleId of ids.length > 0 ? ids : ['']) {
      out.push({
        kind: isFileWide ? 'file' : 'next-line',
        ruleId,
        reason,
        at,
        fromLine: isFileWide ? 1 : target,
        toLine: isFileWide ? file.lineCount : target,
        used: false,
      });
    }
  }
  return out;
}

function nextCodeLine(file: SourceFile, line: number): number {
  for (let l = line + 1; l <= file.lineCount; l++) {
    const t = file.lineText(l).trim();
    if (t !== '' && !t.startsWith('#') && !t.startsWith('//')) return l;
  }
  return line + 1;
}

/** `proagent-devops.io/ignore-<ID>: reason` annotations on Kubernetes objects cover the whole object. */
export function annotationSuppressions(file: SourceFile): Suppression[] {
  if (!file.text.includes(ANNOTATION_PREFIX)) return [];
  const out: Suppression[] = [];
  for (const doc of parseYaml(file).documents) {
    const annotations = getIn(doc.contents, ['metadata', 'annotations'], doc.doc);
    const docRange = file.range(doc.start, doc.end);
    for (const [key, keyNode, value] of entries(annotations, doc.doc)) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      out.push({
        kind: 'annotation',
        ruleId: key.slice(ANNOTATION_PREFIX.length).toUpperCase(),
        reason: (scalarString(value) ?? '').trim(),
        at: nodeRange(file, keyNode),
        fromLine: docRange.line,
        toLine: docRange.endLine,
        used: false,
      });
    }
  }
  return out;
}
