import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, field, rangeOf } from '../../models/k8s.js';
import { isFalse, isTrue } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'K8S002',
  title: 'No privileged containers or privilege escalation',
  severity: 'error',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'A privileged container has every capability and the host devices: it is root on the node. ' +
    '`allowPrivilegeEscalation` defaults to true, so setuid binaries in the image can regain privileges.',
  fix: 'Remove `privileged: true` (grant only the capabilities needed) and set `allowPrivilegeEscalation: false` on every container.',
  peers: [
    'kics:container_is_privileged',
    'kics:privilege_escalation_allowed',
    'checkov:CKV_K8S_16',
    'checkov:CKV_K8S_20',
  ],
  notes:
    '`privileged: true` is an error; `allowPrivilegeEscalation` not set to `false` is a warning, and is not ' +
    'repeated for a privileged container (privileged implies escalation).',
  check(file, ctx) {
    for (const site of containersOf(file)) {
      const { obj, container } = site;
      const privileged = field(obj, container.securityContext, 'privileged');
      if (isTrue(privileged)) {
        ctx.report({ range: rangeOf(obj, privileged), message: `The ${describeContainer(site)} is privileged.` });
        continue;
      }
      const escalation = field(obj, container.securityContext, 'allowPrivilegeEscalation');
      if (isFalse(escalation)) continue;
      ctx.report({
        range: escalation ? rangeOf(obj, escalation) : container.nameRange,
        severity: 'warning',
        message: escalation
          ? `The ${describeContainer(site)} allows privilege escalation.`
          : `The ${describeContainer(site)} does not set allowPrivilegeEscalation: false (it defaults to true).`,
      });
    }
  },
});
