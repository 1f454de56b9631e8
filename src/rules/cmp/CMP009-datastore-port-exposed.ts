import { defineRule } from '../../core/rule.js';
import type { ComposePort } from '../../models/compose.js';
import { composeProjects } from '../../models/compose-project.js';
import { isDatastoreImage } from '../../models/service-tiers.js';

export const rule = defineRule({
  id: 'CMP009',
  title: 'Do not publish datastore ports on all interfaces',
  severity: 'error',
  domain: 'containers',
  kinds: ['compose'],
  scope: 'project',
  rationale:
    'A published port is bound to 0.0.0.0 and Docker opens it in iptables ahead of the host firewall (ufw, ' +
    'firewalld): the database is reachable from any network the host is on, and is scanned within minutes.',
  fix:
    'Remove `ports:` (services reach the datastore over the compose network by service name), or bind it to ' +
    'loopback for local tools: `"127.0.0.1:5432:5432"`.',
  rollback: 'If a client outside the project loses access, give it a tunnel or a loopback-bound port, not 0.0.0.0.',
  notes:
    'Datastores are recognised by image (postgres, mysql, mariadb, mongo, redis, valkey, elasticsearch, ' +
    'opensearch, rabbitmq, kafka, memcached, cassandra, clickhouse, …; companion UIs and exporters such as ' +
    '`redis-commander` or `postgres-exporter` are not datastores). Every published port of a datastore is ' +
    'checked, short or long syntax; a port bound to 127.0.0.1/::1 or to one specific address is fine. ' +
    '`expose:` does not publish and is fine.',
  check(project, ctx) {
    for (const compose of composeProjects(project)) {
      for (const service of compose.services) {
        const image = service.image?.value;
        if (image === undefined || !isDatastoreImage(image)) continue;
        for (const port of service.ports) {
          if (!onAllInterfaces(port)) continue;
          const where = port.published
            ? `port ${port.published}`
            : `container port ${port.target ?? '?'} on a random host port`;
          ctx.report({
            file: port.file,
            range: port.range,
            message: `Datastore \`${service.name}\` (${image}) publishes ${where} on all interfaces.`,
          });
        }
      }
    }
  },
});

function onAllInterfaces(port: ComposePort): boolean {
  const ip = port.hostIp?.trim();
  return ip === undefined || ip === '' || ip === '0.0.0.0' || ip === '::';
}
