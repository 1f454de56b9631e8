import { defineRule } from '../../core/rule.js';
import { type GlcImage, gitlabPipelines } from '../../models/gitlab-ci.js';

export const rule = defineRule({
  id: 'GLC002',
  title: 'Pin job images to a version',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['gitlab-ci'],
  scope: 'project',
  rationale:
    'An untagged, `:latest` or variant-only tag (`docker:dind`, `node:alpine`) changes under the pipeline: builds ' +
    'stop being reproducible and a compromised or broken upstream push runs in CI with its variables.',
  fix: 'Use a versioned tag (`docker:27.3.1`, `docker:27.3.1-dind`), and a digest (`@sha256:…`) for jobs that hold secrets.',
  notes:
    'Checks the `image:` and `services:` each job ends up with (own keys, `extends:`, `default:`, top-level), reported ' +
    'where the image is written, once. A tag counts as a version when it has a digit; images from variables are skipped.',
  check(project, ctx) {
    const seen = new Set<string>();
    for (const pipeline of gitlabPipelines(project)) {
      for (const job of pipeline.jobs) {
        for (const [image, what] of [
          ...(job.image ? [[job.image, 'Job image'] as const] : []),
          ...job.services.map((s) => [s, 'Service image'] as const),
        ]) {
          const key = `${image.file.path}:${image.start}`;
          const problem = unpinned(image);
          if (problem === undefined || seen.has(key)) continue;
          seen.add(key);
          ctx.report({ file: image.file, range: image.range, message: `${what} \`${image.value}\` ${problem}.` });
        }
      }
    }
  },
});

function unpinned(image: GlcImage): string | undefined {
  const value = image.value.trim();
  if (value === '' || value.includes('$') || value.includes('@sha256:')) return undefined;
  const slash = value.lastIndexOf('/');
  const colon = value.lastIndexOf(':');
  const tag = colon > slash ? value.slice(colon + 1) : undefined;
  if (tag === undefined) return 'has no tag (it means `latest`)';
  if (tag === 'latest') return 'uses `latest`';
  if (!/\d/.test(tag)) return `uses the tag \`${tag}\`, which is not a version`;
  return undefined;
}
