import { defineRule } from '../../core/rule.js';
import { gitopsObjectsOf } from '../../models/gitops.js';

export const rule = defineRule({
  id: 'GOP003',
  title: 'Give Applications their own AppProject',
  severity: 'warning',
  domain: 'gitops',
  kinds: ['k8s'],
  rationale:
    'The `default` AppProject allows any source repository, any destination cluster and namespace, and any ' +
    'cluster-scoped resource: one compromised or mistaken Application can deploy anything anywhere.',
  fix: 'Create an AppProject per team or application that lists its `sourceRepos`, `destinations` and allowed cluster resources, and set `spec.project` to it.',
  rollback:
    'Moving an Application between projects does not touch its resources; set `spec.project` back if a sync is denied, then widen the new project.',
  notes:
    'Applications and ApplicationSet templates; a missing `spec.project` is reported too (Argo CD rejects it, older versions used `default`).',
  check(file, ctx) {
    for (const app of gitopsObjectsOf(file).applications) {
      const project = app.project.value;
      if (project?.includes('{{')) continue;
      if (project !== undefined && project !== 'default' && project !== '') continue;
      const name = app.name ? ` \`${app.name}\`` : '';
      ctx.report({
        range: app.project.range ?? app.anchor,
        message:
          project === undefined
            ? `${app.kind}${name} names no AppProject (\`spec.project\`).`
            : `${app.kind}${name} uses the \`default\` AppProject, which allows any repository and destination.`,
      });
    }
  },
});
