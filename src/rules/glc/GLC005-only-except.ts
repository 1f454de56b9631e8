import { defineRule } from '../../core/rule.js';
import { gitlabPipelines } from '../../models/gitlab-ci.js';
import { getKeyNode } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'GLC005',
  title: 'Use `rules:` instead of `only:`/`except:`',
  severity: 'info',
  domain: 'cicd',
  kinds: ['gitlab-ci'],
  scope: 'project',
  rationale:
    '`only:`/`except:` are deprecated and cannot express merge-request pipelines, variables and file changes ' +
    'together; mixing them with `rules:` is an error, and they are not developed further.',
  fix: 'Rewrite as `rules:`, e.g. `only: [main]` → `rules: [{ if: $CI_COMMIT_BRANCH == "main" }]`.',
  notes: 'Reported on each `only:`/`except:` key of a job or template, in the pipeline file or an included one.',
  check(project, ctx) {
    const seen = new Set<string>();
    for (const pipeline of gitlabPipelines(project)) {
      for (const def of pipeline.definitions) {
        for (const key of ['only', 'except']) {
          const node = getKeyNode(def.node, key, def.doc);
          const r = (node as { range?: [number, number] } | undefined)?.range;
          if (!r || seen.has(`${def.file.path}:${r[0]}`)) continue;
          seen.add(`${def.file.path}:${r[0]}`);
          ctx.report({
            file: def.file,
            range: def.file.range(r[0], r[1]),
            message: `\`${def.name}\` uses deprecated \`${key}:\`; use \`rules:\`.`,
          });
        }
      }
    }
  },
});
