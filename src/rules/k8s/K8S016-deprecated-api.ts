import { defineRule } from '../../core/rule.js';
import { describeObject, k8sObjects } from '../../models/k8s.js';

interface Removal {
  apiVersion: string;
  /** Kinds affected; empty for every kind of the group version. */
  kinds: readonly string[];
  removedIn: string;
  use: string;
}

const removal = (apiVersion: string, kinds: string[], removedIn: string, use: string): Removal => ({
  apiVersion,
  kinds,
  removedIn,
  use,
});

// From the Kubernetes deprecated API migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide).
// The first entry matching apiVersion and kind wins.
const REMOVED: readonly Removal[] = [
  removal('extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'),
  removal('extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'),
  removal('extensions/v1beta1', [], '1.16', 'apps/v1'),
  removal('apps/v1beta1', [], '1.16', 'apps/v1'),
  removal('apps/v1beta2', [], '1.16', 'apps/v1'),
  removal('batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'),
  removal('batch/v2alpha1', ['CronJob'], '1.21', 'batch/v1'),
  removal('policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1'),
  removal('autoscaling/v2beta1', [], '1.25', 'autoscaling/v2'),
  removal('autoscaling/v2beta2', [], '1.26', 'autoscaling/v2'),
  removal('networking.k8s.io/v1beta1', [], '1.22', 'networking.k8s.io/v1'),
  removal('rbac.authorization.k8s.io/v1beta1', [], '1.22', 'rbac.authorization.k8s.io/v1'),
  removal('rbac.authorization.k8s.io/v1alpha1', [], '1.22', 'rbac.authorization.k8s.io/v1'),
  removal('apiextensions.k8s.io/v1beta1', [], '1.22', 'apiextensions.k8s.io/v1'),
  removal('admissionregistration.k8s.io/v1beta1', [], '1.22', 'admissionregistration.k8s.io/v1'),
  removal('apiregistration.k8s.io/v1beta1', [], '1.22', 'apiregistration.k8s.io/v1'),
  removal('certificates.k8s.io/v1beta1', [], '1.22', 'certificates.k8s.io/v1'),
  removal('coordination.k8s.io/v1beta1', [], '1.22', 'coordination.k8s.io/v1'),
  removal('scheduling.k8s.io/v1beta1', [], '1.22', 'scheduling.k8s.io/v1'),
  removal('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1'),
  removal(
    'storage.k8s.io/v1beta1',
    ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    '1.22',
    'storage.k8s.io/v1',
  ),
  removal('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1'),
  removal('events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1'),
  removal('node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'),
  removal('flowcontrol.apiserver.k8s.io/v1beta1', [], '1.26', 'flowcontrol.apiserver.k8s.io/v1'),
  removal('flowcontrol.apiserver.k8s.io/v1beta2', [], '1.29', 'flowcontrol.apiserver.k8s.io/v1'),
  removal('flowcontrol.apiserver.k8s.io/v1beta3', [], '1.32', 'flowcontrol.apiserver.k8s.io/v1'),
];

export const rule = defineRule({
  id: 'K8S016',
  title: 'No removed or deprecated Kubernetes APIs',
  severity: 'error',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'The API server rejects objects of removed API versions: the manifest fails to apply after a cluster ' +
    'upgrade, usually in the middle of an incident or a rollback.',
  fix: 'Move to the stable API version (e.g. `apps/v1`, `batch/v1`, `policy/v1`, `autoscaling/v2`, `networking.k8s.io/v1`), adjusting changed fields (`selector` is required in apps/v1, Ingress `backend.service`).',
  rollback:
    'Rolling back to a manifest with a removed API fails on the upgraded cluster: keep the rollback target on supported APIs too.',
  peers: ['kube-linter:no-extensions-v1beta'],
  notes: 'PodSecurityPolicy (removed in 1.25) is reported in any version; migrate to Pod Security Admission.',
  check(file, ctx) {
    for (const obj of k8sObjects(file)) {
      if (obj.kind === 'PodSecurityPolicy') {
        ctx.report({
          range: obj.kindRange,
          message: `PodSecurityPolicy was removed in Kubernetes 1.25; use Pod Security Admission (namespace labels pod-security.kubernetes.io/*).`,
        });
        continue;
      }
      const removed = REMOVED.find(
        (r) => r.apiVersion === obj.apiVersion && (r.kinds.length === 0 || r.kinds.includes(obj.kind)),
      );
      if (!removed) continue;
      ctx.report({
        range: obj.apiVersionRange,
        message: `${describeObject(obj)} uses ${obj.apiVersion}, removed in Kubernetes ${removed.removedIn}; use ${removed.use}.`,
      });
    }
  },
});
