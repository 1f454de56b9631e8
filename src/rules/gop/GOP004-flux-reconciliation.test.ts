import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GOP004-flux-reconciliation.js';

const kustomization = (spec: string) =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: shop\n  namespace: flux-system\nspec:\n${spec}`;
const release = (version: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: redis\nspec:\n  interval: 10m\n  chart:\n    spec:\n      chart: redis\n${version}      sourceRef: { kind: HelmRepository, name: bitnami }\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'pruning Kustomization with an interval and a pinned HelmRelease',
      files: {
        'flux/shop.yaml': kustomization('  interval: 10m\n  prune: true\n  path: ./deploy/overlays/prod\n'),
        'flux/redis.yaml': release('      version: 19.6.4\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'no prune, no interval, chart range and no chart version',
      files: {
        'flux/shop.yaml': kustomization('  prune: false\n  path: ./deploy/overlays/prod\n'),
        'flux/redis.yaml': release('      version: ">=19.0.0"\n'),
        'flux/nats.yaml': release('').replace('name: redis', 'name: nats'),
      },
      errors: [
        {
          file: 'flux/nats.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message: 'Flux HelmRelease "nats" installs chart `redis` without a version (latest).',
        },
        {
          file: 'flux/redis.yaml',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 26,
          message: 'Flux HelmRelease "redis" chart version `>=19.0.0` is a range, not a pinned version.',
        },
        {
          file: 'flux/shop.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message: 'Flux Kustomization "shop" has no `interval`.',
        },
        {
          file: 'flux/shop.yaml',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 15,
          message: 'Flux Kustomization "shop" does not prune (`prune: true`): deleted manifests stay running.',
        },
      ],
    },
  ],
});
