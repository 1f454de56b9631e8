import type { ReviewResult } from '../review.js';
import { type HtmlReportOptions, renderHtml } from './html.js';
import { type ReportOptions, renderJsonChunks } from './json.js';
import { joinChunks } from './json-chunks.js';
import { renderMarkdown } from './markdown.js';
import { renderSarifChunks } from './sarif.js';
import { renderTextChunks } from './text.js';

export type { HtmlReportOptions } from './html.js';
export type { ReportOptions, ReportSummary } from './json.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/**
 * Every format `render` produces. HTML is a file for people (a page with charts and filters), kept out of
 * REPORT_FORMATS so that adapters opt in to it explicitly (`review --format html`, `hub --format html`).
 */
export const RENDER_FORMATS = [...REPORT_FORMATS, 'html'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Renders a review result in one format. Pure: the same input gives the same string, ending in a newline. */
export function render(format: RenderFormat, result: ReviewResult, options: ReportOptions | HtmlReportOptions): string {
  return joinChunks(renderChunks(format, result, options));
}

/**
 * `render` as a sequence of chunks that join to the same string, for writing a large report (tens of MB
 * of JSON or SARIF on a big repository) without ever holding it whole. Text, JSON and SARIF are produced a
 * file or a finding at a time; Markdown and HTML are bounded in size (row caps) and come as one chunk.
 * The sequence can be iterated once.
 */
export function renderChunks(
  format: RenderFormat,
  result: ReviewResult,
  options: ReportOptions | HtmlReportOptions,
): Iterable<string> {
  switch (format) {
    case 'text':
      return renderTextChunks(result, options);
    case 'json':
      return renderJsonChunks(result, options);
    case 'sarif':
      return renderSarifChunks(result, options);
    case 'markdown':
      return whole(() => renderMarkdown(result, options));
    case 'html':
      return whole(() => renderHtml(result, options));
  }
}

/** One chunk, rendered when iterated (as the other formats are). */
function* whole(renderer: () => string): Generator<string> {
  yield renderer();
}
