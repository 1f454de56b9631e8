import { defineRule } from '../../core/rule.js';
import { type GhaPermissions, githubWorkflow } from '../../models/github-actions.js';

export const rule = defineRule({
  id: 'GHA003',
  title: 'Declare least-privilege token permissions',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['github-workflow'],
  rationale:
    'Without `permissions:` the GITHUB_TOKEN gets the repository’s default scopes, often write access to ' +
    'contents, packages and pull requests; any compromised step or action can then push code or releases.',
  fix:
    'Add `permissions: contents: read` at workflow level and grant more per job only where needed ' +
    '(`packages: write`, `id-token: write`, `security-events: write`).',
  peers: ['zizmor:excessive-permissions'],
  notes:
    'Fires on each job without `permissions:` when the workflow has none either; `write-all` (workflow or job) ' +
    'is an error.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    const writeAll = (p: GhaPermissions | undefined, where: string) => {
      if (p?.scalar === 'write-all') {
        ctx.report({
          range: p.range,
          severity: 'error',
          message: `\`permissions: write-all\` ${where} gives the token every write scope.`,
        });
      }
    };
    writeAll(workflow.permissions, 'at workflow level');
    for (const job of workflow.jobs) {
      writeAll(job.permissions, `in job \`${job.id}\``);
      if (!workflow.permissions && !job.permissions) {
        ctx.report({
          range: job.keyRange,
          message: `Job \`${job.id}\` runs with the default token permissions: no \`permissions:\` on the job or the workflow.`,
        });
      }
    }
  },
});
