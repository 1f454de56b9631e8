import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { defaultConfig, ruleSettings } from '../config/config.js';
import { lint } from '../core/engine.js';
import { projectFromSources, reviewSources } from '../review.js';
import { RULES } from '../rules/registry.js';
import { findExecutable } from '../scaffold/validate.js';
import { kustomizeModel } from './kustomize.js';
import { plain } from './kustomize-patch.js';
import { renderKustomization, selectorMatches } from './kustomize-render.js';
import { originAt, printDocuments } from './kustomize-tree.js';

const settings = ruleSettings(defaultConfig());
const KUS_RULES = RULES.filter((r) => r.id.startsWith('KUS'));

/** A base and overlays that use every transformation the renderer implements. */
const FILES: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n  - hpa.yaml\n  - sa.yaml\n',
  'base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { app: api }
spec:
  replicas: 2
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      serviceAccountName: api
      containers:
        - name: api
          image: ghcr.io/shop/api:1.0.0
          env:
            - { name: LOG_LEVEL, value: info }
            - { name: PORT, value: "8080" }
          ports:
            - { name: http, containerPort: 8080 }
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
`,
  'base/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: { app: api }\n  ports:\n    - { port: 80, targetPort: http }\n',
  'base/hpa.yaml':
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  minReplicas: 2\n  maxReplicas: 5\n',
  'base/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n',
  'overlays/prod/kustomization.yaml': `namespace: shop-prod
namePrefix: prod-
nameSuffix: -v1
resources:
  - ../../base
labels:
  - pairs: { env: prod }
    includeSelectors: true
commonAnnotations:
  team: shop
images:
  - name: ghcr.io/shop/api
    newTag: "1.4.2"
    digest: sha256:4f5b1c0a5f2e3d4c5b6a79887766554433221100ffeeddccbbaa998877665544
  - name: envoyproxy/envoy
    newName: mirror.example.com/envoy
replicas:
  - name: api
    count: 4
patches:
  - path: resources.yaml
  - target: { kind: HorizontalPodAutoscaler }
    patch: |-
      - op: replace
        path: /spec/minReplicas
        value: 4
      - op: add
        path: /spec/maxReplicas
        value: 10
`,
  'overlays/prod/resources.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - { name: LOG_LEVEL, value: warn }
          resources:
            limits: { memory: 512Mi }
        - name: proxy
          $patch: delete
`,
  'overlays/dev/kustomization.yaml': `resources:
  - ../../base
commonLabels:
  env: dev
patchesStrategicMerge:
  - |-
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    spec:
      type: NodePort
patchesJson6902:
  - target: { group: apps, version: v1, kind: Deployment, name: api }
    patch: |-
      - op: remove
        path: /spec/template/spec/containers/1
      - op: copy
        from: /spec/template/metadata/labels
        path: /metadata/annotations
`,
};

const key = (o: unknown) => {
  const m = o as { kind?: string; metadata?: { name?: string } };
  return `${m.kind}/${m.metadata?.name}`;
};
const sortObjects = (objects: unknown[]) => [...objects].sort((a, b) => (key(a) < key(b) ? -1 : 1));

function render(dir: string): unknown[] {
  const project = projectFromSources(FILES);
  const model = kustomizeModel(project);
  const root = model.roots.find((k) => k.dir === dir);
  if (!root) throw new Error(dir);
  const result = renderKustomization(project, model, root);
  if (!result.ok) throw new Error(result.reason);
  return sortObjects(result.objects.map((o) => plain(o.tree)));
}

describe('kustomize rendering', () => {
  const kubectl = findExecutable('kubectl');
  let tmp: string | undefined;
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.runIf(kubectl !== undefined).each(['overlays/prod', 'overlays/dev'])(
    '%s renders as `kubectl kustomize` does',
    (dir) => {
      if (!tmp) {
        tmp = mkdtempSync(join(tmpdir(), 'kus-render-'));
        for (const [path, text] of Object.entries(FILES)) {
          mkdirSync(dirname(join(tmp, path)), { recursive: true });
          writeFileSync(join(tmp, path), text);
        }
      }
      const out = spawnSync(kubectl as string, ['kustomize', join(tmp, dir)], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      const expected = sortObjects(parseAllDocuments(out.stdout).map((d) => d.toJS()));
      expect(render(dir)).toEqual(expected);
    },
  );

  it('renders the transformations (checked without kubectl too)', () => {
    const [deployment, hpa] = render('overlays/prod').filter((o) =>
      /^(Deployment|HorizontalPodAutoscaler)\//.test(key(o)),
    );
    expect(deployment).toMatchObject({
      metadata: { name: 'prod-api-v1', namespace: 'shop-prod', labels: { app: 'api', env: 'prod' } },
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: 'api', env: 'prod' } },
        template: {
          spec: {
            serviceAccountName: 'prod-api-v1',
            containers: [
              {
                name: 'api',
                image: 'ghcr.io/shop/api:1.4.2@sha256:4f5b1c0a5f2e3d4c5b6a79887766554433221100ffeeddccbbaa998877665544',
                env: [
                  { name: 'LOG_LEVEL', value: 'warn' },
                  { name: 'PORT', value: '8080' },
                ],
                resources: { limits: { memory: '512Mi' } },
              },
            ],
          },
        },
      },
    });
    expect(hpa).toMatchObject({ spec: { minReplicas: 4, maxReplicas: 10, scaleTargetRef: { name: 'prod-api-v1' } } });
  });

  it('maps every printed value back to the line that introduced it', () => {
    const project = projectFromSources(FILES);
    const model = kustomizeModel(project);
    const root = model.roots.find((k) => k.dir === 'overlays/prod');
    const result = root && renderKustomization(project, model, root);
    if (!result?.ok) throw new Error('render failed');
    const printed = printDocuments(result.objects.map((o) => o.tree));
    /** Origin of the last `value.length` characters of the first occurrence of `needle`. */
    const where = (needle: string, value = needle) => {
      const start = printed.text.indexOf(needle) + needle.length - value.length;
      const origin = originAt(printed.spans, start, start + value.length);
      return origin && `${origin.file.path}:${origin.range.line}:${origin.range.column}`;
    };
    expect(where('"warn"')).toBe('overlays/prod/resources.yaml:11:41');
    expect(where('"shop-prod"')).toBe('overlays/prod/kustomization.yaml:1:12');
    expect(where('minReplicas: 4', '4')).toBe('overlays/prod/kustomization.yaml:26:16');
    expect(where('"PORT"')).toBe('base/deployment.yaml:20:23');
    expect(where('  replicas: 4', '4')).toBe('overlays/prod/kustomization.yaml:19:12');
  });

  it('matches label selectors as kustomize does', () => {
    const labels = new Map([
      ['app', 'api'],
      ['tier', 'backend'],
    ]);
    expect(selectorMatches('app=api,tier in (backend, web)', labels)).toBe(true);
    expect(selectorMatches('app!=api', labels)).toBe(false);
    expect(selectorMatches('!env,tier', labels)).toBe(true);
    expect(selectorMatches('env notin (prod)', labels)).toBe(true);
  });

  it('an alias bomb is reported as not rendered, not expanded', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n`;
    const files = {
      'k/kustomization.yaml': 'resources: [bomb.yaml]\n',
      'k/bomb.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n  ${bomb.replace(/\n(?!$)/g, '\n  ')}`,
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'chart/values.yaml': bomb,
    };
    const project = projectFromSources(files);
    const model = kustomizeModel(project);
    const result = renderKustomization(project, model, model.roots[0] as (typeof model.roots)[number]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/more than 100000 nodes/);
    expect(
      reviewSources(files, { only: ['KUS005', 'HLM002', 'HLM003', 'HLM004'] }).map((f) => `${f.ruleId}:${f.line}`),
    ).toEqual(['KUS005:1']);
  });

  it('mutated kustomizations never make the renderer or KUS005 throw', () => {
    const paths = Object.keys(FILES);
    const edit = fc.record({
      path: fc.constantFrom(...paths),
      at: fc.nat(),
      del: fc.nat({ max: 10 }),
      ins: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('\n', ': ', '- ', '{', '[', '|-\n', '$patch: delete', '/', '*a', '&a '),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const files = { ...FILES };
        for (const e of edits) {
          const text = files[e.path] as string;
          const at = e.at % (text.length + 1);
          files[e.path] = text.slice(0, at) + e.ins + text.slice(at + e.del);
        }
        const project = projectFromSources(files);
        const model = kustomizeModel(project);
        for (const root of model.roots) renderKustomization(project, model, root);
        const errors: unknown[] = [];
        lint(project, KUS_RULES, { settings, onRuleError: (_r, _f, e) => errors.push(e) });
        expect(errors).toEqual([]);
      }),
      { numRuns: 150, seed: 5150 },
    );
  });
});
