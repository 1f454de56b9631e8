import { describe, expect, it } from 'vitest';
import { isNode } from 'yaml';
import { projectOf, runRule } from '../../test/helpers/rule-tester.js';
import { SourceFile } from '../core/source-file.js';
import { rule as runAsRoot } from '../rules/k8s/K8S001-run-as-root.js';
import { isNamespaced, k8sObjects, type LabelSelector, selectorMatches } from './k8s.js';
import { type K8sIndex, k8sIndex } from './k8s-index.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

function objectsOf(text: string, path = 'm.yaml') {
  const project = projectOf({ [path]: text });
  const file = project.get(path);
  if (!file) throw new Error('no file');
  return k8sObjects(file);
}

describe('k8sObjects', () => {
  it('reads every document and List item with apiVersion + kind, skipping the rest', () => {
    const objects = objectsOf(
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: a, namespace: shop, labels: {app: a}, annotations: {note: x}}',
        '---',
        '- not a map',
        '---',
        'just: a map without kind',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - {apiVersion: v1, kind: Service, metadata: {name: b}}',
        '  - plain string',
      ),
    );
    expect(objects.map((o) => [o.kind, o.name, o.namespace])).toEqual([
      ['ConfigMap', 'a', 'shop'],
      ['Service', 'b', undefined],
    ]);
    expect(objects[0]?.labels).toEqual({ app: 'a' });
    expect(objects[0]?.annotations).toEqual({ note: 'x' });
    expect(objects[0]?.nameRange).toEqual({ line: 3, column: 18, endLine: 3, endColumn: 19 });
    expect(objects[0]?.namespaceRange).toEqual({ line: 3, column: 32, endLine: 3, endColumn: 36 });
    expect(objects[1]?.kindRange).toEqual({ line: 12, column: 28, endLine: 12, endColumn: 35 });
  });

  it.each([
    [
      'Deployment',
      'apps/v1',
      'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, image: i:1}]}\n',
    ],
    [
      'CronJob',
      'batch/v1',
      'spec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: x}}\n        spec: {containers: [{name: c, image: i:1}]}\n',
    ],
    [
      'Rollout',
      'argoproj.io/v1alpha1',
      'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, image: i:1}]}\n',
    ],
    ['Pod', 'v1', 'metadata: {labels: {app: x}}\nspec: {containers: [{name: c, image: i:1}]}\n'],
  ])('finds the pod spec of a %s', (kind, apiVersion, body) => {
    const [obj] = objectsOf(`apiVersion: ${apiVersion}\nkind: ${kind}\n${body}`);
    expect(obj?.pod?.labels).toEqual({ app: 'x' });
    expect(obj?.pod?.containers.map((c) => [c.name, c.image])).toEqual([['c', 'i:1']]);
  });

  it('does not treat a non-Argo Rollout as a workload', () => {
    const [obj] = objectsOf('apiVersion: example.com/v1\nkind: Rollout\nspec: {template: {spec: {containers: []}}}\n');
    expect(obj?.pod).toBeUndefined();
  });

  it('reads containers, init containers, env, ports, volumes and pod fields', () => {
    const [obj] = objectsOf(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  serviceAccount: legacy',
        '  hostNetwork: true',
        '  volumes:',
        '    - {name: data, hostPath: {path: /data}}',
        '    - {name: tmp, emptyDir: {}}',
        '  containers:',
        '    - name: app',
        '      image: app:1',
        '      ports: [{containerPort: 8080, name: http}]',
        '      env:',
        '        - {name: A, value: "1"}',
        '        - {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}',
        '  initContainers:',
        '    - {image: init:1}',
      ),
    );
    const pod = obj?.pod;
    expect(pod?.serviceAccountName).toBe('legacy');
    expect(pod?.hostNetwork).toBeDefined();
    expect(pod?.volumes.map((v) => [v.name, v.hostPath?.path])).toEqual([
      ['data', '/data'],
      ['tmp', undefined],
    ]);
    const [app, init] = pod?.containers ?? [];
    expect(app?.imageRange).toEqual({ line: 12, column: 14, endLine: 12, endColumn: 19 });
    expect(app?.ports.map((p) => [p.containerPort, p.name])).toEqual([[8080, 'http']]);
    expect(app?.env.map((e) => [e.name, e.value !== undefined, e.valueFrom !== undefined])).toEqual([
      ['A', true, false],
      ['B', false, true],
    ]);
    expect([init?.init, init?.name, init?.nameRange]).toEqual([
      true,
      '',
      { line: 18, column: 8, endLine: 18, endColumn: 13 },
    ]);
  });

  it('knows cluster-scoped kinds and client-side configuration', () => {
    const objects = objectsOf(
      lines(
        'apiVersion: v1',
        'kind: Namespace',
        '---',
        'apiVersion: cert-manager.io/v1',
        'kind: ClusterIssuer',
        '---',
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        '---',
        'apiVersion: v1',
        'kind: Secret',
      ),
    );
    expect(objects.map(isNamespaced)).toEqual([false, false, false, true]);
  });
});

describe('selectorMatches', () => {
  const sel = (s: Partial<LabelSelector>): LabelSelector => ({ matchLabels: {}, matchExpressions: [], ...s });
  const labels = { app: 'web', tier: 'front' };
  it.each([
    [sel({}), true],
    [sel({ matchLabels: { app: 'web' } }), true],
    [sel({ matchLabels: { app: 'api' } }), false],
    [sel({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }), true],
    [sel({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }), false],
    [sel({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }), true],
    [sel({ matchExpressions: [{ key: 'app', operator: 'Exists', values: [] }] }), true],
    [sel({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: [] }] }), false],
    [sel({ matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }), false],
  ])('%j → %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
});

describe('k8sIndex', () => {
  const project = projectOf({
    'apps/kustomization.yaml': 'namespace: shop\nresources: [web/deploy.yaml, policies.yaml]\n',
    'apps/web/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: i:1}]}\n',
    'apps/policies.yaml': lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: deny}',
      'spec: {podSelector: {}}',
      '---',
      'apiVersion: policy/v1',
      'kind: PodDisruptionBudget',
      'metadata: {name: web}',
      'spec: {selector: {matchLabels: {app: web}}}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}',
    ),
    'other/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n',
  });
  const index = k8sIndex(project);

  it('is built once per project', () => {
    expect(k8sIndex(project)).toBe(index);
  });

  it('resolves namespaces from metadata, a parent kustomization, or default', () => {
    expect(index.objects.map((o) => `${o.kind}/${o.name}@${index.namespaceOf(o)}`)).toEqual([
      'NetworkPolicy/deny@shop',
      'PodDisruptionBudget/web@shop',
      'Service/web@shop',
      'Deployment/web@shop',
      'Pod/p@default',
    ]);
  });

  it('indexes policies, budgets and services with their selectors', () => {
    expect(index.networkPolicies.map((p) => [p.obj.name, p.namespace, p.selector])).toEqual([
      ['deny', 'shop', { matchLabels: {}, matchExpressions: [] }],
    ]);
    expect(index.pdbs.map((p) => p.selector?.matchLabels)).toEqual([{ app: 'web' }]);
    const [svc] = index.services;
    expect([svc?.type, svc?.selector, svc?.ports.map((p) => [p.port, p.targetPort])]).toEqual([
      'NodePort',
      { app: 'web' },
      [[80, 8080]],
    ]);
    expect(
      index.workloadsSelectedBy('shop', { matchLabels: { app: 'web' }, matchExpressions: [] }).map((w) => w.name),
    ).toEqual(['web']);
    expect(index.workloadsSelectedBy('default', { matchLabels: { app: 'web' }, matchExpressions: [] })).toEqual([]);
  });
});

describe('k8sIndex memory', () => {
  const files = {
    'a/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: postgres:16}]}\n',
    'a/svc.yaml':
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {type: NodePort, selector: {app: web}}\n',
    'a/sa.yaml':
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: shop}\nautomountServiceAccountToken: false\n',
  };

  /** Every value reachable from the index's data (its functions aside). */
  function* reachable(value: unknown, seen = new Set<unknown>()): Generator<unknown> {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    yield value;
    const children = value instanceof Map || value instanceof Set ? [...value.values()] : Object.values(value);
    for (const child of children) yield* reachable(child, seen);
  }

  it('holds plain data and ranges, no YAML nodes and no files (their trees can be dropped)', () => {
    const project = projectOf(files);
    const index: K8sIndex = k8sIndex(project);
    const values = [...reachable(index)];
    expect(values.filter((v) => isNode(v) || v instanceof SourceFile)).toEqual([]);
    expect(index.services.map((s) => [s.obj.path, s.typeRange])).toEqual([
      ['a/svc.yaml', { line: 4, column: 14, endLine: 4, endColumn: 22 }],
    ]);
    expect(index.workloads.map((w) => w.pod?.containers)).toEqual([[{ name: 'c', image: 'postgres:16', init: false }]]);
    expect([...index.tokenlessDefaultAccounts]).toEqual(['shop']);
  });

  it('keeps the trees it parsed only within its source budget, and keeps those parsed before', () => {
    const project = projectOf(files);
    const [deploy, sa, svc] = ['a/deploy.yaml', 'a/sa.yaml', 'a/svc.yaml'].map((p) => project.get(p));
    if (!deploy || !sa || !svc) throw new Error('no file');
    const objects = k8sObjects(svc);
    // Files in order: a/deploy.yaml fits the budget exactly, a/sa.yaml does not.
    k8sIndex(project, deploy.text.length);
    expect(k8sObjects(svc)).toBe(objects);
    expect(deploy.cached('k8s-objects', () => 'not cached')).not.toBe('not cached');
    expect(sa.cached('k8s-objects', () => 'not cached')).toBe('not cached');
    expect(sa.cached('yaml', () => 'not cached')).toBe('not cached');
  });

  it('with no budget, keeps none of the trees it parsed', () => {
    const project = projectOf(files);
    k8sIndex(project, 0);
    for (const file of project.ofKind('k8s')) {
      expect(file.cached('k8s-objects', () => 'not cached')).toBe('not cached');
    }
  });
});

describe('annotation suppressions', () => {
  it('suppress a K8S finding on the annotated object only', () => {
    const pod = (name: string, annotations: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${annotations}spec:\n  containers: [{name: app, image: app:1}]\n`;
    const findings = runRule(runAsRoot, {
      'pods.yaml': `${pod('legacy', '  annotations:\n    proagent-devops.io/ignore-K8S001: vendor image needs root\n')}---\n${pod('fresh', '')}`,
    });
    expect(findings.map((f) => [f.line, f.suppressed?.justification])).toEqual([
      [8, 'vendor image needs root'],
      [15, undefined],
    ]);
  });
});
