import { defineRule } from '../../core/rule.js';
import { finalStage } from '../../models/dockerfile.js';
import { dockerfileModel, finalStageUser } from '../../parsers/dockerfile.js';

export const rule = defineRule({
  id: 'DKR001',
  title: 'Final stage runs as root',
  severity: 'error',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'A process running as root inside the container is root on the host after any container escape, and ' +
    'can rewrite the image filesystem at runtime. The image should name an unprivileged user.',
  fix: 'Create an unprivileged user and end the final stage with `USER <name>` (or `USER 10001:10001`).',
  rollback:
    'Revert to the previous image tag; if the new user breaks file permissions, fix ownership with `COPY --chown`.',
  peers: ['hadolint:DL3002', 'checkov:CKV_DOCKER_3', 'kics:missing_user_instruction'],
  notes:
    'USER carries over through `FROM <stage>` chains. Distroless `:nonroot` base images count as non-root. ' +
    'Builder stages are not checked: only the final stage ships.',
  check(file, ctx) {
    const model = dockerfileModel(file);
    const last = finalStage(model);
    if (!last) return;
    const { user, range, runsAsRoot } = finalStageUser(model);
    if (!runsAsRoot) return;
    if (user !== undefined && range) {
      ctx.report({ range, message: `The final stage runs as USER ${user}: the container runs as root.` });
      return;
    }
    const base = last.from.image ? ` (FROM ${last.from.image.reference})` : last.from.scratch ? ' (FROM scratch)' : '';
    ctx.report({
      range: last.from.range,
      message: `The final stage${base} sets no USER: the container runs as root.`,
    });
  },
});
