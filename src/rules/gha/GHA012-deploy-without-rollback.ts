import { defineRule } from '../../core/rule.js';
import {
  type GhaJob,
  type GhaWorkflow,
  githubWorkflow,
  jobActivities,
  runsOnFailure,
  upstreamJobs,
} from '../../models/github-actions.js';
import { isRollbackCommand } from '../../pipeline/commands.js';

export const rule = defineRule({
  id: 'GHA012',
  title: 'Give deploy jobs a rollback path',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['github-workflow'],
  rationale:
    'A deploy that fails half-way leaves the environment between versions; an automatic rollback on failure ' +
    'restores the last good release while someone investigates, instead of after.',
  fix:
    'Add a step with `if: failure()` that runs `helm rollback`, `kubectl rollout undo`, `argocd app rollback` or ' +
    're-deploys the previous ECS task definition (or a job with `if: failure()` that `needs` the deploy and calls a ' +
    'rollback workflow); or deploy with `helm upgrade --atomic`, which rolls back by itself.',
  rollback:
    'Roll back by hand now (`helm rollback <release>`, `kubectl rollout undo deployment/<name>`), then add the step.',
  notes:
    'A rollback path is: a step of the job with `if:` containing `failure()` that runs a rollback command ' +
    '(`helm rollback`, `kubectl rollout undo`, `argocd app rollback`, `aws ecs update-service`, the ECS deploy ' +
    'action, `gcloud run services update-traffic --to-revisions`) or uses an action/workflow whose name says ' +
    'rollback; a later job with such an `if:` that `needs` the deploy job; or every deploy of the job being ' +
    '`helm install|upgrade --atomic` / `--rollback-on-failure`. `helm upgrade` without those is no rollback.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    for (const job of workflow.jobs) {
      const deploys = jobActivities(job).filter((a) => a.category === 'deploy');
      if (deploys.length === 0) continue;
      if (deploys.every((d) => d.selfRollback) || hasFailureRollback(job)) continue;
      if (downstreamOf(workflow, job).some((j) => runsOnFailure(j.if) && (hasRollback(j) || hasFailureRollback(j)))) {
        continue;
      }
      const helm = deploys.find((d) => d.label.startsWith('helm ') && !d.selfRollback);
      ctx.report({
        range: job.keyRange,
        message: helm
          ? `Deploy job \`${job.id}\` has no rollback path: \`${helm.label}\` without \`--atomic\` and no \`if: failure()\` rollback step.`
          : `Deploy job \`${job.id}\` has no rollback path (no \`if: failure()\` step that rolls back).`,
      });
    }
  },
});

function hasFailureRollback(job: GhaJob): boolean {
  return job.steps.some(
    (s) => runsOnFailure(s.if) && (s.activities.some(isRollbackCommand) || /rollback/i.test(s.uses?.name ?? '')),
  );
}

/** A job that rolls back whenever it runs (a rollback job gated by `if: failure()`). */
function hasRollback(job: GhaJob): boolean {
  return jobActivities(job).some(isRollbackCommand) || /rollback/i.test(job.uses?.name ?? '');
}

function downstreamOf(workflow: GhaWorkflow, job: GhaJob): GhaJob[] {
  return workflow.jobs.filter((j) => j !== job && upstreamJobs(workflow, j).includes(job));
}
