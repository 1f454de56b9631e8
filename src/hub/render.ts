/**
 * Hub reporters. Text fits one screen (at most 40 lines of at most 100 columns); JSON is the stable
 * `version: 1` shape of types.ts (what the MCP `hub` tool returns), keys in a fixed order.
 */
import type { Severity } from '../core/types.js';
import type { DomainReport, HubReport, NextAction } from './types.js';

export const TEXT_MAX_LINES = 40;
export const TEXT_MAX_COLUMNS = 100;
const TEXT_ACTIONS = 5;

export function renderHubJson(report: HubReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export interface HubTextOptions {
  color?: boolean;
  /** How to name the assessed directory in the title (default: the root). */
  label?: string;
}

export function renderHubText(report: HubReport, options: HubTextOptions = {}): string {
  const paint = painter(options.color === true);
  const lines: string[] = [];
  const label = options.label ?? report.root;
  const overall = `overall ${report.overall.score}/100 (${report.overall.grade})`;
  lines.push(
    fitColumns(`${paint.bold('proagent-devops hub')}  ${label}`, TEXT_MAX_COLUMNS - overall.length - 2, paint) +
      `  ${paint.bold(overall)}`,
  );
  const s = report.summary;
  lines.push(
    `${s.files} files reviewed · ${s.findings} findings (${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} info)` +
      (s.suppressed > 0 ? ` · ${s.suppressed} suppressed` : ''),
  );
  lines.push('');
  lines.push(paint.dim(`${'Domain'.padEnd(28)}${'Score'.padEnd(21)}Files  E/W/I       Missing`));
  for (const d of report.domains) lines.push(domainLine(d, paint));
  lines.push('');
  lines.push(paint.bold('Next actions (severity × blast radius, prod first)'));
  const actions = report.nextActions.slice(0, TEXT_ACTIONS);
  if (actions.length === 0) lines.push('  Nothing to do: every domain is in place and clean.');
  for (const a of actions) lines.push(...actionLines(a, paint));
  lines.push('');
  lines.push(
    paint.dim(`Method: ${report.method} · all actions: --format json · report: --format html --output hub.html`),
  );
  return `${lines
    .map((l) => fitColumns(l, TEXT_MAX_COLUMNS, paint))
    .slice(0, TEXT_MAX_LINES)
    .join('\n')}\n`;
}

function domainLine(d: DomainReport, paint: Painter): string {
  const filled = Math.round(d.score / 10);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
  const colour = d.status === 'good' ? paint.green : d.status === 'fair' ? paint.yellow : paint.red;
  const score = d.status === 'absent' ? '   — absent' : `${String(d.score).padStart(4)} ${d.grade}     `;
  const counts = `${d.findings.error}/${d.findings.warning}/${d.findings.info}`;
  const more = d.gaps.length > 1 ? ` +${d.gaps.length - 1}` : '';
  const gap = d.gaps[0] ? `${shorten(d.gaps[0].id, 24 - more.length)}${more}` : '—';
  return `${d.title.padEnd(28)}${colour(bar)}${score} ${String(d.artifacts).padStart(5)}  ${counts.padEnd(12)}${gap}`;
}

function actionLines(a: NextAction, paint: Painter): string[] {
  const sev = severityLabel(a.severity, paint);
  const radius = a.blastRadius.padEnd(8);
  const where = a.blastRadius === 'prod' ? paint.red(radius) : radius;
  const head = `${String(a.rank).padStart(2)}. ${sev} ${where} ${a.title}`;
  const target = a.recipe ? `proagent-devops run ${a.recipe}` : (a.command ?? '');
  const files = a.files.length > 0 ? `in ${a.files.slice(0, 2).join(', ')}${a.files.length > 2 ? ', …' : ''}` : '';
  const next = [files, target && `→ ${target}`].filter(Boolean).join('  ');
  return [head, `      fix: ${a.fix}`, ...(next ? [paint.dim(`      ${next}`)] : [])];
}

function severityLabel(s: Severity, paint: Painter): string {
  if (s === 'error') return paint.red('error  ');
  if (s === 'warning') return paint.yellow('warning');
  return paint.dim('info   ');
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Cuts a line to `max` visible columns (ANSI sequences do not count). */
function fitColumns(line: string, max: number, paint: Painter): string {
  const visible = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (visible.length <= max) return line;
  if (visible.length === line.length) return `${line.slice(0, max - 1)}…`;
  return `${visible.slice(0, max - 1)}…${paint.reset}`;
}

interface Painter {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  reset: string;
}

function painter(color: boolean): Painter {
  const wrap = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return {
    bold: wrap('1'),
    dim: wrap('2'),
    red: wrap('31'),
    yellow: wrap('33'),
    green: wrap('32'),
    reset: color ? '\x1b[0m' : '',
  };
}
