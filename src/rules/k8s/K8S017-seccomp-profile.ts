import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, describeObject, field, k8sObjects, rangeOf } from '../../models/k8s.js';
import { scalarString } from '../../parsers/yaml.js';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);

export const rule = defineRule({
  id: 'K8S017',
  title: 'Set a seccomp profile',
  severity: 'info',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Without a seccomp profile (or with `Unconfined`) a container can make every system call, which is ' +
    'most of the kernel attack surface used by container escapes. `RuntimeDefault` blocks the rare ones.',
  fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or `Localhost` with a custom profile).',
  peers: ['checkov:CKV_K8S_31', 'kics:seccomp_profile_is_not_configured'],
  notes:
    'A container profile overrides the pod profile. The pre-1.19 `seccomp.security.alpha.kubernetes.io` ' +
    'annotations have had no effect since Kubernetes 1.27 and do not count.',
  check(file, ctx) {
    // A bad pod-level profile once, where it is written.
    for (const obj of k8sObjects(file)) {
      const type = field(obj, obj.pod?.securityContext, 'seccompProfile', 'type');
      const value = scalarString(type);
      if (value === undefined || CONFINED.has(value)) continue;
      ctx.report({
        range: rangeOf(obj, type),
        message: `The pod of ${describeObject(obj)} uses the ${value} seccomp profile.`,
      });
    }
    for (const site of containersOf(file)) {
      const { obj, pod, container } = site;
      const own = field(obj, container.securityContext, 'seccompProfile', 'type');
      const value = scalarString(own);
      if (value !== undefined) {
        if (!CONFINED.has(value)) {
          ctx.report({
            range: rangeOf(obj, own),
            message: `The ${describeContainer(site)} uses the ${value} seccomp profile.`,
          });
        }
        continue;
      }
      if (field(obj, pod.securityContext, 'seccompProfile', 'type') !== undefined) continue; // judged above
      ctx.report({
        range: container.nameRange,
        message: `The ${describeContainer(site)} has no seccomp profile (neither it nor the pod sets seccompProfile).`,
      });
    }
  },
});
