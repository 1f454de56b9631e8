/**
 * Seeded synthetic monorepo for the benchmark: services with Dockerfiles, compose files, Kubernetes
 * manifests, workflows, GitLab/Jenkins pipelines, Terraform, Prometheus rules, Grafana dashboards,
 * dotenv files, source code and docs, in realistic sizes. Same seed → same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = (rand: () => number, svc: string, i: number) => string;
/** Several files that only make sense together (a chart, a kustomize base with overlays): paths under `<svc>/<entry>-<i>/`. */
type BundleGen = (rand: () => number, svc: string, i: number) => Record<string, string>;
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

const images = [
  'node:20.11-alpine',
  'python:3.12-slim',
  'golang:1.22',
  'nginx:latest',
  'postgres:16',
  'redis',
  'eclipse-temurin:21-jre',
];

const dockerfile: Gen = (r, svc) => `# syntax=docker/dockerfile:1.7
ARG BASE=${pick(r, images)}
FROM \${BASE} AS build
WORKDIR /src
COPY package*.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN apt-get update && apt-get install -y curl ca-certificates \\
    && curl -fsSL https://example.com/install.sh | sh \\
    && rm -rf /var/lib/apt/lists/*
RUN npm run build && npm prune --omit=dev
FROM ${pick(r, images)}
ENV NODE_ENV=production PORT=8080
${r() < 0.5 ? 'USER 10001:10001\n' : ''}COPY --from=build --chown=10001:10001 /src/dist /app
EXPOSE 8080
${r() < 0.5 ? 'HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1\n' : ''}ENTRYPOINT ["node", "/app/${svc}.js"]
`;

const compose: Gen = (r, svc) => `services:
${repeat(
  2 + Math.floor(r() * 4),
  (i) => `  ${svc}-${i}:
    image: ${pick(r, images)}
    environment:
      LOG_LEVEL: info
      DB_PASSWORD: \${DB_PASSWORD:?set it}
    ports:
      - "${8000 + i}:8080"
    deploy:
      resources:
        limits: { cpus: "0.5", memory: 256M }
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]
      interval: 10s
`,
)}`;

const k8s: Gen = (r, svc) =>
  repeat(
    1 + Math.floor(r() * 3),
    (i) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${svc}-${i}
  namespace: ${pick(r, ['shop', 'payments', 'prod', 'staging'])}
  labels: { app: ${svc}-${i} }
spec:
  replicas: ${1 + Math.floor(r() * 3)}
  selector: { matchLabels: { app: ${svc}-${i} } }
  template:
    metadata: { labels: { app: ${svc}-${i} } }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 10001 }
      containers:
        - name: app
          image: registry.example.com/${svc}:${r() < 0.8 ? '1.4.2' : 'latest'}
          ports: [{ containerPort: 8080 }]
          env:
            - { name: LOG_LEVEL, value: info }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
          livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
          readinessProbe: { httpGet: { path: /readyz, port: 8080 } }
---
apiVersion: v1
kind: Service
metadata: { name: ${svc}-${i}, namespace: shop }
spec:
  selector: { app: ${svc}-${i} }
  ports: [{ port: 80, targetPort: 8080 }]
`,
  );

const workflow: Gen = (r, svc) => `name: ${svc}
on:
  push: { branches: [main] }
  pull_request:
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@${r() < 0.5 ? 'v4' : '11bd71901bbe5b1630ceea73d27597364c9af683'}
      - run: |
          npm ci
          npm test
          docker build -t ${svc}:\${{ github.sha }} .
      - uses: aquasecurity/trivy-action@0.28.0
        with: { image-ref: "${svc}:\${{ github.sha }}" }
`;

const terraform: Gen = (r, svc) => `terraform {
  required_version = ">= 1.6"
  backend "s3" {
    bucket         = "tf-state-${svc}"
    key            = "${svc}/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tf-locks"
    encrypt        = true
  }
}
${repeat(
  1 + Math.floor(r() * 4),
  (i) => `
resource "aws_instance" "${svc}_${i}" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "${pick(r, ['t3.micro', 'm5.large', 't2.micro', 'm4.large'])}"
  tags = {
    project     = "shop"
    environment = "dev"
  }
}
`,
)}`;

const rules: Gen = (r, svc) => `groups:
  - name: ${svc}
    rules:
${repeat(
  2 + Math.floor(r() * 5),
  (i) => `      - alert: ${svc.replace(/\W/g, '')}HighErrorRate${i}
        expr: sum(rate(http_requests_total{service="${svc}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="${svc}"}[5m])) > 0.05
        for: 10m
        labels: { severity: ${pick(r, ['critical', 'warning', 'page'])} }
        annotations:
          summary: High error rate on ${svc}
          runbook_url: https://runbooks.example.com/${svc}
`,
)}`;

const dashboard: Gen = (r, svc) =>
  JSON.stringify(
    {
      uid: `${svc}-dash`,
      title: `${svc} service`,
      schemaVersion: 39,
      panels: Array.from({ length: 3 + Math.floor(r() * 6) }, (_, i) => ({
        id: i,
        type: pick(r, ['timeseries', 'graph', 'stat']),
        title: `Panel ${i}`,
        datasource: { type: 'prometheus', uid: '${DS_PROMETHEUS}' },
        targets: [{ expr: `sum(rate(http_requests_total{service="${svc}"}[5m]))` }],
        fieldConfig: { defaults: { unit: 'reqps' } },
      })),
    },
    null,
    2,
  );

const source: Gen = (r, svc) => `import express from 'express';

const app = express();
${r() < 0.7 ? "app.get('/health', (_req, res) => res.json({ ok: true }));\n" : ''}${repeat(
  5 + Math.floor(r() * 20),
  (i) => `app.get('/api/${svc}/items/${i}', async (req, res) => {
  const item = await load(req.params, ${i});
  res.json(item);
});
`,
)}
app.listen(8080);
`;

const dotenv: Gen = (r) =>
  `LOG_LEVEL=info\nPORT=8080\nDATABASE_URL=postgres://app:\${DB_PASSWORD}@db:5432/app\nFEATURE_X=${r() < 0.5}\n`;

const readme: Gen = (r, svc) =>
  `# ${svc}\n\n${repeat(10 + Math.floor(r() * 30), (i) => `Paragraph ${i} about the ${svc} service and how to operate it in production.\n`)}`;

const plainYaml: Gen = (r, svc) =>
  `name: ${svc}\nowners: [team-a]\nsettings:\n${repeat(10 + Math.floor(r() * 30), (i) => `  key${i}: value-${i}\n`)}`;

const json: Gen = (r, svc) =>
  JSON.stringify(
    { name: svc, version: '1.0.0', deps: Array.from({ length: 20 + Math.floor(r() * 50) }, (_, i) => `dep-${i}`) },
    null,
    2,
  );

const ENVS = ['dev', 'staging', 'prod'] as const;

const argoApplication = (
  svc: string,
  env: string,
  path: string,
  revision: string,
  extra = '',
) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${svc}-${env}
  namespace: argocd
spec:
  project: ${svc}
  source:
    repoURL: https://git.example.com/platform/monorepo.git
    targetRevision: ${revision}
    path: ${path}
${extra}  destination:
    server: https://kubernetes.default.svc
    namespace: ${svc}-${env}
  syncPolicy:
    automated: { prune: true, selfHeal: true }
    retry: { limit: 5 }
`;

/** An Argo CD Application per environment (some tracking a branch, some pinned). */
const argoApp: Gen = (r, svc, i) =>
  argoApplication(
    svc,
    pick(r, ENVS),
    `${svc}/deploy-${i}/overlays/${pick(r, ENVS)}`,
    pick(r, ['main', 'HEAD', 'v1.4.2', '3f2c9a1b7d4e5f60718293a4b5c6d7e8f9012345']),
  );

/** A kustomize base with dev/staging/prod overlays (images, namespace, a JSON patch) and its prod Application. */
const kustomizeApp: BundleGen = (r, svc, i) => {
  const name = `${svc}-${i}`;
  const tag = `1.${Math.floor(r() * 9)}.${Math.floor(r() * 9)}`;
  const files: Record<string, string> = {
    'base/kustomization.yaml':
      'resources:\n  - deployment.yaml\n  - service.yaml\nlabels:\n  - pairs: { app.kubernetes.io/part-of: shop }\n',
    'base/deployment.yaml': k8s(r, name, i).split('---\n').slice(0, 2).join('---\n'),
    'base/service.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name}-0 }\n  ports: [{ port: 80, targetPort: 8080 }]\n`,
    [`argocd/${name}-prod.yaml`]: argoApplication(name, 'prod', `${svc}/deploy-${i}/overlays/prod`, `v${tag}`),
  };
  for (const env of ENVS) {
    const envTag = env === 'prod' && r() < 0.2 ? `1.9.${Math.floor(r() * 9)}` : tag;
    files[`overlays/${env}/kustomization.yaml`] = `namespace: ${name}-${env}
resources:
  - ../../base
${r() < 0.3 ? 'commonLabels:\n  tier: backend\n' : ''}images:
  - name: registry.example.com/${name}
    newTag: "${r() < 0.1 ? 'latest' : envTag}"
patches:
  - target: { kind: Deployment }
    patch: |-
      - op: replace
        path: /spec/replicas
        value: ${env === 'prod' ? 3 : 1}
`;
  }
  return files;
};

/** A Helm chart with per-environment values, templates, and the Applications that deploy it. */
const helmChart: BundleGen = (r, svc, i) => {
  const name = `${svc}-${i}`;
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 0.${i % 10}.0\nappVersion: "1.4.2"\n${r() < 0.3 ? 'dependencies:\n  - name: redis\n    version: "*"\n    repository: https://charts.example.com\n' : ''}`,
    'values.yaml': `replicaCount: 2\nimage:\n  repository: registry.example.com/${svc}\n  tag: "${r() < 0.2 ? 'latest' : '1.4.2'}"\npodSecurityContext:\n  runAsNonRoot: ${r() < 0.8}\nresources:\n  requests: { cpu: 100m, memory: 128Mi }\n${r() < 0.2 ? 'auth:\n  password: Zq8rT5wLm2Kx\n' : ''}`,
    'values-staging.yaml': 'image:\n  tag: "1.4.2"\n',
    'values-prod.yaml': `replicaCount: 3\nimage:\n  tag: "${r() < 0.8 ? '1.4.2' : '1.5.0'}"\n`,
    'templates/_helpers.tpl': `{{- define "${name}.name" -}}{{ .Chart.Name | trunc 63 }}{{- end }}\n`,
    'templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "${name}.name" . }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      securityContext: {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          resources: {{- toYaml .Values.resources | nindent 12 }}
`,
    'templates/service.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "${name}.name" . }}\nspec:\n  ports: [{ port: {{ .Values.port | default 80 }} }]\n`,
  };
  for (const env of ['staging', 'prod']) {
    files[`argocd/${env}.yaml`] = argoApplication(
      name,
      env,
      `${svc}/charts-${i}`,
      'v1.4.2',
      `    helm:\n      valueFiles: [values-${env}.yaml]\n`,
    );
  }
  return files;
};

/** Kind mix by weight (roughly a platform monorepo: lots of code and docs, a long tail of infra). */
const MIX: [string, number, Gen | BundleGen][] = [
  ['Dockerfile', 8, dockerfile],
  ['docker-compose.yml', 5, compose],
  ['k8s/deployment.yaml', 12, k8s],
  ['.github/workflows/ci.yml', 5, workflow],
  ['infra/main.tf', 8, terraform],
  ['monitoring/alerts.yml', 5, rules],
  ['monitoring/dashboard.json', 4, dashboard],
  ['src/server.ts', 20, source],
  ['.env.example', 3, dotenv],
  ['README.md', 12, readme],
  ['config/settings.yaml', 10, plainYaml],
  ['package.json', 8, json],
  ['argocd/app.yaml', 2, argoApp],
  ['deploy', 1, kustomizeApp],
  ['charts', 1, helmChart],
];

export function generateCorpus(dir: string, fileCount: number, seed: number): number {
  const rand = mulberry32(seed);
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  let written = 0;
  for (let i = 0; written < fileCount; i++) {
    const target = rand() * total;
    let acc = 0;
    const [path, , gen] =
      MIX.find(([, w]) => {
        acc += w;
        return target < acc;
      }) ?? (MIX[0] as (typeof MIX)[number]);
    const svc = `svc-${Math.floor(i / 12)}`;
    const rel = path.startsWith('.github/')
      ? `${svc}/.github/workflows/ci-${i}.yml`
      : `${svc}/${path.replace(/(\.[a-z]+)$/, `-${i}$1`).replace(/^Dockerfile$/, `Dockerfile.${i}`)}`;
    const out = gen(rand, svc, i);
    const files = typeof out === 'string' ? { [rel]: out } : prefixed(out, `${svc}/${path}-${i}`);
    for (const [file, text] of Object.entries(files)) {
      const abs = join(dir, file);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
      written++;
    }
  }
  return written;
}

function prefixed(files: Record<string, string>, dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${dir}/${path}`, text]));
}
