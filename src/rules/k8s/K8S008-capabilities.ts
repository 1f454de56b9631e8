import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, field, rangeOf } from '../../models/k8s.js';
import { getKeyNode, items, scalarString } from '../../parsers/yaml.js';

/** Capabilities that amount to root on the node (or on its network). */
const DANGEROUS = new Set(['SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'ALL']);

const capName = (value: string) => value.toUpperCase().replace(/^CAP_/, '');

export const rule = defineRule({
  id: 'K8S008',
  title: 'Drop all capabilities; add none that are dangerous',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Container runtimes grant a default set of Linux capabilities (NET_RAW, CHOWN, SETUID …) that most ' +
    'services never need. SYS_ADMIN, NET_ADMIN and SYS_PTRACE are enough to escape or spy on the node.',
  fix: 'Set `securityContext.capabilities.drop: [ALL]` and add back only what the process needs (e.g. `NET_BIND_SERVICE`).',
  peers: ['checkov:CKV_K8S_28', 'checkov:CKV_K8S_37', 'checkov:CKV_K8S_39'],
  notes:
    '`capabilities.drop` without `ALL` is a warning; adding `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `ALL` is an error.',
  check(file, ctx) {
    for (const site of containersOf(file)) {
      const { obj, container } = site;
      const capabilities = field(obj, container.securityContext, 'capabilities');
      for (const add of items(field(obj, capabilities, 'add'), obj.doc)) {
        const cap = capName(scalarString(add) ?? '');
        if (!DANGEROUS.has(cap)) continue;
        ctx.report({
          range: rangeOf(obj, add),
          severity: 'error',
          message: `The ${describeContainer(site)} adds the ${cap} capability.`,
        });
      }
      const drop = field(obj, capabilities, 'drop');
      if (items(drop, obj.doc).some((d) => capName(scalarString(d) ?? '') === 'ALL')) continue;
      const dropKey = getKeyNode(capabilities, 'drop', obj.doc);
      ctx.report({
        range: dropKey ? rangeOf(obj, dropKey) : container.nameRange,
        message: `The ${describeContainer(site)} does not drop ALL capabilities.`,
      });
    }
  },
});
