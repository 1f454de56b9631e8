import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S016-deprecated-api.js';

ruleTester(rule, {
  valid: [
    {
      name: 'current API versions',
      files: {
        'all.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: b}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: c}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: d}\n',
      },
    },
    {
      name: 'a v1beta1 group version that is still served for another kind',
      files: { 'x.yaml': 'apiVersion: batch/v1beta1\nkind: SomethingCustom\nmetadata: {name: a}\n' },
    },
  ],
  invalid: [
    {
      name: 'removed workload, CronJob, PDB and HPA versions',
      files: {
        'old.yaml':
          'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\n---\napiVersion: apps/v1beta2\nkind: Deployment\nmetadata: {name: api}\n---\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: job}\n---\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\n---\napiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: hpa}\n',
      },
      errors: [
        {
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 31,
          message: 'Ingress "web" uses extensions/v1beta1, removed in Kubernetes 1.22; use networking.k8s.io/v1.',
        },
        {
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 25,
          message: 'Deployment "api" uses apps/v1beta2, removed in Kubernetes 1.16; use apps/v1.',
        },
        {
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 26,
          message: 'CronJob "job" uses batch/v1beta1, removed in Kubernetes 1.25; use batch/v1.',
        },
        {
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 27,
          message: 'PodDisruptionBudget "pdb" uses policy/v1beta1, removed in Kubernetes 1.25; use policy/v1.',
        },
        {
          line: 17,
          column: 13,
          endLine: 17,
          endColumn: 32,
          message:
            'HorizontalPodAutoscaler "hpa" uses autoscaling/v2beta2, removed in Kubernetes 1.26; use autoscaling/v2.',
        },
      ],
    },
    {
      name: 'PodSecurityPolicy in any version',
      files: { 'psp.yaml': 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: restricted}\n' },
      errors: [
        {
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 24,
          message: /^PodSecurityPolicy was removed in Kubernetes 1\.25/,
        },
      ],
    },
  ],
});
