import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './K8S003-unpinned-image.js';

const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

ruleTester(rule, {
  valid: [
    { name: 'tagged', files: { 'pod.yaml': pod('ghcr.io/org/app:1.4.2') } },
    { name: 'digest only', files: { 'pod.yaml': pod('app@sha256:0123456789abcdef') } },
    { name: 'registry with port and tag', files: { 'pod.yaml': pod('localhost:5000/app:2') } },
    {
      name: 'kustomize overlay sets the tag of a base image',
      files: {
        'base/pod.yaml': pod('ghcr.io/org/app'),
        'base/kustomization.yaml': 'resources: [pod.yaml]\n',
        'overlays/prod/kustomization.yaml':
          'resources: [../../base]\nimages:\n  - name: ghcr.io/org/app\n    newTag: 1.4.2\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no tag',
      files: { 'pod.yaml': pod('nginx') },
      errors: [
        {
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 19,
          message: 'The container "app" of Pod "a" uses nginx with no tag (it means latest).',
        },
      ],
    },
    {
      name: 'latest, including a registry with a port',
      files: { 'pod.yaml': pod('"localhost:5000/app:latest"') },
      errors: [
        {
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 41,
          message: 'The container "app" of Pod "a" uses localhost:5000/app:latest: latest is not a version.',
        },
      ],
    },
    {
      name: 'an overlay setting newTag: latest does not pin',
      files: {
        'base/pod.yaml': pod('app'),
        'base/kustomization.yaml': 'resources: [pod.yaml]\nimages: [{name: app, newTag: latest}]\n',
      },
      errors: [
        {
          file: 'base/pod.yaml',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 17,
          message: 'The container "app" of Pod "a" uses app with no tag (it means latest).',
        },
      ],
    },
  ],
});
