import { defineRule } from '../../core/rule.js';
import {
  containersOf,
  describeContainer,
  describeObject,
  effectiveSecurity,
  field,
  k8sObjects,
  rangeOf,
} from '../../models/k8s.js';
import { isFalse, isTrue, scalarString } from '../../parsers/yaml.js';

const isRootUser = (node: unknown) => scalarString(node) === '0';

export const rule = defineRule({
  id: 'K8S001',
  title: 'Containers must not run as root',
  severity: 'error',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'A process running as UID 0 in a container is root on the node as soon as it escapes the container ' +
    '(kernel bug, writable hostPath, mounted socket). The kubelet only refuses root when told to.',
  fix: 'Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` on the pod (or each container), and build the image with a non-root `USER`.',
  peers: ['kics:containers_running_as_root', 'kube-linter:run-as-non-root', 'checkov:CKV_K8S_23'],
  notes:
    'The container `securityContext` overrides the pod one, as in the kubelet. `runAsUser: 0` is reported ' +
    'wherever it is written, even alongside `runAsNonRoot: true` (the pod would then fail to start).',
  check(file, ctx) {
    // Pod-level `runAsUser: 0` once, where it is written.
    for (const obj of k8sObjects(file)) {
      const user = field(obj, obj.pod?.securityContext, 'runAsUser');
      if (obj.pod && isRootUser(user)) {
        ctx.report({
          range: rangeOf(obj, user),
          message: `The pod of ${describeObject(obj)} sets runAsUser: 0 (root).`,
        });
      }
    }
    for (const site of containersOf(file)) {
      const { obj, pod, container } = site;
      const ownUser = field(obj, container.securityContext, 'runAsUser');
      if (isRootUser(ownUser)) {
        ctx.report({
          range: rangeOf(obj, ownUser),
          message: `The ${describeContainer(site)} sets runAsUser: 0 (root).`,
        });
        continue;
      }
      const user = effectiveSecurity(obj, pod, container, 'runAsUser');
      if (user && isRootUser(user.node)) continue; // reported at the pod level above
      if (user && Number(scalarString(user.node)) > 0) continue;
      const nonRoot = effectiveSecurity(obj, pod, container, 'runAsNonRoot');
      if (nonRoot && isTrue(nonRoot.node)) continue;
      const explicit = nonRoot && isFalse(nonRoot.node) && nonRoot.level === 'container';
      ctx.report({
        range: explicit ? rangeOf(obj, nonRoot.node) : container.nameRange,
        message: explicit
          ? `The ${describeContainer(site)} sets runAsNonRoot: false and no non-zero runAsUser: it may run as root.`
          : `The ${describeContainer(site)} may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser.`,
      });
    }
  },
});
