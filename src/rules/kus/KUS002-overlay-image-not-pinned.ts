import { defineRule } from '../../core/rule.js';
import { readKustomization } from '../../models/kustomize.js';
import { nodeRange } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'KUS002',
  title: 'Pin images set by kustomize overlays',
  severity: 'warning',
  domain: 'iac',
  kinds: ['kustomization'],
  rationale:
    'An `images:` override is where an overlay decides what runs in its environment. `newTag: latest` (or an ' +
    'entry with no tag or digest) makes that decision "whatever was pushed last", so deploys are not ' +
    'reproducible and rollbacks have no target.',
  fix: 'Set `newTag: <version>` (and `digest: sha256:…` for production), e.g. with `kustomize edit set image app=registry/app:1.4.2@sha256:…` in CI.',
  rollback:
    'Set `newTag` back to the last known-good version in Git and let the deploy (or GitOps controller) apply it.',
  notes: 'An entry that only renames the image (`newName`) keeps the tag of the manifest and is judged there (K8S003).',
  check(file, ctx) {
    const k = readKustomization(file);
    if (!k) return;
    for (const image of k.images) {
      const name = image.name?.value ?? 'image';
      const tag = image.newTag?.value;
      if (image.digest?.value) continue;
      if (tag !== undefined && tag !== '' && tag !== 'latest') continue;
      if (tag === undefined && image.newName) continue;
      ctx.report({
        range: image.newTag?.range ?? nodeRange(file, image.name?.node ?? image.node),
        message:
          tag === 'latest'
            ? `\`images\` sets ${name} to newTag latest.`
            : tag === ''
              ? `\`images\` sets ${name} to an empty newTag (latest).`
              : `\`images\` entry for ${name} sets neither newTag nor digest.`,
      });
    }
  },
});
