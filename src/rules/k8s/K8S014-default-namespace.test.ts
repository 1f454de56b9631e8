import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S014-default-namespace.js';

const configMap = (metadata: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: ${metadata}\ndata: {a: b}\n`;

ruleTester(rule, {
  valid: [
    { name: 'explicit namespace', files: { 'cm.yaml': configMap('{name: cfg, namespace: shop}') } },
    {
      name: 'cluster-scoped kinds',
      files: {
        'cluster.yaml':
          'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: []\n---\napiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: le}\nspec: {}\n',
      },
    },
    {
      name: 'namespaced by a kustomization in the same directory',
      files: {
        'app/kustomization.yaml': 'namespace: shop\nresources: [cm.yaml]\n',
        'app/cm.yaml': configMap('{name: cfg}'),
      },
    },
    {
      name: 'namespaced by an overlay including the base',
      files: {
        'base/kustomization.yaml': 'resources: [cm.yaml]\n',
        'base/cm.yaml': configMap('{name: cfg}'),
        'overlays/prod/kustomization.yaml': 'namespace: shop-prod\nresources: [../../base]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no namespace, and the default namespace',
      files: { 'cm.yaml': `${configMap('{name: cfg}')}---\n${configMap('{name: other, namespace: default}')}` },
      errors: [
        { line: 3, column: 18, endLine: 3, endColumn: 21, message: 'ConfigMap "cfg" has no namespace.' },
        { line: 8, column: 36, endLine: 8, endColumn: 43, message: 'ConfigMap "other" is in the default namespace.' },
      ],
    },
    {
      name: 'a kustomization that does not list the file, or sets default',
      files: {
        'app/kustomization.yaml': 'namespace: shop\nresources: [other.yaml]\n',
        'app/cm.yaml': configMap('{name: cfg}'),
        'def/kustomization.yaml': 'namespace: default\nresources: [cm.yaml]\n',
        'def/cm.yaml': configMap('{name: d}'),
      },
      errors: [
        {
          file: 'app/cm.yaml',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          message: 'ConfigMap "cfg" has no namespace.',
        },
        {
          file: 'def/cm.yaml',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 19,
          message: 'ConfigMap "d" is put in the default namespace by def/kustomization.yaml.',
        },
      ],
    },
  ],
});
