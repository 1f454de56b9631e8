import { defineRule } from '../../core/rule.js';
import { describeObject, isNamespaced, k8sObjects } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';

export const rule = defineRule({
  id: 'K8S014',
  title: 'Objects should name a non-default namespace',
  severity: 'info',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'An object without a namespace lands wherever the current kubectl context points, and `default` ' +
    'is shared by everything that forgot one: RBAC, quotas and NetworkPolicies cannot be scoped to it.',
  fix: "Set `metadata.namespace` to the application's namespace, or set `namespace:` in the kustomization that includes the manifest.",
  peers: ['checkov:CKV_K8S_21'],
  notes:
    'Cluster-scoped kinds (Namespace, ClusterRole, CRDs, StorageClass, `Cluster*`/`Global*` kinds …) are not ' +
    'checked. A manifest included by a kustomization with `namespace:` (directly, or through overlays) is namespaced.',
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    const byKustomize = index.kustomizationsOf(file).find((k) => k.namespace !== undefined);
    for (const obj of k8sObjects(file)) {
      if (!isNamespaced(obj)) continue;
      if (obj.namespace === 'default' && obj.namespaceRange) {
        ctx.report({ range: obj.namespaceRange, message: `${describeObject(obj)} is in the default namespace.` });
      } else if (obj.namespace === undefined && byKustomize?.namespace === 'default') {
        ctx.report({
          range: obj.nameRange,
          message: `${describeObject(obj)} is put in the default namespace by ${byKustomize.path}.`,
        });
      } else if (obj.namespace === undefined && !byKustomize) {
        ctx.report({ range: obj.nameRange, message: `${describeObject(obj)} has no namespace.` });
      }
    }
  },
});
