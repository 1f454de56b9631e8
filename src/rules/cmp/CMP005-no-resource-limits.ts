import { defineRule } from '../../core/rule.js';
import { composeProjects } from '../../models/compose-project.js';

export const rule = defineRule({
  id: 'CMP005',
  title: 'Limit the memory and CPU of every service',
  severity: 'warning',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'Without limits one leaking or busy service takes the whole host down with it (the kernel OOM killer picks ' +
    'its victim among all services), and capacity cannot be planned.',
  fix:
    'Set `deploy.resources.limits: { memory: 512M, cpus: "0.5" }` (or `mem_limit` / `cpus`) from observed usage ' +
    'plus headroom.',
  rollback: 'If a limit kills or throttles the service, raise it and `docker compose up -d` again; do not remove it.',
  peers: ['kics:memory_not_limited', 'kics:cpus_not_limited'],
  notes:
    'Recognised: `deploy.resources.limits.memory|cpus`, `mem_limit`, `cpus`, `cpu_quota`, in any file of the ' +
    'project (overrides count). One finding per service, on the service key where it is first declared.',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        const missing: string[] = [];
        if (!service.limits.some((l) => l.kind === 'memory')) missing.push('memory');
        if (!service.limits.some((l) => l.kind === 'cpus')) missing.push('CPU');
        if (missing.length === 0) continue;
        ctx.report({
          file: service.primary.file,
          range: service.primary.keyRange,
          message: `Service \`${service.name}\` has no ${missing.join(' and no ')} limit.`,
        });
      }
    }
  },
});
