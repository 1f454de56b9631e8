import { defineRule } from '../../core/rule.js';
import { isFrom } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';

export const rule = defineRule({
  id: 'DKR003',
  title: 'Pin base images by digest',
  severity: 'info',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'Tags are mutable: the publisher (or an attacker with push access) can move `node:20` to different ' +
    'content. A `@sha256:` digest names exactly one image, so builds and rollbacks are reproducible.',
  fix: 'Append the digest: `FROM <image>:<tag>@sha256:<digest>` (keep the tag for readers; let Renovate/Dependabot bump both).',
  rollback: 'Re-pin to the previous digest.',
  peers: ['trivy:DS-0001'],
  notes: 'Untagged and `latest` images are DKR002. `scratch` and stage references do not fire.',
  check(file, ctx) {
    for (const from of dockerfileModel(file).instructions.filter(isFrom)) {
      const image = from.image;
      if (!image || image.unresolved || image.digest !== undefined) continue;
      if (image.tag === undefined || image.tag.toLowerCase() === 'latest') continue;
      ctx.report({
        range: image.written.range,
        message: `Base image ${image.reference} is pinned by tag but not by @sha256 digest.`,
      });
    }
  },
});
