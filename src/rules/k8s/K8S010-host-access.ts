import { defineRule } from '../../core/rule.js';
import { describeObject, k8sObjects, rangeOf } from '../../models/k8s.js';
import { isTrue } from '../../parsers/yaml.js';

// Mounting these hands the container the node: its root, its config, its processes, its runtime.
const CRITICAL_HOST_PATHS = new Set([
  '/',
  '/etc',
  '/proc',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
]);

const normalise = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

export const rule = defineRule({
  id: 'K8S010',
  title: 'No host namespaces or hostPath volumes',
  severity: 'error',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Host network, PID and IPC namespaces and hostPath mounts remove the isolation between the pod and ' +
    'the node: sniffing node traffic, signalling node processes, or writing node files.',
  fix: 'Remove `hostNetwork`/`hostPID`/`hostIPC`; replace `hostPath` with a PersistentVolumeClaim, `emptyDir`, ConfigMap or CSI volume.',
  peers: [
    'kube-linter:host-network',
    'kube-linter:host-pid',
    'kube-linter:host-ipc',
    'checkov:CKV_K8S_17',
    'checkov:CKV_K8S_18',
    'checkov:CKV_K8S_19',
  ],
  notes:
    'A `hostPath` volume is an error for `/`, `/etc`, `/proc` and container runtime sockets ' +
    '(`/var/run/docker.sock`, containerd, CRI-O), a warning for other paths.',
  check(file, ctx) {
    for (const obj of k8sObjects(file)) {
      const pod = obj.pod;
      if (!pod) continue;
      for (const [key, node] of [
        ['hostNetwork', pod.hostNetwork],
        ['hostPID', pod.hostPID],
        ['hostIPC', pod.hostIPC],
      ] as const) {
        if (!isTrue(node)) continue;
        ctx.report({ range: rangeOf(obj, node), message: `${describeObject(obj)} sets ${key}: true.` });
      }
      for (const volume of pod.volumes) {
        if (!volume.hostPath) continue;
        const path = normalise(volume.hostPath.path ?? '');
        const critical = CRITICAL_HOST_PATHS.has(path);
        ctx.report({
          range: rangeOf(obj, volume.hostPath.keyNode),
          severity: critical ? 'error' : 'warning',
          message: `${describeObject(obj)} mounts the host path ${path === '' ? '(no path)' : path}${
            volume.name ? ` as volume "${volume.name}"` : ''
          }${critical ? ', which gives control of the node' : ''}.`,
        });
      }
    }
  },
});
