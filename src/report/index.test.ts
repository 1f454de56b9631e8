import { describe, expect, it } from 'vitest';
import { SAMPLE_RULES, sampleResult } from '../../test/fixtures/sarif/sample-review.js';
import { REPORT_FORMATS, type ReportOptions, render } from './index.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

const options: ReportOptions = { rules: SAMPLE_RULES, toolVersion: '1.2.3', color: true };

describe('render', () => {
  it('dispatches each format to its reporter', () => {
    expect(render('text', sampleResult(), options)).toBe(renderText(sampleResult(), options));
    expect(render('json', sampleResult(), options)).toBe(renderJson(sampleResult(), options));
    expect(render('sarif', sampleResult(), options)).toBe(renderSarif(sampleResult(), options));
    expect(render('markdown', sampleResult(), options)).toBe(renderMarkdown(sampleResult(), options));
  });

  it.each(REPORT_FORMATS)('%s ends with exactly one newline and colours only text', (format) => {
    const out = render(format, sampleResult(), options);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    if (format !== 'text') expect(out).not.toMatch(/\u001b\[/);
  });

  it.each(REPORT_FORMATS)('%s does not mutate the result', (format) => {
    const result = sampleResult();
    render(format, result, options);
    expect(result).toEqual(sampleResult());
  });
});
