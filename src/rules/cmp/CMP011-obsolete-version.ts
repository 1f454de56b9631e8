import { defineRule } from '../../core/rule.js';
import { composeFile } from '../../models/compose.js';

export const rule = defineRule({
  id: 'CMP011',
  title: 'Remove the obsolete `version:` key',
  severity: 'info',
  domain: 'containers',
  kinds: ['compose'],
  rationale:
    'The Compose Specification ignores the top-level `version:`; Compose v2 warns about it, and it suggests a ' +
    'file format (and its limits) that no longer applies.',
  fix: 'Delete the `version:` line.',
  check(file, ctx) {
    const version = composeFile(file).version;
    if (!version) return;
    ctx.report({
      range: version.range,
      message: `The top-level \`version:\`${version.raw ? ` ("${version.raw}")` : ''} is obsolete and ignored by Compose v2.`,
    });
  },
});
