import { defineRule } from '../../core/rule.js';
import { isExpose, isRun } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { packageInstall, packageName } from './package-installs.js';

/** Packages that install an SSH server (`openssh` on Alpine includes sshd). */
const SSH_SERVERS: Record<string, readonly string[]> = {
  apt: ['openssh-server', 'dropbear', 'dropbear-bin'],
  apk: ['openssh', 'openssh-server', 'dropbear'],
  yum: ['openssh-server', 'dropbear'],
  zypper: ['openssh-server', 'openssh'],
};

export const rule = defineRule({
  id: 'DKR012',
  title: 'SSH server in a container',
  severity: 'warning',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'An SSH daemon in a container is a second, long-lived way in, with its own keys to manage and patch. ' +
    'Use `docker exec` / `kubectl exec` (audited, RBAC-controlled) to get a shell.',
  fix: 'Remove the SSH server and `EXPOSE 22`; debug with `docker exec -it <c> sh` or `kubectl debug`.',
  peers: ['hadolint:DL3011'],
  notes:
    'Fires on `EXPOSE 22` and on installing `openssh-server` (Alpine: `openssh`) or `dropbear`. SSH clients do not fire.',
  check(file, ctx) {
    const model = dockerfileModel(file);
    for (const expose of model.instructions.filter(isExpose)) {
      for (const port of expose.ports) {
        if (port.port !== 22) continue;
        ctx.report({ range: port.range, message: 'EXPOSE 22 publishes SSH from a container.' });
      }
    }
    for (const run of model.instructions.filter(isRun)) {
      for (const cmd of run.script?.commands ?? []) {
        const install = packageInstall(cmd);
        const servers = install ? SSH_SERVERS[install.manager] : undefined;
        if (!install || !servers) continue;
        for (const word of install.packages) {
          const name = packageName(install, word);
          if (name === undefined || !servers.includes(name)) continue;
          ctx.report({
            range: file.range(word.start, word.end),
            message: `${name} installs an SSH server in the image.`,
          });
        }
      }
    }
  },
});
