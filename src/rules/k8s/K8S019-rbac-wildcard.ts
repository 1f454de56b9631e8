import { defineRule } from '../../core/rule.js';
import { describeObject, field, k8sObjects, rangeOf } from '../../models/k8s.js';
import { items, scalarString } from '../../parsers/yaml.js';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export const rule = defineRule({
  id: 'K8S019',
  title: 'No wildcard RBAC rules or cluster-admin bindings',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    '`*` in verbs or resources grants everything the API has today and everything a future CRD adds ' +
    '(including `escalate`, `impersonate` and Secrets). Binding `cluster-admin` hands out the cluster.',
  fix: 'List the exact verbs and resources the subject needs; bind a narrow Role instead of `cluster-admin`.',
  peers: ['kube-linter:wildcard-in-rules', 'kube-linter:cluster-admin-role-binding', 'checkov:CKV_K8S_49'],
  notes:
    'Built-in `system:` roles are not reported. Subjects named `system:…` and service accounts in ' +
    '`kube-system` are system subjects and may be bound to `cluster-admin`.',
  check(file, ctx) {
    for (const obj of k8sObjects(file)) {
      if (ROLE_KINDS.has(obj.kind) && !obj.name?.startsWith('system:')) {
        for (const rule of items(field(obj, obj.node, 'rules'), obj.doc)) {
          for (const key of ['verbs', 'resources'] as const) {
            for (const item of items(field(obj, rule, key), obj.doc)) {
              if (scalarString(item) !== '*') continue;
              ctx.report({ range: rangeOf(obj, item), message: `${describeObject(obj)} grants * in ${key}.` });
            }
          }
        }
      }
      if (BINDING_KINDS.has(obj.kind)) {
        const roleName = field(obj, obj.node, 'roleRef', 'name');
        if (scalarString(roleName) !== 'cluster-admin') continue;
        const subjects = items(field(obj, obj.node, 'subjects'), obj.doc).flatMap((s) => {
          const name = scalarString(field(obj, s, 'name')) ?? '';
          const kind = scalarString(field(obj, s, 'kind')) ?? '';
          const namespace = kind === 'ServiceAccount' ? scalarString(field(obj, s, 'namespace')) : undefined;
          if (name.startsWith('system:') || namespace === 'kube-system') return [];
          return [`${kind} ${namespace ? `${namespace}/` : ''}${name}`.trim()];
        });
        if (subjects.length === 0) continue;
        ctx.report({
          range: rangeOf(obj, roleName),
          message: `${describeObject(obj)} binds cluster-admin to ${subjects.join(', ')}.`,
        });
      }
    }
  },
});
