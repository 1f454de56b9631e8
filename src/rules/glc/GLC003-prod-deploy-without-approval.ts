import { defineRule } from '../../core/rule.js';
import { gitlabPipelines, isDeployJob, isManual, prodReasonOf } from '../../models/gitlab-ci.js';

export const rule = defineRule({
  id: 'GLC003',
  title: 'Gate production deploys',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['gitlab-ci'],
  scope: 'project',
  rationale:
    'A production deploy that runs automatically ships every merge with nobody deciding when; GitLab’s manual ' +
    'jobs and protected environments are where that decision (and who may make it) is recorded.',
  fix:
    'Add `when: manual` (in a `rules:` item for the default branch), or deploy to an `environment:` with ' +
    '`deployment_tier: production` and protect it (Settings → CI/CD → Protected environments) with approvers.',
  rollback: 'Re-run the previous successful deployment from Operate → Environments (“Re-deploy”).',
  notes:
    'Deploy jobs: a deploy command (as in GHA006) or an `environment:` whose action starts a deployment. ' +
    'Production: the job name, the environment name, a deploy target or the file path matches the production ' +
    'pattern. Environment protection itself is a project setting the file cannot show.',
  check(project, ctx) {
    for (const pipeline of gitlabPipelines(project)) {
      for (const job of pipeline.jobs) {
        if (!isDeployJob(job) || isManual(job) || job.environment?.tier === 'production') continue;
        const reason = prodReasonOf(job, ctx.settings.isProd);
        if (reason === undefined) continue;
        ctx.report({
          file: job.file,
          range: job.keyRange,
          message: `Job \`${job.name}\` deploys to production (${reason}) with neither \`when: manual\` nor a \`deployment_tier: production\` environment.`,
        });
      }
    }
  },
});
