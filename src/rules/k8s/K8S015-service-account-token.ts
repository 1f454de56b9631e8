import { defineRule } from '../../core/rule.js';
import { describeObject, k8sObjects, rangeOf } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';
import { isFalse } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'K8S015',
  title: 'Do not mount the default service account token',
  severity: 'info',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Every pod gets an API token for its service account unless told otherwise. Pods on the shared ' +
    '`default` account rarely need the API, and a stolen token is a foothold for anything bound to it.',
  fix: 'Set `automountServiceAccountToken: false` on the pod (or on the `default` ServiceAccount), or give the workload its own ServiceAccount with the RBAC it needs.',
  peers: ['checkov:CKV_K8S_38', 'kube-linter:default-service-account'],
  notes:
    'A `default` ServiceAccount in the same namespace with `automountServiceAccountToken: false` counts as not mounting.',
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    for (const obj of k8sObjects(file)) {
      const pod = obj.pod;
      if (!pod || (pod.serviceAccountName !== undefined && pod.serviceAccountName !== 'default')) continue;
      if (isFalse(pod.automountServiceAccountToken)) continue;
      const accountOptsOut = index.tokenlessDefaultAccounts.has(index.namespaceOf(obj));
      if (accountOptsOut && pod.automountServiceAccountToken === undefined) continue;
      const at = pod.automountServiceAccountToken ?? pod.serviceAccountNode;
      ctx.report({
        range: at ? rangeOf(obj, at) : obj.nameRange,
        message: `${describeObject(obj)} runs as the default service account and mounts its API token.`,
      });
    }
  },
});
