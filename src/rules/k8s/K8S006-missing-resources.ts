import { defineRule } from '../../core/rule.js';
import { containersOf, describeContainer, field } from '../../models/k8s.js';
import { k8sIndex } from '../../models/k8s-index.js';
import { scalarString } from '../../parsers/yaml.js';

const REQUIRED = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;

export const rule = defineRule({
  id: 'K8S006',
  title: 'Containers need CPU and memory requests and limits',
  severity: 'warning',
  domain: 'containers',
  kinds: ['k8s'],
  rationale:
    'Without requests the scheduler packs pods blindly and they are first to be evicted; without limits ' +
    'one leaking container starves its node neighbours.',
  fix: 'Set `resources.requests.{cpu,memory}` from observed usage and `resources.limits.{cpu,memory}` (memory limit ≥ request).',
  peers: [
    'kics:cpu_limits_not_set',
    'kics:memory_limits_not_defined',
    'kube-score:container-resources',
    'checkov:CKV_K8S_10',
    'checkov:CKV_K8S_11',
    'checkov:CKV_K8S_12',
    'checkov:CKV_K8S_13',
  ],
  notes:
    'Defaults from a `LimitRange` (`default`, `defaultRequest`) in the same namespace count as set. A limit ' +
    'without a request counts for both (the API server copies the limit into the request).',
  check(file, ctx) {
    const index = k8sIndex(ctx.project);
    for (const site of containersOf(file)) {
      const { obj, container } = site;
      const defaults = index.limitRangeDefaults.get(index.namespaceOf(obj));
      const isSet = (path: string) => {
        const [section = '', resource = ''] = path.split('.');
        return (
          scalarString(field(obj, container.resources, section, resource)) !== undefined || defaults?.has(path) === true
        );
      };
      const missing = REQUIRED.filter(
        (p) => !isSet(p) && !(p.startsWith('requests.') && isSet(p.replace('requests', 'limits'))),
      );
      if (missing.length === 0) continue;
      ctx.report({
        range: container.nameRange,
        message: `The ${describeContainer(site)} sets no ${missing.join(', ')}.`,
      });
    }
  },
});
