import { defineRule } from '../../core/rule.js';
import { describeObject, field, k8sObjects, rangeOf } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';
import { scalarString } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'K8S013',
  title: 'Production Deployments must roll out without downtime',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    '`Recreate` stops every old pod before starting new ones, and `maxUnavailable: 100%` allows the same: ' +
    'each rollout is an outage, and so is each rollback.',
  fix: 'Use `strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}` (or 25%) with a readiness probe.',
  rollback:
    '`kubectl rollout undo deployment/<name>` reverts to the previous ReplicaSet using the current strategy, ' +
    'so fix the strategy first or the rollback is an outage too.',
  notes:
    'An integer `maxUnavailable` at least equal to `replicas` is treated like 100%. Workloads that must not ' +
    'run two versions at once (singleton writers, RWO volumes) may suppress with a reason.',
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    for (const obj of k8sObjects(file)) {
      if (obj.kind !== 'Deployment' || !ctx.settings.isProd(...index.prodNames(obj))) continue;
      const strategy = field(obj, obj.node, 'spec', 'strategy');
      const typeNode = field(obj, strategy, 'type');
      if (scalarString(typeNode) === 'Recreate') {
        ctx.report({
          range: rangeOf(obj, typeNode),
          message: `Production ${describeObject(obj)} uses the Recreate strategy: every rollout takes all pods down.`,
        });
        continue;
      }
      const maxUnavailableNode = field(obj, strategy, 'rollingUpdate', 'maxUnavailable');
      const maxUnavailable = scalarString(maxUnavailableNode);
      if (maxUnavailable === undefined) continue;
      // Without an explicit `replicas` (HPA-managed) only a percentage tells how many pods may go.
      const replicas = Number(scalarString(field(obj, obj.node, 'spec', 'replicas')) ?? Number.POSITIVE_INFINITY);
      const all =
        /^\s*100\s*%\s*$/.test(maxUnavailable) || (/^\d+$/.test(maxUnavailable) && Number(maxUnavailable) >= replicas);
      if (!all) continue;
      ctx.report({
        range: rangeOf(obj, maxUnavailableNode),
        message: `Production ${describeObject(obj)} allows maxUnavailable: ${maxUnavailable}: a rollout may take all pods down.`,
      });
    }
  },
});
