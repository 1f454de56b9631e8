import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, field, rangeOf } from '../../models/k8s.js';
import { isTrue } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'K8S007',
  title: 'Use a read-only root filesystem',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'A writable root filesystem lets an attacker drop tools and persist changes inside the container; ' +
    'a read-only one also surfaces where the application writes, so it can get a proper volume.',
  fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the application must write (`/tmp`, caches).',
  peers: ['kube-linter:no-read-only-root-fs', 'checkov:CKV_K8S_22'],
  check(file, ctx) {
    for (const site of containersOf(file)) {
      const { obj, container } = site;
      const readOnly = field(obj, container.securityContext, 'readOnlyRootFilesystem');
      if (isTrue(readOnly)) continue;
      ctx.report({
        range: readOnly ? rangeOf(obj, readOnly) : container.nameRange,
        message: readOnly
          ? `The ${describeContainer(site)} sets readOnlyRootFilesystem: false.`
          : `The ${describeContainer(site)} does not set readOnlyRootFilesystem: true.`,
      });
    }
  },
});
