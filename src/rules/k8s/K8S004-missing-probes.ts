import { defineRule } from '../../core/rule.js';
import type { Container, K8sObject } from '../../models/k8s.js';
import { containersOf, describeContainer, field, LONG_RUNNING_KINDS, rangeOf } from '../../models/k8s.js';
import { items, type Node, scalarString } from '../../parsers/yaml.js';

// Scripts that always succeed: the probe exists on paper only.
const ALWAYS_SUCCEEDS = /^(true|\/bin\/true|\/usr\/bin\/true|:|exit 0|echo(\s.*)?)$/;
const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh)$/;

/** The exec command node of a probe that cannot fail, if it is one. */
function trivialExecProbe(obj: K8sObject, probe: Node | undefined): Node | undefined {
  const command = field(obj, probe, 'exec', 'command');
  const words = items(command, obj.doc).map((n) => scalarString(n) ?? '');
  if (words.length === 0) return undefined;
  const script = SHELLS.test(words[0] ?? '') && words[1] === '-c' ? words.slice(2).join(' ') : words.join(' ');
  return ALWAYS_SUCCEEDS.test(script.trim()) ? command : undefined;
}

const PROBES = [
  ['livenessProbe', 'liveness'],
  ['readinessProbe', 'readiness'],
] as const satisfies readonly (readonly [keyof Container, string])[];

export const rule = defineRule({
  id: 'K8S004',
  title: 'Long-running containers need liveness and readiness probes',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Without a readiness probe a pod gets traffic before it can serve it, and a rollout proceeds on ' +
    'broken pods; without a liveness probe a hung process is never restarted.',
  fix: 'Add `readinessProbe` (can it serve now?) and `livenessProbe` (is it wedged?), e.g. `httpGet: {path: /readyz, port: http}`.',
  rollback:
    'A bad probe makes a rollout stall: `kubectl rollout undo deployment/<name>` restores the previous ReplicaSet.',
  peers: ['kube-linter:no-liveness-probe', 'kube-linter:no-readiness-probe', 'checkov:CKV_K8S_8', 'checkov:CKV_K8S_9'],
  notes:
    'Jobs, CronJobs and init containers finish by design and are not checked. Exec probes that cannot fail ' +
    '(`true`, `exit 0`, `echo …`, also under `sh -c`) count as missing.',
  check(file, ctx) {
    for (const site of containersOf(file)) {
      const { obj, container } = site;
      if (container.init || !LONG_RUNNING_KINDS.has(obj.kind)) continue;
      const missing: string[] = [];
      for (const [key, label] of PROBES) {
        const probe = container[key] as Node | undefined;
        const trivial = trivialExecProbe(obj, probe);
        if (trivial) {
          ctx.report({
            range: rangeOf(obj, trivial),
            message: `The ${label} probe of the ${describeContainer(site)} always succeeds: it checks nothing.`,
          });
        } else if (probe === undefined) {
          missing.push(label);
        }
      }
      if (missing.length > 0) {
        ctx.report({
          range: container.nameRange,
          message: `The ${describeContainer(site)} has no ${missing.join(' or ')} probe.`,
        });
      }
    }
  },
});
