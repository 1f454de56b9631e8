import { defineRule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import { type ComposeProject, composeProjects, type MergedService, whereIs } from '../../models/compose-project.js';
import { isDatastoreImage, isEdgeProxyImage, isFrontendName, isMonitoringImage } from '../../models/service-tiers.js';

// Label keys that name a service's tier (`tier: frontend`, `com.example.role: web`).
const TIER_LABEL = /(^|[./-])(tier|role|component|layer|exposure|zone)$/i;

export const rule = defineRule({
  id: 'CMP007',
  title: 'Keep datastores and monitoring off the public-facing network',
  severity: 'warning',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'On a shared network every service can reach every port of every other: one compromised public-facing ' +
    'container can talk straight to the database or scrape and reconfigure monitoring.',
  fix:
    'Define a `frontend` and a `backend` network (`internal: true` for the backend); put proxies and UIs on ' +
    'frontend, datastores and monitoring on backend, and only the app services that need both on both.',
  rollback: 'If a service loses a dependency after the split, add it to the network it needs, not everything to one.',
  peers: ['kics:networks_not_set'],
  notes:
    'Tiers: datastores by image (postgres, mysql, redis, kafka, … as in CMP009); monitoring by image ' +
    '(prometheus, grafana, alertmanager, loki, otel-collector, exporters); public-facing = publishes a port not ' +
    'bound to loopback, or an edge proxy image (nginx, traefik, haproxy, caddy, envoy), or named ' +
    'frontend/web/ui/gateway/proxy, or labelled so (`tier: frontend`, `traefik.enable: true`). A service without ' +
    "`networks:` is on `default`; `network_mode: service:<x>` shares `<x>`'s networks. One finding per pair, on " +
    'the datastore (or monitoring) service, naming the other service and its line. When a project with 3 or ' +
    'more services and a datastore defines no networks at all, one finding on its `services:` key replaces the ' +
    'pair findings (the fix is the same).',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      const datastores = compose.services.filter((s) => s.image && isDatastoreImage(s.image.value));
      if (datastores.length === 0 && !compose.services.some(isMonitoring)) continue;
      const first = datastores[0];
      if (first && compose.services.length >= 3 && !definesNetworks(compose)) {
        const file = first.primary.file;
        const servicesKey = compose.files.find((f) => f.file === file)?.servicesKey;
        ctx.report({
          file,
          range: servicesKey?.range ?? first.primary.keyRange,
          message:
            `${compose.services.length} services, including datastore \`${first.name}\`, share the default ` +
            'network: no `networks:` are defined.',
        });
        continue;
      }
      const networksOf = effectiveNetworks(compose);
      const publicFacing = compose.services.filter((s) => !datastores.includes(s) && isPublicFacing(s));
      for (const datastore of datastores) {
        for (const other of publicFacing) reportShared(datastore, other, 'Datastore', 'public-facing');
      }
      for (const monitoring of compose.services.filter(isMonitoring)) {
        for (const other of publicFacing) {
          if (!isMonitoring(other)) reportShared(monitoring, other, 'Monitoring service', 'frontend');
        }
      }

      function reportShared(service: MergedService, other: MergedService, what: string, otherTier: string): void {
        const shared = [...(networksOf.get(service) ?? [])].filter((n) => networksOf.get(other)?.has(n));
        if (shared.length === 0) return;
        const file: SourceFile = service.primary.file;
        ctx.report({
          file,
          range: service.primary.keyRange,
          message:
            `${what} \`${service.name}\` shares network \`${shared[0]}\` with ${otherTier} service ` +
            `\`${other.name}\` (${whereIs(other.primary, file)}).`,
        });
      }
    }
  },
});

function isMonitoring(service: MergedService): boolean {
  return service.image !== undefined && isMonitoringImage(service.image.value);
}

function isPublicFacing(service: MergedService): boolean {
  if (service.image && isEdgeProxyImage(service.image.value)) return true;
  if (isFrontendName(service.name)) return true;
  const loopback = (ip: string | undefined) => ip !== undefined && /^(127\.|::1$|localhost$|\[::1\]$)/.test(ip);
  if (service.ports.some((p) => !loopback(p.hostIp?.trim()))) return true;
  return service.labels.some(
    (l) =>
      (l.key === 'traefik.enable' && l.value.trim().toLowerCase() === 'true') ||
      (TIER_LABEL.test(l.key) && isFrontendName(l.value)),
  );
}

/** True when any file defines top-level networks or any service joins named networks. */
function definesNetworks(compose: ComposeProject): boolean {
  return compose.networks.length > 0 || compose.services.some((s) => s.networks.length > 0 || s.networkMode);
}

/** Networks each service is attached to; host/none/bridge modes are left out (CMP010 reports host). */
function effectiveNetworks(compose: ComposeProject): Map<MergedService, Set<string>> {
  const byName = new Map(compose.services.map((s) => [s.name, s]));
  const own = (s: MergedService): Set<string> =>
    s.networkMode ? new Set() : new Set(s.networks.length > 0 ? s.networks.map((n) => n.name) : ['default']);
  const out = new Map<MergedService, Set<string>>();
  for (const s of compose.services) {
    const shared = /^(service|container):(.+)$/.exec(s.networkMode?.value.trim() ?? '');
    const target = shared ? byName.get(shared[2] ?? '') : undefined;
    out.set(s, target ? own(target) : own(s));
  }
  return out;
}
