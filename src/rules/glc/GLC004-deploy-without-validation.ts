import { defineRule } from '../../core/rule.js';
import { gitlabPipelines, isDeployJob, upstreamGitlabJobs } from '../../models/gitlab-ci.js';

export const rule = defineRule({
  id: 'GLC004',
  title: 'Validate before deploying',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['gitlab-ci'],
  scope: 'project',
  rationale:
    'A plan, diff or server-side dry run in an earlier job shows what the deploy will change and fails on ' +
    'invalid manifests before anything is applied.',
  fix:
    'Add a validation job in an earlier stage (or in `needs:`): `terraform plan`, `kubectl diff` / `kubectl apply ' +
    '--dry-run=server`, `helm lint` + `helm template`/`helm diff`, `kustomize build`, `docker compose config`.',
  rollback: 'If an unvalidated deploy broke the environment, re-deploy the previous version, then add the job.',
  notes:
    'Validation counts in the deploy job before its first deploy command, in a job of an earlier stage, or in a ' +
    'job it `needs` (transitively). Same validation commands as GHA006.',
  check(project, ctx) {
    for (const pipeline of gitlabPipelines(project)) {
      for (const job of pipeline.jobs) {
        if (!isDeployJob(job)) continue;
        const deploy = job.activities.find((a) => a.category === 'deploy');
        const validated =
          job.activities.some(
            (a) =>
              a.category === 'validation' && (deploy === undefined || a.file !== deploy.file || a.start < deploy.start),
          ) || upstreamGitlabJobs(pipeline, job).some((j) => j.activities.some((a) => a.category === 'validation'));
        if (validated) continue;
        ctx.report({
          file: job.file,
          range: job.keyRange,
          message: `Deploy job \`${job.name}\` has no validation job or step (plan, diff, dry run, lint) before it.`,
        });
      }
    }
  },
});
