import { defineRule } from '../../core/rule.js';
import { gitopsObjectsOf } from '../../models/gitops.js';
import { getNode, isFalse, isTrue, nodeRange } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'GOP001',
  title: 'Let Argo CD reconcile drift (automated sync with prune and selfHeal)',
  severity: 'warning',
  domain: 'gitops',
  kinds: ['k8s'],
  rationale:
    'Without `automated` sync, Git stops being the source of truth: merged changes wait for someone to click ' +
    'Sync, and manual `kubectl edit`s stay in the cluster. Without `selfHeal` drift is never reverted; without ' +
    '`prune` deleted manifests leave orphaned objects running.',
  fix: 'Set `syncPolicy: { automated: { prune: true, selfHeal: true } }` (gate production with a pinned `targetRevision` promoted by pull request, not with manual syncs).',
  rollback:
    'Revert the commit in Git and let the controller sync it; to stop reconciliation during an incident, ' +
    'disable auto-sync (`argocd app set <app> --sync-policy none`) and re-enable it once Git holds the fix.',
  peers: ['argocd-lint (none)'],
  notes:
    'Applies to `Application`s and the `template` of `ApplicationSet`s. `automated.enabled: false` counts as no automated sync.',
  check(file, ctx) {
    for (const app of gitopsObjectsOf(file).applications) {
      const { doc } = app.obj;
      const what =
        `${app.kind}${app.kind === 'ApplicationSet' ? ' template' : ''} ${app.name ? `\`${app.name}\`` : ''}`.trim();
      if (!app.automated.node && !app.automated.key) {
        ctx.report({
          range: app.syncPolicy.key ? nodeRange(file, app.syncPolicy.key) : app.anchor,
          message: `${what} has no \`syncPolicy.automated\`: Git changes and drift wait for a manual sync.`,
        });
        continue;
      }
      const enabled = getNode(app.automated.node, 'enabled', doc);
      if (isFalse(enabled)) {
        ctx.report({
          range: nodeRange(file, enabled),
          message: `${what} turns automated sync off (\`enabled: false\`).`,
        });
        continue;
      }
      const missing = ['prune', 'selfHeal'].filter((k) => !isTrue(getNode(app.automated.node, k, doc)));
      if (missing.length === 0) continue;
      ctx.report({
        range: nodeRange(file, app.automated.key),
        message: `${what} syncs automatically without ${missing.map((k) => `\`${k}: true\``).join(' and ')}: drift is not fully reconciled.`,
      });
    }
  },
});
