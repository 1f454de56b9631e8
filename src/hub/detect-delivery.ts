/** Detection for the delivery domains: CI/CD pipelines, container orchestration, GitOps. */
import type { CommandCategory } from '../pipeline/commands.js';
import { type DetectContext, DomainFindings, unique } from './detect-context.js';

/** CI systems the review has no rules for yet: evidence only. */
const OTHER_CI =
  /(^|\/)(\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.travis\.ya?ml|\.buildkite\/pipeline\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml)$/;
const DEPENDENCY_BOTS =
  /(^|\/)(\.github\/dependabot\.ya?ml|renovate\.json5?|\.renovaterc(\.json)?|\.github\/renovate\.json5?)$/;
const RELEASE_FILES =
  /(^|\/)(\.github\/workflows\/[^/]*release[^/]*\.ya?ml|\.releaserc(\.\w+)?|release-please-config\.json|\.goreleaser\.ya?ml)$/i;

const CI_SIGNALS: readonly [CommandCategory, string][] = [
  ['image-build', 'image builds'],
  ['trivy', 'Trivy scans'],
  ['secret-scan', 'secret scans'],
  ['validation', 'validation before deploy (plan, diff, lint, dry-run)'],
  ['deploy', 'deploy jobs'],
  ['rollback', 'rollback steps'],
  ['backup', 'backups before migrations'],
];

export function detectCicd(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  d.add('github-workflows', 'GitHub Actions workflows', ctx.filesOf('github-workflow'));
  d.add('github-actions', 'GitHub composite actions', ctx.filesOf('github-action'));
  d.add('gitlab-ci', 'GitLab CI pipelines', ctx.filesOf('gitlab-ci'));
  d.add('jenkinsfiles', 'Jenkins pipelines', ctx.filesOf('jenkinsfile'));
  d.add('other-ci', 'other CI systems (not reviewed)', ctx.pathsMatching(OTHER_CI));
  for (const [category, label] of CI_SIGNALS) {
    const hits = ctx.ci.filter((a) => a.category === category);
    const labels = unique(hits.map((a) => a.label)).slice(0, 4);
    const suffix = labels.length > 0 && category !== 'trivy' ? ` (${labels.join(', ')})` : '';
    d.add(
      `ci-${category}`,
      `${label}${suffix}`,
      hits.map((a) => a.file),
      false,
    );
  }
  d.add('release-automation', 'release automation', ctx.pathsMatching(RELEASE_FILES), false);
  d.add('dependency-updates', 'dependency update bot (Dependabot/Renovate)', ctx.pathsMatching(DEPENDENCY_BOTS), false);

  if (d.artifacts === 0) {
    d.gap({
      id: 'no-ci',
      severity: 'error',
      message: 'No CI pipeline: changes are not built, tested or scanned before they ship.',
      fix: 'Add a pipeline that tests, scans (gitleaks, Trivy), builds and deploys with approval and rollback.',
      recipe: 'github-actions',
    });
    return d;
  }
  const deployable = ctx.filesOf('dockerfile', 'k8s', 'helm-chart', 'kustomization', 'terraform').length > 0;
  if (deployable && !d.has('ci-deploy')) {
    d.gap({
      id: 'no-deploy-pipeline',
      severity: 'info',
      message: 'No pipeline deploys: releases are applied by hand, without validation or a rollback path.',
      fix: 'Deploy from CI: staging first, prod behind an approval, validation before and rollback on failure.',
      recipe: 'github-actions',
    });
  }
  if (!d.has('release-automation')) {
    d.gap({
      id: 'no-release-automation',
      severity: 'info',
      message: 'No release automation: versions and tags are cut by hand.',
      fix: 'Add a release workflow that tags versions from the changelog.',
      recipe: 'release',
    });
  }
  if (!d.has('dependency-updates')) {
    d.gap({
      id: 'no-dependency-updates',
      severity: 'info',
      message: 'No Dependabot or Renovate config: pinned actions, images and packages go stale.',
      fix: 'Add .github/dependabot.yml (github-actions, docker, npm ecosystems) or a renovate.json.',
    });
  }
  return d;
}

export function detectContainers(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  d.add('dockerfiles', 'Dockerfiles', ctx.filesOf('dockerfile'));
  d.add('compose', 'Docker Compose files', ctx.filesOf('compose'));
  d.add('k8s-manifests', 'Kubernetes manifests', ctx.filesOf('k8s'));
  const workloads = ctx.k8sObjects.filter((o) => o.pod !== undefined);
  const kinds = unique(workloads.map((o) => o.kind));
  if (kinds.length > 0) {
    d.add(
      'k8s-workloads',
      `Kubernetes workloads (${kinds.join(', ')})`,
      workloads.map((o) => o.path),
      false,
    );
  }
  d.add('dockerignore', '.dockerignore files', ctx.filesOf('dockerignore'), false);
  d.add(
    'network-policies',
    'NetworkPolicies',
    ctx.objectFiles(['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy']),
    false,
  );

  const hasSource = ctx.filesOf('source').length > 0;
  if (hasSource && !d.has('dockerfiles')) {
    d.gap({
      id: 'no-dockerfile',
      severity: 'warning',
      message: 'Source code but no Dockerfile: the service is not built into a reproducible image.',
      fix: 'Add a multi-stage Dockerfile with a pinned base, a non-root user and a HEALTHCHECK.',
      recipe: 'dockerfile',
    });
  }
  if ((hasSource || d.has('dockerfiles')) && !d.has('compose') && !d.has('k8s-manifests')) {
    const charts = ctx.filesOf('helm-chart', 'kustomization').length > 0;
    if (!charts) {
      d.gap({
        id: 'no-orchestration',
        severity: 'info',
        message: 'Images but no orchestration: no Compose file or Kubernetes manifests describe how they run.',
        fix: 'Describe the services with healthchecks, limits and segmented networks (Compose), or Kubernetes manifests.',
        recipe: 'compose',
      });
    }
  }
  return d;
}

const ARGO_KINDS = ['Application', 'ApplicationSet', 'AppProject'];
const FLUX_KINDS = ['Kustomization', 'HelmRelease', 'GitRepository', 'OCIRepository', 'HelmRepository', 'Bucket'];

export function detectGitops(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  d.add('argocd', 'Argo CD applications', ctx.objectFiles(ARGO_KINDS, /^argoproj\.io\//));
  d.add('flux', 'Flux resources', ctx.objectFiles(FLUX_KINDS, /\.toolkit\.fluxcd\.io\//));
  d.add('flux-bootstrap', 'Flux bootstrap (flux-system)', ctx.pathsMatching(/(^|\/)flux-system\/gotk-[\w-]+\.ya?ml$/));
  const overlays = ctx.pathsMatching(/(^|\/)overlays\/[^/]+\/kustomization\.ya?ml$/);
  d.add('env-overlays', 'per-environment overlays', overlays, false);

  const onKubernetes = ctx.filesOf('k8s', 'helm-chart', 'kustomization').length > 0;
  if (d.artifacts === 0) {
    d.gap({
      id: 'no-gitops',
      severity: onKubernetes ? 'warning' : 'info',
      message: onKubernetes
        ? 'Kubernetes manifests but no GitOps controller: changes are pushed by hand and drift goes unnoticed.'
        : 'No GitOps: nothing reconciles the declared state with what runs.',
      fix: 'Let Argo CD (or Flux) reconcile each environment from Git, with automated sync, prune and self-heal.',
      recipe: 'gitops',
    });
    return d;
  }
  if (!d.has('env-overlays') && ctx.pathsMatching(/(^|\/)values[-_.][\w-]+\.ya?ml$/).length < 2) {
    d.gap({
      id: 'no-env-promotion',
      severity: 'info',
      message:
        'GitOps without per-environment overlays or values: promotion between environments is not a pull request.',
      fix: 'Keep one overlay (or values file) per environment and promote image tags from staging to prod by PR.',
      recipe: 'k8s-app',
    });
  }
  return d;
}
