import { ENVIRONMENTS } from '../k8s-app/index.js';
import type { GitopsValues } from './index.js';

/** Flux: one GitRepository per environment (branch for dev, pinned tag or commit for the others). */
function source(v: GitopsValues, env: (typeof ENVIRONMENTS)[number]): string {
  const revision = env === 'prod' ? v.prod_revision : env === 'staging' ? v.staging_revision : undefined;
  const ref =
    revision === undefined
      ? `branch: ${v.branch}`
      : /^[0-9a-f]{40}$/.test(revision)
        ? `commit: ${revision}`
        : `tag: ${revision}`;
  return `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: ${v.name}-${env}
  namespace: flux-system
spec:
  interval: 5m
  url: ${v.repo}
  secretRef: { name: ${v.name}-git }
  ref:
    ${ref}
  ignore: |
    /*
    !/k8s/
`;
}

function kustomization(v: GitopsValues, env: (typeof ENVIRONMENTS)[number]): string {
  return `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${v.name}-${env}
  namespace: flux-system
spec:
  interval: 10m
  retryInterval: 1m
  timeout: 5m
  sourceRef: { kind: GitRepository, name: ${v.name}-${env} }
  path: ./k8s/overlays/${env}
  prune: true
  wait: true
`;
}

export function fluxFiles(v: GitopsValues): Record<string, string> {
  const files: Record<string, string> = {};
  for (const env of ENVIRONMENTS) {
    const comment =
      env === 'dev'
        ? `# dev follows ${v.branch}: every merge deploys.\n`
        : `# ${env} is pinned; promote by pull request (change spec.ref).\n`;
    files[`gitops/flux/${v.name}-${env}.yaml`] = `${comment}${source(v, env)}---\n${kustomization(v, env)}`;
  }
  return files;
}
