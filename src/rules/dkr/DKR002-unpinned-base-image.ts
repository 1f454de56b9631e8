import { defineRule } from '../../core/rule.js';
import { isFrom } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';

export const rule = defineRule({
  id: 'DKR002',
  title: 'Pin base images to a version',
  severity: 'error',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'An untagged or `latest` base image moves under you: builds stop being reproducible, a rebuild can pull ' +
    'a breaking major version, and a rollback has no known-good base to return to.',
  fix: 'Use `FROM <image>:<version>` (and `@sha256:<digest>` for production images).',
  rollback: 'Re-pin to the last known-good tag or digest; never back to latest.',
  peers: ['hadolint:DL3006', 'hadolint:DL3007', 'checkov:CKV_DOCKER_7'],
  notes:
    '`scratch`, references to earlier stages (`FROM builder`), and images pinned by digest do not fire. ' +
    '`FROM ${BASE}` is resolved with the default of the `ARG BASE` declared before the first FROM; an ARG ' +
    'without a default cannot be judged and does not fire.',
  check(file, ctx) {
    for (const from of dockerfileModel(file).instructions.filter(isFrom)) {
      const image = from.image;
      if (!image || image.unresolved || image.digest !== undefined) continue;
      const via = image.args.length > 0 ? ` (from ARG ${image.args.join(', ')})` : '';
      const name = [image.registry, image.name].filter(Boolean).join('/');
      if (image.tag === undefined) {
        ctx.report({
          range: image.written.range,
          message: `Base image ${name}${via} has no tag: it resolves to the moving latest.`,
        });
      } else if (image.tag.toLowerCase() === 'latest') {
        ctx.report({ range: image.written.range, message: `Base image ${name}${via} uses the moving :latest tag.` });
      }
    }
  },
});
