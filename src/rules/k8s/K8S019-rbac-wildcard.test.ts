import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S019-rbac-wildcard.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'explicit verbs and resources; built-in system roles',
      files: {
        'rbac.yaml': lines(
          'apiVersion: rbac.authorization.k8s.io/v1',
          'kind: Role',
          'metadata: {name: reader, namespace: shop}',
          'rules:',
          '  - apiGroups: ["*"]',
          '    resources: [pods, configmaps]',
          '    verbs: [get, list, watch]',
          '---',
          'apiVersion: rbac.authorization.k8s.io/v1',
          'kind: ClusterRole',
          'metadata: {name: "system:controller:foo"}',
          'rules: [{apiGroups: [""], resources: ["*"], verbs: ["*"]}]',
        ),
      },
    },
    {
      name: 'cluster-admin for system subjects',
      files: {
        'crb.yaml': lines(
          'apiVersion: rbac.authorization.k8s.io/v1',
          'kind: ClusterRoleBinding',
          'metadata: {name: masters}',
          'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}',
          'subjects:',
          '  - {kind: Group, name: "system:masters"}',
          '  - {kind: ServiceAccount, name: addon, namespace: kube-system}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'wildcards in verbs and resources',
      files: {
        'role.yaml': lines(
          'apiVersion: rbac.authorization.k8s.io/v1',
          'kind: ClusterRole',
          'metadata: {name: ops}',
          'rules:',
          '  - apiGroups: [apps]',
          '    resources: ["*"]',
          '    verbs:',
          '      - get',
          '      - "*"',
        ),
      },
      errors: [
        { line: 6, column: 17, endLine: 6, endColumn: 20, message: 'ClusterRole "ops" grants * in resources.' },
        { line: 9, column: 9, endLine: 9, endColumn: 12, message: 'ClusterRole "ops" grants * in verbs.' },
      ],
    },
    {
      name: 'cluster-admin bound to a user and a service account',
      files: {
        'crb.yaml': lines(
          'apiVersion: rbac.authorization.k8s.io/v1',
          'kind: ClusterRoleBinding',
          'metadata: {name: ci}',
          'roleRef:',
          '  apiGroup: rbac.authorization.k8s.io',
          '  kind: ClusterRole',
          '  name: cluster-admin',
          'subjects:',
          '  - {kind: User, name: alice@example.com}',
          '  - {kind: ServiceAccount, name: deployer, namespace: ci}',
        ),
      },
      errors: [
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 22,
          message: 'ClusterRoleBinding "ci" binds cluster-admin to User alice@example.com, ServiceAccount ci/deployer.',
        },
      ],
    },
  ],
});
