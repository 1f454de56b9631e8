import { createHash } from 'node:crypto';
import { annotationSuppressions, inlineSuppressions, type Suppression } from '../config/suppressions.js';
import { hasParseError } from '../parsers/index.js';
import { redactSecrets } from '../secrets/detect.js';
import { createMemoryGovernor } from './memory.js';
import type { Project } from './project.js';
import {
  docsUrl,
  type FileRule,
  type ProjectRule,
  type ReportDescriptor,
  type Rule,
  type RuleSettings,
} from './rule.js';
import type { SourceFile } from './source-file.js';
import type { FileKind, Finding, Range, Severity } from './types.js';

export interface LintOptions {
  settings: RuleSettings;
  /** Configured level of a rule for a file (`off` drops the finding); undefined keeps the default. */
  levelFor?: (ruleId: string, file: string) => Severity | 'off' | undefined;
  /** Known rule IDs, for PDO001 (suppressions of unknown rules). Defaults to the rules given. */
  knownRuleIds?: ReadonlySet<string>;
  /** Called when a rule throws: the review goes on without that rule's findings for the file. */
  onRuleError?: (rule: Rule, file: string | undefined, error: unknown) => void;
  /** Called after each file and each project rule (for progress display on long runs). */
  onProgress?: (done: number, total: number) => void;
}

const MAX_SNIPPET = 200;
const SUPPRESSION_RULE = 'PDO001';
const PARSE_RULE = 'PDO000';

/**
 * Runs rules over a project and returns sorted findings with config levels and inline suppressions
 * applied. Pure with respect to I/O: everything it reads is in `project`.
 */
export function lint(project: Project, rules: readonly Rule[], options: LintOptions): Finding[] {
  const raw: Finding[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const fileRules = rules.filter((r): r is FileRule => r.scope === 'file');
  const projectRules = rules.filter((r): r is ProjectRule => r.scope === 'project');
  const emit = (rule: Rule, fallback: SourceFile | undefined) => (d: ReportDescriptor) => {
    const file = d.file ?? fallback;
    if (!file) throw new Error(`${rule.id}: project-scoped rules must name the file they report on`);
    raw.push(makeFinding(rule, file, d.range, d.message, d.severity ?? rule.severity, d.fix));
  };
  const total = project.files.length + projectRules.length;
  let done = 0;
  const governMemory = createMemoryGovernor();
  const checkFile = (file: SourceFile) => {
    const applicable = fileRules.filter((r) => r.kinds.includes(file.kind));
    // A file that does not parse gets its PDO000 and nothing else: findings on a partial tree mislead.
    const broken = applicable.length > 0 && hasParseError(file);
    for (const rule of applicable) {
      if (broken && rule.id !== PARSE_RULE) continue;
      try {
        rule.check(file, { project, settings: options.settings, report: emit(rule, file) });
      } catch (error) {
        options.onRuleError?.(rule, file.path, error);
      }
    }
  };
  const checkProject = (rule: ProjectRule) => {
    if (rule.kinds.length === 0 || rule.kinds.some((k) => project.ofKind(k).length > 0)) {
      try {
        rule.check(project, { project, settings: options.settings, report: emit(rule, undefined) });
      } catch (error) {
        options.onRuleError?.(rule, undefined, error);
      }
    }
  };
  const step = () => {
    governMemory();
    options.onProgress?.(++done, total);
  };

  // Memory stays flat when few parse trees are alive at once (findings are sorted at the end, so the order
  // of checks does not show). Files of kinds no project rule reads go first, each dropping its trees right
  // after its own rules. The others keep their trees until the project rules reading them have run: they
  // go group by group (kinds that project rules read together), each group right before its project rules,
  // so that one group's trees are alive at a time instead of every group's until the end.
  const groups = groupsByKind(projectRules);
  const pending = new Set(groups.flatMap((g) => [...g.kinds]));
  for (const file of project.files) {
    if (pending.has(file.kind)) continue;
    checkFile(file);
    file.evict();
    step();
  }
  for (const group of groups) {
    for (const file of project.files) {
      if (!group.kinds.has(file.kind)) continue;
      checkFile(file);
      step();
    }
    for (const rule of group.rules) {
      checkProject(rule);
      step();
    }
    for (const kind of group.kinds) pending.delete(kind);
    // Also drops what the group's rules parsed in other files (the Dockerfile a compose service builds …),
    // unless a later group reads those files: then they are parsed once, not twice.
    for (const file of project.files) if (!pending.has(file.kind)) file.evict();
  }
  // Rules of no particular kind read whatever they need, on demand.
  for (const rule of projectRules) {
    if (rule.kinds.length > 0) continue;
    checkProject(rule);
    step();
  }

  const levelled: Finding[] = [];
  const broken = new Map<string, boolean>();
  const isBroken = (path: string) => {
    let b = broken.get(path);
    if (b === undefined) {
      const file = project.get(path);
      b = file !== undefined && hasParseError(file);
      broken.set(path, b);
    }
    return b;
  };
  for (const f of raw) {
    // Project-scoped rules see every file; drop what they found in a file that does not parse.
    if (f.ruleId !== PARSE_RULE && isBroken(f.file)) continue;
    const level = options.levelFor?.(f.ruleId, f.file);
    if (level === 'off') continue;
    levelled.push(level === undefined ? f : { ...f, severity: level });
  }

  const known = options.knownRuleIds ?? new Set(byId.keys());
  const out = applySuppressions(project, levelled, known, byId.get(SUPPRESSION_RULE), options, isBroken);
  assignFingerprints(out);
  return sortFindings(out);
}

/** Kinds that project rules read together, and those rules (in the order of their first rule). */
interface RuleGroup {
  kinds: Set<FileKind>;
  rules: ProjectRule[];
}

/** Groups project rules that share a kind, transitively; rules of no particular kind are left out. */
function groupsByKind(rules: readonly ProjectRule[]): RuleGroup[] {
  const order = new Map(rules.map((r, i) => [r, i]));
  const groups: RuleGroup[] = [];
  for (const rule of rules) {
    if (rule.kinds.length === 0) continue;
    const [first, ...others] = groups.filter((g) => rule.kinds.some((k) => g.kinds.has(k)));
    const group = first ?? { kinds: new Set<FileKind>(), rules: [] };
    if (!first) groups.push(group);
    for (const kind of rule.kinds) group.kinds.add(kind);
    group.rules.push(rule);
    for (const other of others) {
      for (const kind of other.kinds) group.kinds.add(kind);
      group.rules.push(...other.rules);
      groups.splice(groups.indexOf(other), 1);
    }
  }
  for (const group of groups) group.rules.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return groups;
}

export function makeFinding(
  rule: Pick<Rule, 'id' | 'domain' | 'fix' | 'rollback'>,
  file: SourceFile,
  range: Range,
  message: string,
  severity: Severity,
  fix?: string,
): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: redactSecrets(message),
    file: file.path,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    domain: rule.domain,
    fix: fix ?? rule.fix,
    docsUrl: sharedDocsUrl(rule.id),
    fingerprint: '',
    snippet: snippetOf(file, range, rule.domain === 'secrets'),
  };
  if (rule.rollback !== undefined) finding.rollback = rule.rollback;
  return finding;
}

const docsUrls = new Map<string, string>();

/** One URL string per rule, shared by all its findings (3 MB of copies on a 30,000-finding review). */
function sharedDocsUrl(id: string): string {
  let url = docsUrls.get(id);
  if (url === undefined) {
    url = docsUrl(id);
    docsUrls.set(id, url);
  }
  return url;
}

/**
 * The start line of a finding, redacted, then capped. Redaction runs on the whole line in one pass: the
 * detectors' matches and, for secrets-domain findings, the reported span itself (the rule points at the
 * credential or its key), so hiding one part never makes another unrecognisable.
 */
function snippetOf(file: SourceFile, range: Range, sensitive: boolean): string {
  const line = file.lineText(range.line);
  const extra: { start: number; end: number }[] = [];
  if (sensitive) {
    const start = Math.max(0, range.column - 1);
    const end = range.endLine === range.line ? Math.max(start, range.endColumn - 1) : line.length;
    extra.push({ start, end });
  }
  const redacted = redactSecrets(line, extra);
  return redacted.length > MAX_SNIPPET ? `${redacted.slice(0, MAX_SNIPPET)}…` : redacted;
}

function applySuppressions(
  project: Project,
  findings: Finding[],
  known: ReadonlySet<string>,
  pdo001: Rule | undefined,
  options: LintOptions,
  isBroken: (path: string) => boolean,
): Finding[] {
  const byFile = new Map<string, Suppression[]>();
  const suppressionsOf = (path: string): Suppression[] => {
    let list = byFile.get(path);
    if (!list) {
      const file = project.get(path);
      list = file ? [...inlineSuppressions(file), ...(file.kind === 'k8s' ? annotationSuppressions(file) : [])] : [];
      byFile.set(path, list);
    }
    return list;
  };
  const out: Finding[] = [];
  for (const f of findings) {
    const match = suppressionsOf(f.file).find(
      (s) => s.ruleId === f.ruleId && s.reason !== '' && f.line <= s.toLine && f.endLine >= s.fromLine,
    );
    if (match) {
      match.used = true;
      out.push({ ...f, suppressed: { kind: 'inline', justification: match.reason } });
    } else {
      out.push(f);
    }
  }
  if (!pdo001) return out;
  // Every file with a suppression marker is examined, including files with no findings (unused ones).
  for (const file of project.files) {
    for (const s of suppressionsOf(file.path)) {
      const problem =
        s.ruleId === ''
          ? 'names no rule ID'
          : !known.has(s.ruleId)
            ? `names unknown rule ${s.ruleId}`
            : s.reason === ''
              ? `for ${s.ruleId} gives no reason (write "-- why")`
              : !s.used && !isBroken(file.path)
                ? `for ${s.ruleId} suppresses nothing (remove it)`
                : undefined;
      if (!problem) continue;
      const level = options.levelFor?.(pdo001.id, file.path);
      if (level === 'off') continue;
      out.push(makeFinding(pdo001, file, s.at, `Suppression ${problem}.`, level ?? pdo001.severity));
    }
  }
  return out;
}

/** Stable across unrelated edits: rule + file + normalised snippet + occurrence index of that triple. */
function assignFingerprints(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of sortFindings(findings)) {
    const key = `${f.ruleId}\u0000${f.file}\u0000${(f.snippet ?? '').replace(/\s+/g, ' ').trim()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.ruleId, b.ruleId) ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn ||
      cmp(a.message, b.message),
  );
}

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER[s];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
