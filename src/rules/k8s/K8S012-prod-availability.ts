import { defineRule } from '../../core/rule.js';
import { describeObject, field, k8sObjects, rangeOf, selectorMatches } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';
import { scalarString } from '../../parsers/yaml.js';

const KINDS = new Set(['Deployment', 'StatefulSet']);

export const rule = defineRule({
  id: 'K8S012',
  title: 'Production workloads need 2+ replicas and a PodDisruptionBudget',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'A single replica is down during every rollout, node drain and crash. Without a PodDisruptionBudget ' +
    'a node upgrade may evict every replica at once.',
  fix: 'Set `replicas: 2` or more (or an HPA with `minReplicas: 2`) and add a PodDisruptionBudget (`maxUnavailable: 1`) selecting the pods.',
  rollback:
    'Raising replicas and adding a PDB is safe to revert (`kubectl scale`, delete the PDB). A PDB that ' +
    'allows no disruption blocks node drains: loosen it rather than deleting nodes by force.',
  peers: ['kube-score:deployment-has-poddisruptionbudget'],
  notes:
    'Production is decided by the path, namespace, or an including kustomize overlay matching the ' +
    'production pattern. A HorizontalPodAutoscaler targeting the workload replaces `replicas` with its `minReplicas`.',
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    for (const obj of k8sObjects(file)) {
      if (!KINDS.has(obj.kind) || !obj.pod || !ctx.settings.isProd(...index.prodNames(obj))) continue;
      const namespace = index.namespaceOf(obj);
      const hpa = index.hpas.find(
        (h) => h.namespace === namespace && h.targetKind === obj.kind && h.targetName === obj.name,
      );
      const replicasNode = field(obj, obj.node, 'spec', 'replicas');
      const replicas = Number(scalarString(replicasNode) ?? 1);
      if (hpa ? hpa.minReplicas < 2 : replicas < 2) {
        ctx.report({
          range: !hpa && replicasNode ? rangeOf(obj, replicasNode) : obj.nameRange,
          message: hpa
            ? `Production ${describeObject(obj)} can scale down to ${hpa.minReplicas} replica (HPA minReplicas).`
            : `Production ${describeObject(obj)} runs ${replicasNode ? replicas : '1 (default)'} replica.`,
        });
      }
      const labels = obj.pod.labels;
      const budget = index.pdbs.some(
        (p) => p.namespace === namespace && p.selector !== undefined && selectorMatches(p.selector, labels),
      );
      if (!budget) {
        ctx.report({
          range: obj.nameRange,
          message: `No PodDisruptionBudget selects the pods of production ${describeObject(obj)}.`,
        });
      }
    }
  },
});
