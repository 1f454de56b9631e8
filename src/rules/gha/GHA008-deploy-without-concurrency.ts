import { defineRule } from '../../core/rule.js';
import { githubWorkflow, jobActivities } from '../../models/github-actions.js';

export const rule = defineRule({
  id: 'GHA008',
  title: 'Serialize deploys with a concurrency group',
  severity: 'info',
  domain: 'cicd',
  kinds: ['github-workflow'],
  rationale:
    'Two pushes in quick succession start two deploys that race: the older one can finish last and roll the ' +
    'environment back, or both apply a half-migrated state.',
  fix:
    'Add `concurrency: { group: deploy-${{ github.ref }}, cancel-in-progress: false }` to the deploy job (or the ' +
    'workflow) so deploys to one target queue instead of overlapping.',
  rollback: 'If overlapping deploys left a mixed version, redeploy the intended version once the queue is clear.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow || workflow.concurrency) return;
    for (const job of workflow.jobs) {
      if (job.concurrency || !jobActivities(job).some((a) => a.category === 'deploy')) continue;
      ctx.report({
        range: job.keyRange,
        message: `Deploy job \`${job.id}\` has no \`concurrency:\` group (job or workflow); deploys can overlap.`,
      });
    }
  },
});
