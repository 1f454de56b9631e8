import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S013-downtime-rollout.js';

const deployment = (namespace: string, spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n${spec}  template:\n    spec: {containers: [{name: app, image: app:1}]}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'Recreate outside production',
      files: { 'deploy.yaml': deployment('dev', '  strategy: {type: Recreate}\n') },
    },
    {
      name: 'prod rolling update with maxUnavailable 0 or 25%',
      files: {
        'deploy.yaml': deployment(
          'shop-prod',
          '  replicas: 3\n  strategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}\n',
        ),
        'b.yaml': deployment(
          'live',
          '  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 25%}\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'Recreate in a prod namespace',
      files: { 'deploy.yaml': deployment('shop-prod', '  strategy:\n    type: Recreate\n') },
      errors: [
        {
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 19,
          message: 'Production Deployment "web" uses the Recreate strategy: every rollout takes all pods down.',
        },
      ],
    },
    {
      name: 'maxUnavailable 100% or at least replicas',
      files: {
        'prod/a.yaml': deployment('shop', '  strategy: {rollingUpdate: {maxUnavailable: 100%}}\n'),
        'prod/b.yaml': deployment('shop', '  replicas: 2\n  strategy: {rollingUpdate: {maxUnavailable: 2}}\n'),
      },
      errors: [
        {
          file: 'prod/a.yaml',
          line: 5,
          column: 46,
          endLine: 5,
          endColumn: 50,
          message: 'Production Deployment "web" allows maxUnavailable: 100%: a rollout may take all pods down.',
        },
        {
          file: 'prod/b.yaml',
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 47,
          message: 'Production Deployment "web" allows maxUnavailable: 2: a rollout may take all pods down.',
        },
      ],
    },
  ],
});
