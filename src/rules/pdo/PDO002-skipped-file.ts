import { defineRule } from '../../core/rule.js';
import { SourceFile } from '../../core/source-file.js';

export const rule = defineRule({
  id: 'PDO002',
  title: 'File was skipped',
  severity: 'info',
  domain: 'cicd',
  kinds: [],
  scope: 'project',
  rationale:
    'A file the review could not read is a blind spot: it is listed so that nobody mistakes silence for a clean bill.',
  fix: 'Raise `maxFileSize`, fix the encoding or permissions, or add the path to `ignorePaths` if it is not an artifact.',
  check(project, ctx) {
    for (const s of project.skipped) {
      const file = new SourceFile(s.file, 'text', '');
      ctx.report({ file, range: file.range(0, 0), message: `Skipped ${s.file}: ${s.reason}.` });
    }
  },
});
