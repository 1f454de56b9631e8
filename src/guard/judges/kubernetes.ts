/**
 * kubectl (and OpenShift's oc) and helm: what they change, and where. The target cluster is the protected
 * context question — the flag, the context variables, or the kubeconfig's current-context.
 */
import { type Arg, dryRunOf, hasLong, hasShort, optionValues, positionals } from '../args.js';
import type { GuardCommand } from '../commands.js';
import { type KubeContext, resolveKubeContext } from '../context.js';
import { type JudgeContext, protectedTarget, quote, type Target } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

const KUBECTL_VALUED = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '-f',
  '--filename',
  '-k',
  '--kustomize',
  '-o',
  '--output',
  '-l',
  '--selector',
  '--field-selector',
  '-c',
  '--container',
  '-p',
  '--patch',
  '--type',
  '--replicas',
  '--timeout',
  '--grace-period',
  '--field-manager',
  '--image',
]);

const KUBECTL_READ_ONLY = new Set([
  'get',
  'describe',
  'diff',
  'logs',
  'top',
  'explain',
  'api-resources',
  'api-versions',
  'version',
  'cluster-info',
  'config',
  'auth',
  'events',
  'wait',
  'completion',
  'kustomize',
  'plugin',
  'port-forward',
  'proxy',
  'exec',
  'cp',
  'attach',
  'debug',
]);

const KUBECTL_MUTATING = new Set([
  'apply',
  'create',
  'delete',
  'patch',
  'scale',
  'replace',
  'edit',
  'set',
  'drain',
  'cordon',
  'uncordon',
  'taint',
  'label',
  'annotate',
  'autoscale',
  'expose',
  'run',
  'rollout',
  'certificate',
]);

/** Kinds whose deletion cascades to everything inside them, by their canonical name. */
function cascadingKind(kind: string): string | undefined {
  if (/^(namespaces?|ns)$/.test(kind)) return 'namespace';
  if (/^projects?(\.project\.openshift\.io)?$/.test(kind)) return 'project';
  if (/^(customresourcedefinitions?|crds?)(\.apiextensions\.k8s\.io)?$/.test(kind)) return 'CRD';
  return undefined;
}

export function judgeKubectl(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  const argv = cmd.argv;
  const pos = positionals(argv, KUBECTL_VALUED);
  const verb = pos[0];
  if (verb === undefined || KUBECTL_READ_ONLY.has(verb) || !KUBECTL_MUTATING.has(verb)) return undefined;
  if (verb === 'rollout' && !['restart', 'undo', 'pause', 'resume'].includes(pos[1] ?? '')) return undefined;
  const shown = quote(cmd.shownText);
  if (dryRunOf(argv) !== undefined) return undefined;

  if (verb === 'delete') {
    const kinds = (pos[1] ?? '').split(',').map((k) => (k.split('/')[0] ?? '').toLowerCase());
    const cascading = kinds.map(cascadingKind).find((k) => k !== undefined);
    const names = [...pos.slice(1).flatMap((p) => (p?.includes('/') ? [p.split('/')[1]] : [])), ...pos.slice(2)]
      .filter((p) => p !== undefined && !p.includes('/'))
      .join(' ');
    if (cascading !== undefined) {
      return judgement(
        'GRD003',
        'deny',
        `${shown} deletes ${cascading === 'CRD' ? 'a CRD and every custom resource of its kind' : `a ${cascading} and everything in it (workloads, PVCs, secrets)`}; Kubernetes has no undelete.`,
        { validateFirst: `\`kubectl get all,pvc,secret -n ${names || '<namespace>'}\` to see what would go` },
      );
    }
    if (hasLong(argv, '--all', '--all-namespaces') || hasShort(argv, 'A')) {
      return judgement('GRD003', 'deny', `${shown} deletes every ${pos[1] ?? 'object'} in its scope at once.`);
    }
  }

  const context = kubectlContext(cmd, ctx);
  const files = optionValues(argv, ['-f', '--filename', '-k', '--kustomize']);
  const where = protectedTarget(ctx, [
    contextTarget(context),
    ...optionValues(argv, ['-n', '--namespace']).map((value) => ({ what: 'namespace', value })),
    ...files.map((value) => ({ what: 'manifest path', value })),
  ]);
  const rollback = kubectlRollback(verb, pos);
  if (where !== undefined) {
    return judgement('GRD013', 'ask', `${shown} changes the cluster of a protected target: ${where}.`, { rollback });
  }
  const key = validationKey(verb, argv, pos, context);
  const validated = ctx.prior.some((p) => (p.name === 'kubectl' || p.name === 'oc') && isValidationOf(p, key, ctx));
  if (validated) {
    return judgement('GRD013', 'allow', `${shown} was checked by a diff or dry run earlier in the same command.`, {
      rollback,
    });
  }
  return judgement(
    'GRD013',
    'ask',
    `${shown} changes a live cluster${context ? ` (context \`${context.name}\`)` : ''} with no \`kubectl diff\` or ` +
      '`--dry-run` of the same target before it.',
    {
      validateFirst:
        files.length > 0
          ? `\`kubectl diff ${[
              ...optionValues(argv, ['-f', '--filename']).map((f) => `-f ${f}`),
              ...optionValues(argv, ['-k', '--kustomize']).map((k) => `-k ${k}`),
            ].join(' ')}\``
          : 'the same command with `--dry-run=server`',
      rollback,
    },
  );
}

function kubectlContext(cmd: GuardCommand, ctx: JudgeContext): KubeContext | undefined {
  const flag = optionValues(cmd.argv, ['--context'])[0];
  if (flag === undefined && cmd.kubeContext !== undefined) return { name: cmd.kubeContext, source: 'use-context' };
  return resolveKubeContext(
    flag === undefined ? undefined : { name: '--context', value: flag },
    optionValues(cmd.argv, ['--kubeconfig'])[0],
    ['KUBECONTEXT', 'KUBE_CONTEXT'],
    cmd.env,
    cmd.cwd,
    ctx.files,
  );
}

function contextTarget(context: KubeContext | undefined): Target {
  const fromFlag = context?.source.startsWith('--');
  return { what: 'context', value: context?.name, source: fromFlag ? undefined : context?.source };
}

/** What identifies "the same change": the manifest files, else the verb and its resource arguments; plus the context. */
function validationKey(
  verb: string,
  argv: readonly Arg[],
  pos: readonly Arg[],
  context: KubeContext | undefined,
): string {
  const files = optionValues(argv, ['-f', '--filename', '-k', '--kustomize']).sort();
  const what = files.length > 0 ? `files:${files.join('\u0000')}` : `${verb}:${pos.slice(1).join('\u0000')}`;
  return `${context?.name ?? ''}\u0001${what}`;
}

/** A prior `kubectl diff` of the same files, or the same command with `--dry-run=client|server`. */
function isValidationOf(prior: GuardCommand, key: string, ctx: JudgeContext): boolean {
  const pos = positionals(prior.argv, KUBECTL_VALUED);
  const verb = pos[0];
  if (verb === undefined) return false;
  if (verb !== 'diff' && dryRunOf(prior.argv) === undefined) return false;
  return validationKey(verb, prior.argv, pos, kubectlContext(prior, ctx)) === key;
}

function kubectlRollback(verb: string, pos: readonly Arg[]): string | undefined {
  // `rollout restart deployment/api`, `set image deployment/api …`, `scale deploy api`, `patch deploy/api`.
  const slashed = pos.slice(1).find((p) => p?.includes('/'));
  const at = verb === 'scale' || verb === 'patch' ? 1 : 2;
  const kind = pos[at];
  const name = pos[at + 1];
  const workload = slashed ?? (kind !== undefined && name !== undefined ? `${kind}/${name}` : 'deployment/<name>');
  switch (verb) {
    case 'scale':
      return `\`kubectl scale ${workload} --replicas=<previous count>\``;
    case 'rollout':
    case 'set':
    case 'patch':
      return `\`kubectl rollout undo ${workload}\` (or re-apply the previous manifest from Git)`;
    case 'drain':
    case 'cordon':
      return '`kubectl uncordon <node>`';
    case 'delete':
      return 'Re-apply the deleted objects from Git (or let GitOps resync them).';
    default:
      return undefined;
  }
}

// helm

const HELM_VALUED = new Set([
  '-n',
  '--namespace',
  '--kube-context',
  '--kubeconfig',
  '-f',
  '--values',
  '--set',
  '--set-string',
  '--set-file',
  '--set-json',
  '--version',
  '--timeout',
  '--repo',
  '-o',
  '--output',
  '--post-renderer',
  '--description',
  '--history-max',
  '--revision',
  '--username',
  '--password',
  '--ca-file',
  '--cert-file',
  '--key-file',
]);

const HELM_READ_ONLY = new Set([
  'template',
  'lint',
  'diff',
  'list',
  'ls',
  'status',
  'history',
  'get',
  'show',
  'inspect',
  'search',
  'repo',
  'version',
  'dependency',
  'dep',
  'package',
  'pull',
  'fetch',
  'env',
  'verify',
  'plugin',
  'completion',
  'create',
  'test',
  'registry',
  'push',
]);

export function judgeHelm(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  const argv = cmd.argv;
  const pos = positionals(argv, HELM_VALUED);
  const verb = pos[0];
  if (verb === undefined || HELM_READ_ONLY.has(verb) || dryRunOf(argv) !== undefined) return undefined;
  const shown = quote(cmd.shownText);
  const release = pos[1];
  const flag = optionValues(argv, ['--kube-context'])[0];
  const context = resolveKubeContext(
    flag === undefined ? undefined : { name: '--kube-context', value: flag },
    optionValues(argv, ['--kubeconfig'])[0],
    ['HELM_KUBECONTEXT', 'KUBECONTEXT', 'KUBE_CONTEXT'],
    cmd.env,
    cmd.cwd,
    ctx.files,
  );
  const effective =
    flag === undefined && cmd.kubeContext !== undefined ? { name: cmd.kubeContext, source: 'use-context' } : context;
  const where = protectedTarget(ctx, [
    contextTarget(effective),
    ...optionValues(argv, ['-n', '--namespace']).map((value) => ({ what: 'namespace', value })),
    { what: 'release', value: release },
    ...optionValues(argv, ['-f', '--values']).map((value) => ({ what: 'values file', value })),
  ]);
  const releaseName = release ?? '<release>';

  if (['uninstall', 'delete', 'del', 'un'].includes(verb)) {
    if (where !== undefined) {
      return judgement('GRD004', 'deny', `${shown} removes a release from a protected target: ${where}.`, {
        validateFirst: `\`helm status ${releaseName}\` and \`helm get manifest ${releaseName}\``,
      });
    }
    return judgement('GRD014', 'ask', `${shown} removes the release and the resources it owns.`, {
      validateFirst: `\`helm get manifest ${releaseName}\` to see what would be removed`,
      rollback: `\`helm install ${releaseName} <chart> --version <same> -f <same values>\` (or \`helm rollback\` if uninstalled with \`--keep-history\`)`,
    });
  }
  if (verb === 'rollback') {
    return judgement('GRD014', 'ask', `${shown} changes a live release back to an earlier revision.`, {
      validateFirst: `\`helm history ${releaseName}\` to pick the revision`,
      rollback: `\`helm rollback ${releaseName} <the current revision>\``,
    });
  }
  if (!['install', 'upgrade', 'i'].includes(verb)) return undefined;
  const rollback = `\`helm rollback ${releaseName}\` to the previous revision (\`helm history ${releaseName}\`)`;
  const validateFirst = `\`helm diff upgrade ${releaseName} ${pos[2] ?? '<chart>'}\` or the same command with \`--dry-run\``;
  if (where !== undefined) {
    return judgement('GRD014', 'ask', `${shown} changes a release on a protected target: ${where}.`, {
      validateFirst,
      rollback,
    });
  }
  if (!hasLong(argv, '--atomic', '--rollback-on-failure')) {
    return judgement(
      'GRD014',
      'ask',
      `${shown} has no \`--atomic\`/\`--rollback-on-failure\`: a failed ${verb} leaves the release half-applied.`,
      { validateFirst, rollback },
    );
  }
  return judgement('GRD014', 'allow', `${shown} rolls itself back on failure.`, { validateFirst, rollback });
}
