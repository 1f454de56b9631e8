import { defineRule } from '../../core/rule.js';
import { composeProjects } from '../../models/compose-project.js';

export const rule = defineRule({
  id: 'CMP003',
  title: 'Do not run privileged containers',
  severity: 'error',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    '`privileged: true` gives the container every capability and every host device: a compromise of the ' +
    'service is a compromise of the host.',
  fix: 'Remove `privileged: true`; grant only the capabilities (`cap_add`) or devices (`devices:`) the service needs.',
  peers: ['kics:privileged_containers_enabled'],
  notes: 'With overrides, the value that wins is checked (an override may turn it off) and reported where it is set.',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        const privileged = service.privileged;
        if (!privileged?.value) continue;
        ctx.report({
          file: privileged.file,
          range: privileged.range,
          message: `Service \`${service.name}\` runs privileged (full access to the host's devices and kernel).`,
        });
      }
    }
  },
});
