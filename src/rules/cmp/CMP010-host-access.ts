import { defineRule } from '../../core/rule.js';
import { composeProjects } from '../../models/compose-project.js';

// The container runtime's API socket: whoever can write to it can start a privileged container.
const RUNTIME_SOCKET = /(^|\/)(docker|podman|containerd)\.sock$/;

export const rule = defineRule({
  id: 'CMP010',
  title: 'Do not give a service the Docker socket or host namespaces',
  severity: 'error',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'The Docker socket is root on the host (it can start a privileged container that mounts `/`). ' +
    '`pid: host`, `network_mode: host` and `ipc: host` remove the isolation between the service and the host.',
  fix:
    'Remove the socket mount (use a socket proxy with a read-only allow-list, e.g. tecnativa/docker-socket-proxy, ' +
    'if the service must read container state); drop `pid`/`ipc: host`; publish ports instead of `network_mode: host`.',
  peers: ['kics:docker_socket_mounted_in_container', 'kics:host_namespace_is_shared', 'kics:network_mode_host'],
  notes:
    'Recognised sockets: `docker.sock`, `podman.sock`, `containerd.sock` as a short or long volume source, ' +
    'with `${VAR:-default}` resolved. Every definition is checked (an override cannot un-mount a volume).',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        for (const def of service.definitions) {
          for (const volume of def.volumes) {
            if (!volume.source || !RUNTIME_SOCKET.test(volume.source)) continue;
            ctx.report({
              file: volume.file,
              range: volume.range,
              message: `Service \`${service.name}\` mounts the container runtime socket \`${volume.source}\` (root on the host).`,
            });
          }
          for (const [key, value] of [
            ['pid', def.pid],
            ['network_mode', def.networkMode],
            ['ipc', def.ipc],
          ] as const) {
            if (value?.value.trim().toLowerCase() !== 'host') continue;
            ctx.report({
              file: value.file,
              range: value.range,
              message: `Service \`${service.name}\` shares the host's ${key === 'network_mode' ? 'network' : key.toUpperCase()} namespace (\`${key}: host\`).`,
            });
          }
        }
      }
    }
  },
});
