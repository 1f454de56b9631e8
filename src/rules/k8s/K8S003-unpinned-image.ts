import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, imageName } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';
import { parseImageRef } from '../../models/service-tiers.js';

export const rule = defineRule({
  id: 'K8S003',
  title: 'Pin container images to a version',
  severity: 'error',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'An image without a tag is `:latest`, and `latest` moves: two pods of one Deployment can run different ' +
    'code, and a rollback re-pulls whatever `latest` is now.',
  fix: 'Use `image: <name>:<version>`, ideally with `@sha256:<digest>` for production.',
  rollback: 'Roll back by re-pinning to the last known-good tag or digest, never to `latest`.',
  peers: ['kube-linter:latest-tag', 'kics:invalid_image', 'checkov:CKV_K8S_14'],
  notes:
    'Digest-pinned images are fine. An image that a kustomization including the manifest retags ' +
    '(`images: [{name, newTag | digest}]`) is judged by that override, so kustomize bases do not fire.',
  check(file, ctx) {
    const overrides = k8sIndex(ctx.project)
      .kustomizationsOf(file)
      .flatMap((k) => k.images);
    for (const site of containersOf(file)) {
      const { image, imageRange } = site.container;
      if (image === undefined || imageRange === undefined) continue;
      const ref = parseImageRef(image);
      if (ref.digest !== undefined) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      const name = imageName(image);
      const override = overrides.find((o) => o.name === name);
      if (override?.digest !== undefined || (override?.newTag !== undefined && override.newTag !== 'latest')) continue;
      ctx.report({
        range: imageRange,
        message:
          ref.tag === 'latest'
            ? `The ${describeContainer(site)} uses ${image}: latest is not a version.`
            : `The ${describeContainer(site)} uses ${image} with no tag (it means latest).`,
      });
    }
  },
});
