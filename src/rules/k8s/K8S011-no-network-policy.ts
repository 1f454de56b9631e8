import { defineRule } from '../../core/rule.js';
import { describeObject, k8sObjects, selectorMatches } from '../../models/k8s.js';
import { CLUSTER_WIDE, k8sIndex } from '../../models/k8s-index.js';

export const rule = defineRule({
  id: 'K8S011',
  title: 'Workloads must be covered by a NetworkPolicy',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Pods accept traffic from every pod of every namespace until a NetworkPolicy selects them: one ' +
    'compromised pod can reach every database and admin port in the cluster (no network segmentation).',
  fix: 'Add a default-deny policy per namespace (`podSelector: {}`, `policyTypes: [Ingress, Egress]`) and allow the flows each workload needs.',
  peers: ['kube-score:pod-networkpolicy'],
  notes:
    "A policy counts when it is in the workload's namespace (metadata or kustomization `namespace`) and its " +
    '`podSelector` matches the pod template labels (`matchLabels` and `matchExpressions`). Cilium ' +
    '(`CiliumNetworkPolicy`, `CiliumClusterwideNetworkPolicy`) and Calico (`NetworkPolicy`, ' +
    '`GlobalNetworkPolicy`) policies count too; Calico selectors are assumed to match.',
  // A file rule reading the cross-file index (like K8S012), not a project rule: nothing then needs the
  // manifests' parse trees after their own file's rules, so the engine can drop them file by file.
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    for (const workload of k8sObjects(file)) {
      if (!workload.pod) continue;
      const namespace = index.namespaceOf(workload);
      const labels = workload.pod.labels;
      const covered = index.networkPolicies.some(
        (p) =>
          (p.namespace === namespace || p.namespace === CLUSTER_WIDE) &&
          p.selector !== undefined &&
          selectorMatches(p.selector, labels),
      );
      if (covered) continue;
      ctx.report({
        range: workload.nameRange,
        message: `${describeObject(workload)} in namespace "${namespace}" is not selected by any NetworkPolicy: every pod in the cluster can reach it.`,
      });
    }
  },
});
