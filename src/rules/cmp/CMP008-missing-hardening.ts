import { defineRule } from '../../core/rule.js';
import { composeProjects, isProdComposeProject, type MergedService } from '../../models/compose-project.js';

export const rule = defineRule({
  id: 'CMP008',
  title: 'Harden services: read-only root, no capabilities, no privilege escalation',
  severity: 'warning',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'A read-only root filesystem, dropped capabilities and `no-new-privileges` turn most container escapes and ' +
    'persistence tricks into dead ends, at almost no cost for a well-behaved service.',
  fix:
    'Add `read_only: true` (with `tmpfs:` for scratch paths), `cap_drop: [ALL]` (then `cap_add` only what is ' +
    'needed, e.g. NET_BIND_SERVICE), and `security_opt: ["no-new-privileges:true"]`.',
  rollback: 'If the service fails to start, add back the one capability or writable path it needs, not all of them.',
  peers: ['kics:no_new_privileges_not_set', 'kics:container_capabilities_unrestricted'],
  notes:
    'Warning when any file of the compose project is a production file (by the configured production pattern, ' +
    'e.g. `docker-compose.prod.yml`), info otherwise. Overrides count: hardening added in an override is ' +
    'honoured. One finding per service, on its key where it is first declared.',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      const severity = isProdComposeProject(compose, ctx.settings) ? 'warning' : 'info';
      for (const service of compose.services) {
        const missing = missingHardening(service);
        if (missing.length === 0) continue;
        ctx.report({
          file: service.primary.file,
          range: service.primary.keyRange,
          severity,
          message: `Service \`${service.name}\` is missing hardening: ${missing.join(', ')}.`,
        });
      }
    }
  },
});

function missingHardening(service: MergedService): string[] {
  const missing: string[] = [];
  if (!service.readOnly?.value) missing.push('`read_only: true`');
  if (!service.capDrop.some((c) => c.value.trim().toUpperCase() === 'ALL')) missing.push('`cap_drop: [ALL]`');
  // `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` are all accepted by Docker.
  const noNewPrivileges = service.securityOpt.some((o) => /^no-new-privileges([:=]true)?$/i.test(o.value.trim()));
  if (!noNewPrivileges) missing.push('`security_opt: [no-new-privileges:true]`');
  return missing;
}
