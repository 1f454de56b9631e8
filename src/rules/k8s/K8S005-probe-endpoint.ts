import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, field, rangeOf } from '../../models/k8s.js';
import { getKeyNode, scalarString } from '../../parsers/yaml.js';

// The catalog's endpoints, plus framework conventions (`/actuator/health`, `/-/ready`, `/api/healthz`):
// any path segment naming health or readiness is a health endpoint.
const HEALTH_SEGMENT = /^(health|healthz|healthy|livez|live|liveness|readyz|ready|readiness|ping|status)$/i;

/** True for a dedicated health endpoint path. */
function isHealthPath(path: string): boolean {
  const clean = path.split(/[?#]/)[0] ?? '';
  return clean.split('/').some((segment) => HEALTH_SEGMENT.test(segment));
}

export const rule = defineRule({
  id: 'K8S005',
  title: 'Probes should hit dedicated health endpoints',
  severity: 'info',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'A probe on `/` or a business route measures the wrong thing (and may be slow or authenticated). ' +
    'Liveness and readiness answer different questions: when both share one endpoint that checks ' +
    'dependencies, a database blip restarts every pod instead of draining them.',
  fix: 'Probe `/livez` (process alive, no dependency checks) for liveness and `/readyz` (can serve) for readiness.',
  notes:
    'Health paths: any path with a segment `health`, `healthz`, `livez`, `readyz`, `ready`, `live`, ' +
    '`liveness`, `readiness`, `healthy`, `ping` or `status` (covers `/actuator/health`, `/-/ready`).',
  check(file, ctx) {
    for (const site of containersOf(file)) {
      const { obj, container } = site;
      const endpoints: Partial<Record<'liveness' | 'readiness', string>> = {};
      for (const [label, probe] of [
        ['liveness', container.livenessProbe],
        ['readiness', container.readinessProbe],
        ['startup', container.startupProbe],
      ] as const) {
        const httpGet = field(obj, probe, 'httpGet');
        if (httpGet === undefined) continue;
        const pathNode = field(obj, httpGet, 'path');
        const path = scalarString(pathNode) ?? '/';
        if (label !== 'startup')
          endpoints[label] = `${path} on port ${scalarString(field(obj, httpGet, 'port')) ?? '?'}`;
        if (isHealthPath(path)) continue;
        ctx.report({
          range: rangeOf(obj, pathNode ?? getKeyNode(probe, 'httpGet', obj.doc)),
          message: `The ${label} probe of the ${describeContainer(site)} requests ${path}, not a health endpoint.`,
        });
      }
      if (endpoints.liveness !== undefined && endpoints.liveness === endpoints.readiness) {
        const pathNode = field(obj, container.livenessProbe, 'httpGet', 'path');
        ctx.report({
          range: rangeOf(obj, pathNode ?? getKeyNode(container.livenessProbe, 'httpGet', obj.doc)),
          message: `The liveness and readiness probes of the ${describeContainer(site)} both request ${endpoints.liveness}.`,
        });
      }
    }
  },
});
