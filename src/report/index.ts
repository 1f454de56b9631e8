import type { ReviewResult } from '../review.js';
import { type HtmlReportOptions, renderHtml } from './html.js';
import { type ReportOptions, renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

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
  switch (format) {
    case 'text':
      return renderText(result, options);
    case 'json':
      return renderJson(result, options);
    case 'sarif':
      return renderSarif(result, options);
    case 'markdown':
      return renderMarkdown(result, options);
    case 'html':
      return renderHtml(result, options);
  }
}
