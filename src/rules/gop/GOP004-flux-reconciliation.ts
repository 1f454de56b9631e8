import { defineRule } from '../../core/rule.js';
import { gitopsObjectsOf } from '../../models/gitops.js';
import { describeObject } from '../../models/k8s.js';
import { getKeyNode, getNode, isTrue, nodeRange } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'GOP004',
  title: 'Flux: prune and reconcile on an interval; pin HelmRelease charts',
  severity: 'warning',
  domain: 'gitops',
  kinds: ['k8s'],
  rationale:
    'A Flux Kustomization without `prune: true` leaves objects running after their manifests are deleted, and ' +
    'one without `interval` is invalid (the API requires it). A HelmRelease with an unpinned chart version ' +
    'upgrades itself whenever the repository publishes a matching chart, including breaking releases.',
  fix:
    'Kustomization: `interval: 10m` and `prune: true`. HelmRelease: `chart.spec.version: "1.4.2"` (promote ' +
    'new versions by pull request).',
  rollback:
    'Pin the chart version back to the previous release in Git and `flux reconcile helmrelease <name>`; `flux suspend` stops reconciliation during an incident.',
  notes:
    'Unpinned chart versions: none (latest), `*`, and ranges (`^1.2`, `~1`, `>=1.0`, `1.x`). A HelmRelease using `chartRef` is not checked.',
  check(file, ctx) {
    const model = gitopsObjectsOf(file);
    for (const k of model.fluxKustomizations) {
      const { doc } = k.obj;
      const prune = getNode(k.spec, 'prune', doc);
      if (!isTrue(prune)) {
        ctx.report({
          range: prune ? nodeRange(file, prune) : k.obj.nameRange,
          message: `Flux ${describeObject(k.obj)} does not prune (\`prune: true\`): deleted manifests stay running.`,
        });
      }
      if (!getKeyNode(k.spec, 'interval', doc)) {
        ctx.report({ range: k.obj.nameRange, message: `Flux ${describeObject(k.obj)} has no \`interval\`.` });
      }
    }
    for (const release of model.helmReleases) {
      if (release.chart === undefined) continue;
      const version = release.version.value;
      if (version !== undefined && version.trim() !== '' && !/[*^~<>|]|(^|\.)x($|\.)|\s/i.test(version.trim()))
        continue;
      ctx.report({
        range: release.version.range ?? release.obj.nameRange,
        message:
          version === undefined || version.trim() === ''
            ? `Flux ${describeObject(release.obj)} installs chart \`${release.chart}\` without a version (latest).`
            : `Flux ${describeObject(release.obj)} chart version \`${version}\` is a range, not a pinned version.`,
      });
    }
  },
});
