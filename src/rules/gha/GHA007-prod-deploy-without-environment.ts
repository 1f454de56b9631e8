import { defineRule } from '../../core/rule.js';
import { githubWorkflow, jobActivities } from '../../models/github-actions.js';
import { prodReason } from '../../models/github-jobs.js';

export const rule = defineRule({
  id: 'GHA007',
  title: 'Gate production deploys with an environment',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['github-workflow'],
  rationale:
    'A GitHub environment is where required reviewers, wait timers, branch restrictions and environment-scoped ' +
    'secrets live; a production deploy job without one ships on every trigger with nobody approving it.',
  fix:
    'Add `environment: production` (with a `url:`) to the job and configure required reviewers and deployment ' +
    'branches for that environment in the repository settings; move production secrets into it.',
  rollback: 'Redeploy the last approved version through the gated job.',
  notes:
    'Production: the job id or name, a deploy target (namespace, context, stack, service, path), the workflow ' +
    'file or name matches the production pattern, or the job runs on the default branch or tags (a `push` ' +
    'trigger without branch filter or with `main`/`master`, a tag filter, `release`, or an `if:` on ' +
    '`refs/heads/main` / `refs/tags/`).',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    for (const job of workflow.jobs) {
      if (job.environment || !jobActivities(job).some((a) => a.category === 'deploy')) continue;
      const reason = prodReason(workflow, job, ctx.settings.isProd);
      if (reason === undefined) continue;
      ctx.report({
        range: job.keyRange,
        message: `Job \`${job.id}\` deploys to production (${reason}) without an \`environment:\` approval gate.`,
      });
    }
  },
});
