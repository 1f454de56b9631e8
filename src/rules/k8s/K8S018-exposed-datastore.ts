import { defineRule } from '../../core/rule.js';
import { describeObject } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';
import { DATASTORE_PORTS, isDatastoreImage } from '../../models/service-tiers.js';

const EXPOSED_TYPES = new Set(['LoadBalancer', 'NodePort']);

export const rule = defineRule({
  id: 'K8S018',
  title: 'Do not expose datastores outside the cluster',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'A LoadBalancer or NodePort Service puts a database, cache or broker on a node or public address, ' +
    'where it is scanned within minutes; datastores belong behind the application tier (network segmentation).',
  fix: 'Use `type: ClusterIP` and reach the datastore from inside the cluster (or via `kubectl port-forward` / a bastion for administration).',
  notes:
    'A Service fronts a datastore when its selector matches a workload running a datastore image (postgres, ' +
    'mysql, redis, mongo, elasticsearch …) in the scanned set. When the selector matches no known workload, ' +
    'a datastore default port (5432, 3306, 6379, 27017, 9200 …) decides.',
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    for (const service of index.services) {
      if (service.obj.path !== file.path || !EXPOSED_TYPES.has(service.type) || !service.typeRange) continue;
      const selected = service.selector
        ? index.workloadsSelectedBy(service.namespace, { matchLabels: service.selector, matchExpressions: [] })
        : [];
      const datastore = selected.find((w) =>
        w.pod?.containers.some((c) => !c.init && c.image !== undefined && isDatastoreImage(c.image)),
      );
      // Ports only decide when the selected pods are unknown: a web app on 9000 is not a datastore.
      const port =
        selected.length === 0
          ? service.ports.flatMap((p) => [p.port, p.targetPort]).find((p) => p !== undefined && DATASTORE_PORTS.has(p))
          : undefined;
      if (!datastore && port === undefined) continue;
      ctx.report({
        range: service.typeRange,
        message: datastore
          ? `${describeObject(service.obj)} of type ${service.type} exposes the datastore ${describeObject(datastore)}.`
          : `${describeObject(service.obj)} of type ${service.type} exposes the datastore port ${port}.`,
      });
    }
  },
});
