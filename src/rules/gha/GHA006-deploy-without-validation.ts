import { defineRule } from '../../core/rule.js';
import { githubWorkflow, jobActivities, upstreamJobs } from '../../models/github-actions.js';

export const rule = defineRule({
  id: 'GHA006',
  title: 'Validate before deploying',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['github-workflow'],
  rationale:
    'A plan, diff or server-side dry run shows what a deploy will change and fails on invalid manifests before ' +
    'anything is applied; without one the first check is production itself.',
  fix:
    'Run `terraform plan`, `kubectl diff` / `kubectl apply --dry-run=server`, `helm lint` + `helm diff`/`helm ' +
    'template`, `kustomize build` or `docker compose config` earlier in the job, or in a job the deploy job `needs`.',
  rollback: 'If a deploy went out unvalidated and broke, redeploy the previous version, then add the validation step.',
  notes:
    'Deploy commands are those of the catalog’s CI/CD section (kubectl apply/replace/set image/rollout, helm ' +
    'install/upgrade, terraform/tofu apply, pulumi up, aws ecs update-service, aws lambda update-function-code, ' +
    'gcloud run/app deploy, remote docker compose up, flux reconcile, argocd app sync) and known deploy actions. ' +
    'A Cloud Run revision deployed with `--no-traffic` and a registered ECS task definition count as validation ' +
    '(nothing serves them yet); moving traffic with `gcloud run services update-traffic` is the deploy. ' +
    'Reported once per job, on its first deploy with no validation before it.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    for (const job of workflow.jobs) {
      const own = jobActivities(job);
      const deploy = own.find((a) => a.category === 'deploy');
      if (!deploy) continue;
      const validated =
        own.some((a) => a.category === 'validation' && a.start < deploy.start) ||
        upstreamJobs(workflow, job).some((j) => jobActivities(j).some((a) => a.category === 'validation'));
      if (validated) continue;
      ctx.report({
        range: deploy.range,
        message: `\`${deploy.label}\` in job \`${job.id}\` runs with no validation (plan, diff, dry run, lint) before it.`,
      });
    }
  },
});
