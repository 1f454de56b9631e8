import { pathToFileURL } from 'node:url';
import { docsUrl, type Rule, ruleFamily } from '../core/rule.js';
import type { Finding, Severity, SuppressionKind } from '../core/types.js';
import type { ReviewResult } from '../review.js';
import { type ReportOptions, TOOL_NAME } from './json.js';
import { joinChunks, jsonChunks, LazyArray, mapped } from './json-chunks.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/proagent/proagent-devops';
export const FINGERPRINT_KEY = 'proagentFingerprint/v1';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub code scanning ranks results with a `security-severity` as security alerts. Only the secrets
 * domain is unambiguously security; other domains mix security and reliability rules, so they get none
 * rather than a guess.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '9.1', warning: '6.0', info: '3.0' };

const SUPPRESSION_KINDS: Record<SuppressionKind, 'inSource' | 'external'> = {
  inline: 'inSource',
  config: 'external',
  baseline: 'external',
};

interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
}

/** `Pin base images to a version` → `PinBaseImagesToAVersion` (SARIF's reportingDescriptor.name). */
export function pascalCase(title: string): string {
  return title
    .replace(/['\u2019]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** Rule metadata is Markdown; SARIF's `text` variants are plain text. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/`/g, '')
    .replace(/\*\*/g, '');
}

/** A repo-relative POSIX path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, `:`). */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function artifact(path: string): ArtifactLocation {
  return { uri: relativeUri(path), uriBaseId: SRCROOT };
}

function ruleHelp(rule: Rule): { text: string; markdown: string } {
  const url = docsUrl(rule.id);
  const text = [`Why: ${plain(rule.rationale)}`, `Fix: ${plain(rule.fix)}`];
  const markdown = [`**Why.** ${rule.rationale}`, `**Fix.** ${rule.fix}`];
  if (rule.rollback) {
    text.push(`Rollback: ${plain(rule.rollback)}`);
    markdown.push(`**Rollback.** ${rule.rollback}`);
  }
  if (rule.peers && rule.peers.length > 0) {
    text.push(`Peers: ${rule.peers.join(', ')}`);
    markdown.push(`**Peers.** ${rule.peers.map((p) => `\`${p}\``).join(', ')}`);
  }
  text.push(`Docs: ${url}`);
  markdown.push(`[${rule.id} documentation](${url})`);
  return { text: text.join('\n\n'), markdown: markdown.join('\n\n') };
}

function reportingDescriptor(rule: Rule) {
  const security = rule.domain === 'secrets';
  const tags = [rule.domain, ruleFamily(rule.id), ...(security ? ['security'] : [])];
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: plain(rule.title) },
    fullDescription: { text: plain(rule.rationale), markdown: rule.rationale },
    help: ruleHelp(rule),
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { enabled: rule.enabledByDefault !== false, level: LEVELS[rule.severity] },
    properties: {
      tags,
      // Deterministic checks of parsed artifacts: a match is a real instance of the pattern.
      precision: 'high',
      ...(security ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}),
    },
  };
}

function hasLineContext(f: Finding): boolean {
  if (f.snippet === undefined || f.line !== f.endLine) return false;
  return !(f.column <= 1 && f.endColumn > f.snippet.length);
}

function sarifResult(f: Finding, ruleIndex: ReadonlyMap<string, number>, rules: ReadonlyMap<string, Rule>) {
  const index = ruleIndex.get(f.ruleId);
  const rule = rules.get(f.ruleId);
  const line = Math.max(1, f.line);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
          region: {
            startLine: line,
            startColumn: Math.max(1, f.column),
            endLine: Math.max(line, f.endLine),
            endColumn: Math.max(1, f.endColumn),
          },
          // `snippet` holds the whole (redacted, capped) start line, not the exact region: SARIF's place
          // for surrounding text is the context region, which must be a proper superset of the region —
          // so only for a region inside one line that does not already span that whole line.
          ...(hasLineContext(f)
            ? { contextRegion: { startLine: line, endLine: line, snippet: { text: f.snippet as string } } }
            : {}),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: SUPPRESSION_KINDS[f.suppressed.kind],
              status: 'accepted',
              justification: f.suppressed.justification,
            },
          ],
        }
      : {}),
    // A concrete fix that differs from the rule's generic one (e.g. the pinned tag to use).
    ...(f.fix !== undefined && f.fix !== rule?.fix ? { properties: { fix: f.fix } } : {}),
  };
}

/** The root directory as a file URI with a trailing slash, as `originalUriBaseIds` requires. */
function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * SARIF 2.1.0: one run, the rule table generated from rule metadata (only the rules passed in), every
 * finding as a result (suppressed ones with `suppressions`), skipped files as tool notifications.
 */
export function renderSarif(result: ReviewResult, options: Pick<ReportOptions, 'rules' | 'toolVersion'>): string {
  return joinChunks(renderSarifChunks(result, options));
}

/** `renderSarif` as chunks, one result at a time, for writing a large log without holding it whole. */
export function renderSarifChunks(
  result: ReviewResult,
  options: Pick<ReportOptions, 'rules' | 'toolVersion'>,
): Iterable<string> {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const rulesById = new Map(options.rules.map((r) => [r.id, r]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules: new LazyArray(mapped(options.rules, reportingDescriptor)),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.skipped.map((s) => ({
              level: 'note',
              message: { text: `Skipped ${s.file}: ${s.reason}` },
              locations: [{ physicalLocation: { artifactLocation: artifact(s.file) } }],
            })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        columnKind: 'utf16CodeUnits',
        results: new LazyArray(mapped(result.findings, (f) => sarifResult(f, ruleIndex, rulesById))),
      },
    ],
  };
  return jsonChunks(log);
}
