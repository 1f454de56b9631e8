import { defineRule } from '../../core/rule.js';
import { isExpose, isHealthcheck, shippedStages } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';

export const rule = defineRule({
  id: 'DKR005',
  title: 'Served image has no HEALTHCHECK',
  severity: 'warning',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'An image that serves a port but has no HEALTHCHECK looks healthy to Docker and Compose as soon as the ' +
    'process starts, even when it hangs; `depends_on: condition: service_healthy` and restarts cannot work.',
  fix: 'Add `HEALTHCHECK --interval=30s --timeout=3s CMD <probe of the health endpoint> || exit 1` to the final stage.',
  rollback:
    'If the new check marks a good container unhealthy, relax its timeout or interval and redeploy the previous image.',
  peers: ['checkov:CKV_DOCKER_2'],
  notes:
    'Only the final stage (and the stages it is built `FROM`) counts. `HEALTHCHECK NONE` is reported as info: ' +
    'it is an explicit choice, typically for images run under Kubernetes probes.',
  check(file, ctx) {
    const stages = shippedStages(dockerfileModel(file));
    // Later stages override earlier ones: search from the final stage back through its FROM chain.
    const instructions = stages.flatMap((s) => [...s.instructions].reverse());
    const expose = instructions.find(isExpose);
    if (!expose) return;
    const healthcheck = instructions.find(isHealthcheck);
    const ports = expose.ports.map((p) => p.text).join(', ');
    if (!healthcheck) {
      ctx.report({
        range: expose.range,
        message: `The image exposes ${ports} but defines no HEALTHCHECK: a hung server still counts as healthy.`,
      });
    } else if (healthcheck.mode === 'none') {
      ctx.report({
        range: healthcheck.range,
        severity: 'info',
        message: `HEALTHCHECK NONE disables health checking for an image that exposes ${ports}.`,
      });
    }
  },
});
