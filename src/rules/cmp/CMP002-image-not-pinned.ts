import { defineRule } from '../../core/rule.js';
import { composeProjects } from '../../models/compose-project.js';
import { parseImageRef } from '../../models/service-tiers.js';

export const rule = defineRule({
  id: 'CMP002',
  title: 'Pin service images to a version',
  severity: 'error',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'An image with no tag is `latest`, and `latest` moves: every `docker compose pull` may deploy something ' +
    'new, and a rollback has no version to go back to.',
  fix: 'Use `image: <name>:<version>` (and `@sha256:<digest>` for production), or a `${TAG:-<version>}` default.',
  rollback: 'Pin to the last known-good tag and `docker compose up -d` again; never back to `latest`.',
  peers: ['kics:image_version_not_explicit'],
  notes:
    '`${VAR:-default}` in the reference is resolved to its default. Not reported: digests (`@sha256:`), ' +
    'tags given only by a variable with no default (`app:${TAG}`: set at deploy time), and services that ' +
    '`build:` their image (there `image:` names the build output, it is not pulled).',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        if (service.build) continue;
        // Every definition is checked: an override that pins the image does not fix the base file.
        for (const def of service.definitions) {
          const image = def.image;
          if (!image || image.value.trim() === '') continue;
          const ref = parseImageRef(image.raw);
          if (ref.digest || ref.unresolved) continue;
          if (ref.tag === undefined) {
            ctx.report({
              file: image.file,
              range: image.range,
              message: `Service \`${service.name}\` uses image \`${image.value}\` with no tag (pulls \`latest\`).`,
            });
          } else if (ref.tag.toLowerCase() === 'latest') {
            ctx.report({
              file: image.file,
              range: image.range,
              message: `Service \`${service.name}\` uses the moving tag \`latest\` (\`${image.value}\`).`,
            });
          }
        }
      }
    }
  },
});
