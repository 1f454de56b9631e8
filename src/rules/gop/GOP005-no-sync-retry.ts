import { defineRule } from '../../core/rule.js';
import { gitopsObjectsOf } from '../../models/gitops.js';
import { getNode, isFalse, nodeRange } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'GOP005',
  title: 'Retry failed automated syncs',
  severity: 'info',
  domain: 'gitops',
  kinds: ['k8s'],
  rationale:
    'Without a retry policy a sync that fails on a transient error (a webhook not ready yet, a CRD applied ' +
    'in the same sync, an API server hiccup) stays failed until the next commit or a manual sync.',
  fix: 'Add `syncPolicy.retry: { limit: 5, backoff: { duration: 10s, factor: 2, maxDuration: 3m } }`.',
  notes: 'Only automated Applications (and ApplicationSet templates) are checked.',
  check(file, ctx) {
    for (const app of gitopsObjectsOf(file).applications) {
      if (!app.automated.key || isFalse(getNode(app.automated.node, 'enabled', app.obj.doc))) continue;
      if (getNode(app.syncPolicy.node, 'retry', app.obj.doc) !== undefined) continue;
      ctx.report({
        range: nodeRange(file, app.automated.key),
        message: `${app.kind} ${app.name ? `\`${app.name}\` ` : ''}syncs automatically with no \`syncPolicy.retry\`.`,
      });
    }
  },
});
