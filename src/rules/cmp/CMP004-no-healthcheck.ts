import { defineRule } from '../../core/rule.js';
import { builtDockerfile } from '../../models/compose-dockerfile.js';
import { type ComposeProject, composeProjects, type MergedService } from '../../models/compose-project.js';
import { isHealthcheck } from '../../models/dockerfile.js';
import { finalStage } from '../../parsers/dockerfile.js';

// Words that mark a run-to-completion job in a profile, a service name or its command.
const ONE_SHOT_WORDS = new Set([
  'migrate',
  'migration',
  'migrations',
  'seed',
  'seeder',
  'init',
  'setup',
  'bootstrap',
  'provision',
  'backup',
  'restore',
  'job',
  'jobs',
  'oneshot',
  'once',
  'test',
  'tests',
  'tools',
  'cli',
]);

export const rule = defineRule({
  id: 'CMP004',
  title: 'Give long-running services a healthcheck',
  severity: 'warning',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'Without a healthcheck a hung service is "running" forever: `depends_on: condition: service_healthy` cannot ' +
    'wait for it, restarts never happen, and rolling updates cannot tell a broken release from a good one.',
  fix:
    'Add `healthcheck: { test: ["CMD", "…"], interval: 30s, timeout: 5s, retries: 3, start_period: 30s }` ' +
    'using a probe the image has (e.g. `pg_isready`, `redis-cli ping`, `wget -qO- http://localhost:8080/health`).',
  rollback:
    'If a new healthcheck marks a good service unhealthy, fix the probe (or lengthen `start_period`); ' +
    'do not remove it.',
  peers: ['kics:healthcheck_not_set'],
  notes:
    'One-shot services are not long-running and are skipped: a service another one waits for with ' +
    '`condition: service_completed_successfully`; a service whose profiles, name or command say it runs to ' +
    'completion (migrate, seed, init, setup, backup, job, test, tools, cli …) unless it has `restart: always` / ' +
    "`unless-stopped`. A `HEALTHCHECK` in the final stage of the service's own local Dockerfile counts. " +
    '`healthcheck: { disable: true }` and `test: ["NONE"]` are reported where they are written. ' +
    'Not known: a HEALTHCHECK baked into a prebuilt image.',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        if (isOneShot(compose, service)) continue;
        const disabled = service.healthcheck?.disabled;
        if (disabled) {
          ctx.report({
            file: disabled.file,
            range: disabled.range,
            message: `Service \`${service.name}\` disables its healthcheck.`,
          });
          continue;
        }
        if (service.healthcheck) continue;
        const built = builtDockerfile(project, service);
        const stage = built && finalStage(built.model);
        if (stage?.instructions.some((i) => isHealthcheck(i) && i.mode === 'cmd')) continue;
        ctx.report({
          file: service.primary.file,
          range: service.primary.keyRange,
          message: `Service \`${service.name}\` has no healthcheck.`,
        });
      }
    }
  },
});

function isOneShot(compose: ComposeProject, service: MergedService): boolean {
  const awaitedToFinish = compose.services.some((other) =>
    other.dependsOn.some((d) => d.service === service.name && d.condition === 'service_completed_successfully'),
  );
  if (awaitedToFinish) return true;
  const restart = service.restart?.value.trim().toLowerCase() ?? 'no';
  if (restart === 'always' || restart === 'unless-stopped') return false;
  const text = [service.name, service.command?.value ?? '', ...service.profiles.map((p) => p.value)].join(' ');
  return words(text).some((w) => ONE_SHOT_WORDS.has(w));
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
