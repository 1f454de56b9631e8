/**
 * How the project deploys, and so how a responder rolls back: Kubernetes workloads, Helm releases, Argo CD
 * applications, Compose services, and the cloud deploys its pipelines run (ECS, Cloud Run, Lambda). Read from
 * the project's manifests and CI commands; runbooks turn it into commands with validation before and after.
 */
import type { Project } from '../core/project.js';
import { ciActivities } from '../hub/ci-activities.js';
import { composeProjects } from '../models/compose-project.js';
import { k8sIndex } from '../models/k8s-index.js';
import { getNode, parseYaml, scalarString } from '../parsers/yaml.js';

export type DeployKind = 'kubernetes' | 'argo-rollout' | 'helm' | 'argocd' | 'compose' | 'ecs' | 'cloud-run' | 'lambda';

export interface DeployTarget {
  kind: DeployKind;
  /** Workload, release, application or service name (a `<placeholder>` when the project does not say). */
  name: string;
  namespace?: string;
  /** Kubernetes kind (`deployment`, `statefulset`) for kubectl; compose file for compose. */
  resource?: string;
  prod: boolean;
  /** Where it was found. */
  source: string;
}

export interface RollbackSteps {
  target: DeployTarget;
  /** Read-only checks before acting (what will be rolled back to). */
  validate: string[];
  rollback: string[];
  /** How to confirm it worked. */
  verify: string[];
}

const ROLLOUT_KINDS: Readonly<Record<string, string>> = {
  Deployment: 'deployment',
  StatefulSet: 'statefulset',
  DaemonSet: 'daemonset',
};

export function deployTargets(project: Project, isProd: (...names: (string | undefined)[]) => boolean): DeployTarget[] {
  const out: DeployTarget[] = [];
  if (project.ofKind('k8s').length > 0) {
    const index = k8sIndex(project);
    for (const w of index.workloads) {
      if (!w.name) continue;
      // A kustomize base deploys once per overlay: one target per overlay namespace, prod decided per overlay.
      const overlays = index.kustomizationsOf(w).filter((k) => k.namespace !== undefined && w.namespace === undefined);
      const places =
        overlays.length > 0
          ? overlays.map((k) => ({ namespace: k.namespace as string, prod: isProd(k.dir, k.namespace) }))
          : [{ namespace: index.namespaceOf(w), prod: isProd(...index.prodNames(w)) }];
      for (const { namespace, prod } of places) {
        if (w.kind === 'Rollout') out.push({ kind: 'argo-rollout', name: w.name, namespace, prod, source: w.path });
        const resource = ROLLOUT_KINDS[w.kind];
        if (resource !== undefined)
          out.push({ kind: 'kubernetes', name: w.name, namespace, resource, prod, source: w.path });
      }
    }
    for (const o of index.objects) {
      if (o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/') && o.name) {
        out.push({ kind: 'argocd', name: o.name, prod: isProd(o.path, o.name), source: o.path });
      }
    }
  }
  for (const chart of project.ofKind('helm-chart')) {
    const doc = parseYaml(chart).documents[0];
    const name = doc ? scalarString(getNode(doc.contents, 'name', doc.doc)) : undefined;
    if (name) out.push({ kind: 'helm', name, prod: false, source: chart.path });
  }
  for (const compose of composeProjects(project)) {
    const file = compose.files[compose.files.length - 1]?.file.path ?? 'docker-compose.yml';
    for (const service of compose.services) {
      out.push({
        kind: 'compose',
        name: service.name,
        resource: compose.files.map((f) => f.file.path).join(' -f '),
        prod: isProd(file),
        source: file,
      });
    }
  }
  for (const a of ciActivities(project)) {
    if (a.category !== 'deploy') continue;
    const prod = isProd(a.job, ...a.targets);
    if (/^aws ecs\b/.test(a.label)) out.push({ kind: 'ecs', name: a.targets[0] ?? '<service>', prod, source: a.file });
    else if (/^gcloud run\b/.test(a.label))
      out.push({ kind: 'cloud-run', name: a.targets[0] ?? '<service>', prod, source: a.file });
    else if (/^aws lambda\b/.test(a.label))
      out.push({ kind: 'lambda', name: a.targets[0] ?? '<function>', prod, source: a.file });
    else if (/^helm (upgrade|install)\b/.test(a.label) && a.targets[0]) {
      out.push({ kind: 'helm', name: a.targets[0], prod, source: a.file });
    }
  }
  return dedupe(out);
}

/** Targets whose name matches one of the alert's names (job, service, app labels), prod first; all when none match. */
export function targetsFor(targets: readonly DeployTarget[], names: readonly string[]): DeployTarget[] {
  const wanted = names.map((n) => n.toLowerCase()).filter((n) => n.length > 1);
  const exact = (t: DeployTarget) => wanted.includes(t.name.toLowerCase());
  const matching = targets.filter((t) => {
    const name = t.name.toLowerCase();
    return wanted.some(
      (w) => w === name || w.endsWith(`-${name}`) || name.endsWith(`-${w}`) || w.startsWith(`${name}-`),
    );
  });
  // The workload named exactly like the alert's job first, production before the rest, orchestrators before Compose.
  return [...matching].sort(
    (a, b) =>
      Number(exact(b)) - Number(exact(a)) ||
      Number(b.prod) - Number(a.prod) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

const KIND_ORDER: readonly DeployKind[] = [
  'argocd',
  'argo-rollout',
  'helm',
  'kubernetes',
  'ecs',
  'cloud-run',
  'lambda',
  'compose',
];

export function rollbackSteps(t: DeployTarget): RollbackSteps {
  const ns = t.namespace ? ` -n ${t.namespace}` : '';
  switch (t.kind) {
    case 'kubernetes': {
      const ref = `${t.resource ?? 'deployment'}/${t.name}`;
      return {
        target: t,
        validate: [`kubectl${ns} rollout history ${ref}`],
        rollback: [
          `kubectl${ns} rollout undo ${ref}`,
          `# or a known-good revision: kubectl${ns} rollout undo ${ref} --to-revision=<N>`,
        ],
        verify: [`kubectl${ns} rollout status ${ref} --timeout=5m`],
      };
    }
    case 'argo-rollout':
      return {
        target: t,
        validate: [`kubectl argo rollouts get rollout ${t.name}${ns}`],
        rollback: [`kubectl argo rollouts abort ${t.name}${ns}`, `kubectl argo rollouts undo ${t.name}${ns}`],
        verify: [`kubectl argo rollouts status ${t.name}${ns} --timeout 5m`],
      };
    case 'helm':
      return {
        target: t,
        validate: [`helm history ${t.name}${ns} --max 5`],
        rollback: [`helm rollback ${t.name} <REVISION>${ns} --wait --timeout 5m`],
        verify: [`helm status ${t.name}${ns}`],
      };
    case 'argocd':
      return {
        target: t,
        validate: [`argocd app history ${t.name}`],
        rollback: [
          `# auto-sync would undo a rollback: pause it first`,
          `argocd app set ${t.name} --sync-policy none`,
          `argocd app rollback ${t.name} <HISTORY_ID>`,
          '# then revert the commit in Git and re-enable auto-sync',
        ],
        verify: [`argocd app wait ${t.name} --health --timeout 300`],
      };
    case 'compose':
      return {
        target: t,
        validate: [`docker compose -f ${t.resource} images ${t.name}`],
        rollback: [
          `# pin the previous image tag of ${t.name} in the compose file or its .env, then:`,
          `docker compose -f ${t.resource} up -d --no-deps ${t.name}`,
        ],
        verify: [`docker compose -f ${t.resource} ps ${t.name}`],
      };
    case 'ecs':
      return {
        target: t,
        validate: [
          `aws ecs describe-services --cluster <cluster> --services ${t.name} --query 'services[0].deployments'`,
        ],
        rollback: [
          `aws ecs update-service --cluster <cluster> --service ${t.name} --task-definition <previous-task-definition-arn>`,
        ],
        verify: [`aws ecs wait services-stable --cluster <cluster> --services ${t.name}`],
      };
    case 'cloud-run':
      return {
        target: t,
        validate: [`gcloud run revisions list --service ${t.name}`],
        rollback: [`gcloud run services update-traffic ${t.name} --to-revisions=<previous-revision>=100`],
        verify: [`gcloud run services describe ${t.name} --format='value(status.traffic)'`],
      };
    case 'lambda':
      return {
        target: t,
        validate: [`aws lambda list-versions-by-function --function-name ${t.name}`],
        rollback: [
          `aws lambda update-alias --function-name ${t.name} --name live --function-version <previous-version>`,
        ],
        verify: [`aws lambda get-alias --function-name ${t.name} --name live`],
      };
  }
}

function dedupe(targets: DeployTarget[]): DeployTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.kind}\u0000${t.name}\u0000${t.namespace ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
