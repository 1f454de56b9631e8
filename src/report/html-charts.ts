/**
 * Inline SVG charts of the HTML report: a severity donut, per-domain bars (hub scores, or findings stacked by
 * severity for a review), and the overall score ring. Pure string builders; colours come from CSS classes so
 * that the light and dark themes both apply.
 */
import type { Domain, Severity } from '../core/types.js';
import { escapeHtml } from './html-escape.js';

const TAU = 2 * Math.PI;

export function severityDonut(counts: Readonly<Record<Severity, number>>): string {
  const total = counts.error + counts.warning + counts.info;
  const r = 52;
  const c = TAU * r;
  const label = `Findings by severity: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`;
  let offset = 0;
  const arcs = (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => {
      const len = (counts[s] / total) * c;
      const arc = `<circle class="arc sev-${s}" r="${r}" cx="70" cy="70" stroke-dasharray="${fmt(len)} ${fmt(c - len)}" stroke-dashoffset="${fmt(-offset)}"><title>${counts[s]} ${s}</title></circle>`;
      offset += len;
      return arc;
    })
    .join('');
  const track = `<circle class="track" r="${r}" cx="70" cy="70"/>`;
  return (
    `<svg class="donut" viewBox="0 0 140 140" width="140" height="140" role="img" aria-label="${escapeHtml(label)}">` +
    `<g transform="rotate(-90 70 70)">${track}${arcs}</g>` +
    `<text x="70" y="68" class="donut-total" text-anchor="middle">${total}</text>` +
    `<text x="70" y="88" class="donut-caption" text-anchor="middle">${total === 1 ? 'finding' : 'findings'}</text></svg>`
  );
}

export function scoreRing(score: number, grade: string): string {
  const r = 52;
  const c = TAU * r;
  const len = (Math.max(0, Math.min(100, score)) / 100) * c;
  const status = score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return (
    `<svg class="ring" viewBox="0 0 140 140" width="140" height="140" role="img" aria-label="Overall score ${score} out of 100, grade ${escapeHtml(grade)}">` +
    `<g transform="rotate(-90 70 70)"><circle class="track" r="${r}" cx="70" cy="70"/>` +
    `<circle class="arc status-${status}" r="${r}" cx="70" cy="70" stroke-dasharray="${fmt(len)} ${fmt(c - len)}"/></g>` +
    `<text x="70" y="72" class="ring-score" text-anchor="middle">${score}</text>` +
    `<text x="70" y="94" class="ring-grade" text-anchor="middle">grade ${escapeHtml(grade)}</text></svg>`
  );
}

export interface DomainBar {
  id: Domain;
  title: string;
  /** Hub: the score (0–100); undefined for a review (bars are findings). */
  score?: number;
  status?: string;
  findings: Readonly<Record<Severity, number>>;
}

const ROW = 30;
const LABEL_W = 210;
const BAR_W = 300;
const WIDTH = LABEL_W + BAR_W + 70;

/** Horizontal bars, one per domain: scores when the hub ran, else findings stacked by severity. */
export function domainBars(bars: readonly DomainBar[]): string {
  const scored = bars.every((b) => b.score !== undefined);
  const max = Math.max(1, ...bars.map((b) => b.findings.error + b.findings.warning + b.findings.info));
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const label = `<text x="${LABEL_W - 10}" y="${y + 18}" class="bar-label" text-anchor="end">${escapeHtml(b.title)}</text>`;
    const track = `<rect class="bar-track" x="${LABEL_W}" y="${y + 6}" width="${BAR_W}" height="16" rx="8"/>`;
    if (scored) {
      const score = b.score ?? 0;
      const absent = b.status === 'absent';
      const w = absent ? 0 : Math.max(4, (score / 100) * BAR_W);
      const fill = `<rect class="bar status-${escapeHtml(b.status ?? 'poor')}" x="${LABEL_W}" y="${y + 6}" width="${fmt(w)}" height="16" rx="8"><title>${escapeHtml(b.title)}: ${absent ? 'not set up' : `${score}/100`}</title></rect>`;
      const value = `<text x="${LABEL_W + BAR_W + 10}" y="${y + 18}" class="bar-value">${absent ? 'absent' : score}</text>`;
      return `<g class="bar-row" data-domain="${b.id}">${label}${track}${fill}${value}</g>`;
    }
    let x = LABEL_W;
    const segments = (['error', 'warning', 'info'] as const)
      .filter((s) => b.findings[s] > 0)
      .map((s) => {
        const w = (b.findings[s] / max) * BAR_W;
        const seg = `<rect class="seg sev-${s}" x="${fmt(x)}" y="${y + 6}" width="${fmt(w)}" height="16"><title>${escapeHtml(b.title)}: ${b.findings[s]} ${s}</title></rect>`;
        x += w;
        return seg;
      })
      .join('');
    const total = b.findings.error + b.findings.warning + b.findings.info;
    const value = `<text x="${LABEL_W + BAR_W + 10}" y="${y + 18}" class="bar-value">${total}</text>`;
    return `<g class="bar-row" data-domain="${b.id}">${label}${track}<g clip-path="url(#bar-clip-${i})">${segments}</g><clipPath id="bar-clip-${i}"><rect x="${LABEL_W}" y="${y + 6}" width="${BAR_W}" height="16" rx="8"/></clipPath>${value}</g>`;
  });
  const summary = scored
    ? `Scores by domain: ${bars.map((b) => `${b.title} ${b.status === 'absent' ? 'absent' : b.score}`).join(', ')}`
    : `Findings by domain: ${bars.map((b) => `${b.title} ${b.findings.error + b.findings.warning + b.findings.info}`).join(', ')}`;
  return `<svg class="bars" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(summary)}" preserveAspectRatio="xMinYMin meet">${rows.join('')}</svg>`;
}

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
