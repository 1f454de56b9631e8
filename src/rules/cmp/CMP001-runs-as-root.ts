import { defineRule } from '../../core/rule.js';
import { builtDockerfile } from '../../models/compose-dockerfile.js';
import { composeProjects, type MergedService } from '../../models/compose-project.js';
import { parseImageRef } from '../../models/service-tiers.js';
import { finalStage, finalStageUser, isRootUser } from '../../parsers/dockerfile.js';

export const rule = defineRule({
  id: 'CMP001',
  title: 'Do not run services as root',
  severity: 'error',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'A process running as root in the container is root on the host once it escapes (kernel bug, mounted ' +
    'socket, writable host path), and can rewrite its own image at runtime.',
  fix:
    'Set `user: "<uid>:<gid>"` on the service, or end the Dockerfile it builds with `USER <non-root>` ' +
    '(create the user and `chown` the paths it writes).',
  rollback:
    'If the service cannot write its data after the change, fix the ownership of the volume; do not go back to root.',
  notes:
    '`user: root`, `user: 0`, `root:<group>`, `0:<group>` are errors wherever they are set (overrides included). ' +
    'With no `user:`, a service that `build:`s a Dockerfile in the review inherits its final USER (cross-file, ' +
    '`build.target` honoured): error when it ends as root. A prebuilt `image:` with no `user:` is a warning (many ' +
    'images start as root), except images known to run as non-root: `bitnami/*`, `*-unprivileged`, ' +
    '`cgr.dev/chainguard/*`, tags with `nonroot`/`rootless`, `grafana/grafana*`, `grafana/loki`, ' +
    '`prom/prometheus`, `prom/alertmanager`, `otel/opentelemetry-collector*`, Elasticsearch. The same list ' +
    'applies to the base image of a Dockerfile with no USER. A `user:` that is only a variable (`${UID}`) is ' +
    'trusted.',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        const user = service.user;
        if (user) {
          if (user.value.trim() !== '' && isRootUser(user.value)) {
            ctx.report({
              file: user.file,
              range: user.range,
              message: `Service \`${service.name}\` runs as root (\`user: ${user.raw}\`).`,
            });
          }
          continue;
        }
        checkInheritedUser(service);
      }
    }

    function checkInheritedUser(service: MergedService): void {
      const at = { file: service.primary.file, range: service.primary.keyRange };
      const built = service.build ? builtDockerfile(project, service) : undefined;
      if (built) {
        const final = finalStageUser(built.model);
        if (!final.runsAsRoot) return;
        const base = finalStage(built.model)?.from.image?.reference;
        if (final.user === undefined && base !== undefined && isKnownNonRootImage(base)) return;
        const why =
          final.user === undefined || final.range === undefined
            ? 'has no USER'
            : `ends with \`USER ${final.user}\` (line ${final.range.line})`;
        ctx.report({
          ...at,
          message: `Service \`${service.name}\` sets no \`user:\` and its Dockerfile \`${built.file.path}\` ${why}: it runs as root.`,
        });
        return;
      }
      const image = service.image?.value.trim();
      if (service.build) {
        ctx.report({
          ...at,
          severity: 'warning',
          message: `Service \`${service.name}\` sets no \`user:\` and its Dockerfile is not in the review: it may run as root.`,
        });
        return;
      }
      if (!image || isKnownNonRootImage(image)) return;
      ctx.report({
        ...at,
        severity: 'warning',
        message: `Service \`${service.name}\` sets no \`user:\`: image \`${image}\` may run as root.`,
      });
    }
  },
});

/** Images whose published builds set a non-root USER (kept short and conservative). */
function isKnownNonRootImage(image: string): boolean {
  const ref = parseImageRef(image);
  const repo = ref.repository.toLowerCase();
  const tag = ref.tag?.toLowerCase() ?? '';
  const registry = ref.registry?.toLowerCase() ?? '';
  if (/(^|[-_.])(nonroot|rootless)([-_.]|$)/.test(tag)) return true;
  if (registry === 'cgr.dev' && repo.startsWith('chainguard/')) return true;
  if (repo.startsWith('bitnami/') || repo.endsWith('-unprivileged')) return true;
  if (/^grafana\/(grafana(-oss|-enterprise)?|loki)$/.test(repo)) return true;
  if (repo === 'prom/prometheus' || repo === 'prom/alertmanager') return true;
  if (/^otel\/opentelemetry-collector(-contrib|-k8s)?$/.test(repo)) return true;
  return registry === 'docker.elastic.co' && repo === 'elasticsearch/elasticsearch';
}
