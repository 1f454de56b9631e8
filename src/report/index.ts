import type { ReviewResult } from '../review.js';
import { type ReportOptions, renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export type { ReportOptions, ReportSummary } from './json.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a review result in one format. Pure: the same input gives the same string, ending in a newline. */
export function render(format: ReportFormat, result: ReviewResult, options: ReportOptions): string {
  switch (format) {
    case 'text':
      return renderText(result, options);
    case 'json':
      return renderJson(result, options);
    case 'sarif':
      return renderSarif(result, options);
    case 'markdown':
      return renderMarkdown(result, options);
  }
}
