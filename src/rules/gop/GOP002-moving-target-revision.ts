import { defineRule } from '../../core/rule.js';
import { type ArgoSource, argoEnvironment, gitopsObjectsOf } from '../../models/gitops.js';

/** Branch names that are moving targets; `HEAD` (and an empty or absent revision) too. */
const MOVING_BRANCHES = new Set(['head', 'main', 'master', 'develop', 'development', 'trunk']);

export const rule = defineRule({
  id: 'GOP002',
  title: 'Pin production Applications to a tag or commit',
  severity: 'warning',
  domain: 'gitops',
  kinds: ['k8s'],
  rationale:
    'An Application that tracks `HEAD` or `main` deploys every merge straight to its cluster: production ' +
    'gets changes staging never ran, and "roll back" means finding and reverting commits under pressure.',
  fix:
    'Set `targetRevision` to a release tag or commit SHA (a fixed chart version for Helm repositories) and ' +
    'promote by pull request; let only development environments follow a branch.',
  rollback:
    'Set `targetRevision` back to the previous tag in Git; the controller syncs it (or `argocd app rollback <app>` in an emergency).',
  notes:
    'Warning for production (destination namespace or cluster, application name, source path or value files ' +
    'matching the production pattern), info elsewhere. Moving: no `targetRevision` (HEAD), `HEAD`, `main`, ' +
    '`master`, `develop`, `trunk`, an empty string, and for Helm chart sources a version range (`*`, `^1.2`, ' +
    '`>=1`). Tags, commit SHAs and other names are taken as pinned. An app of apps that follows its branch on ' +
    'purpose (promotion happens in the Applications it syncs) is reported as info unless production: suppress it ' +
    'with a reason (`proagent-devops.io/ignore-GOP002` annotation).',
  check(file, ctx) {
    for (const app of gitopsObjectsOf(file).applications) {
      const env = argoEnvironment(app, ctx.settings);
      for (const source of app.sources) {
        const moving = movingRevision(source);
        if (moving === undefined) continue;
        const range = source.targetRevision?.range ?? source.anchor;
        const where = env.prod ? 'Production' : 'Non-production';
        ctx.report({
          range,
          severity: env.prod ? 'warning' : 'info',
          message: `${where} ${app.kind} ${app.name ? `\`${app.name}\` ` : ''}tracks a moving revision (${moving}).`,
        });
      }
    }
  },
});

/** Why a source's revision moves, or undefined when it is pinned (or templated, or unrecognised). */
function movingRevision(source: ArgoSource): string | undefined {
  const revision = source.targetRevision?.value;
  if (revision?.includes('{{')) return undefined;
  if (source.chart !== undefined) {
    if (revision === undefined || revision.trim() === '') return 'no chart version';
    return /[*^~<>|]|(^|\.)x($|\.)/i.test(revision) ? `chart version \`${revision}\`` : undefined;
  }
  if (revision === undefined) return 'no `targetRevision`: HEAD';
  if (revision.trim() === '') return 'empty `targetRevision`: HEAD';
  return MOVING_BRANCHES.has(revision.toLowerCase()) ? `\`${revision}\`` : undefined;
}
