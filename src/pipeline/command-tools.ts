/**
 * Per-tool classification: which subcommands of kubectl, helm, terraform, aws, gcloud, docker, trivy,
 * migration tools and backup tools deploy, validate, build, scan, migrate, back up or roll back.
 */
import {
  type CommandClass,
  commandClass as c,
  dryRunOf,
  globalDockerOptions,
  hasFlag,
  type Invocation,
  oneOf,
  optionValues,
  positionalValues,
  sub,
} from './command-args.js';

type Classifier = (inv: Invocation) => CommandClass[];

const CLASSIFIERS: Record<string, Classifier> = {
  kubectl: classifyKubectl,
  oc: classifyKubectl,
  helm: classifyHelm,
  terraform: (inv) => classifyTerraform(inv, 'terraform'),
  tofu: (inv) => classifyTerraform(inv, 'tofu'),
  terragrunt: (inv) => classifyTerraform(inv, 'terragrunt'),
  pulumi: classifyPulumi,
  aws: classifyAws,
  gcloud: classifyGcloud,
  docker: classifyDocker,
  'docker-compose': (inv) => classifyCompose(inv, 'docker-compose', inv.args),
  podman: classifyPodman,
  buildah: (inv) => (oneOf(sub(inv), 'bud', 'build') ? [c('image-build', `buildah ${sub(inv)}`)] : []),
  kaniko: () => [c('image-build', 'kaniko')],
  ko: classifyKo,
  flux: (inv) => (sub(inv) === 'reconcile' ? [c('deploy', 'flux reconcile', positionalValues(inv.args).slice(1))] : []),
  argocd: classifyArgocd,
  kustomize: (inv) => (sub(inv) === 'build' ? [c('validation', 'kustomize build')] : []),
  trivy: classifyTrivy,
  prisma: (inv) =>
    sub(inv) === 'migrate' && sub(inv, 1) === 'deploy' ? [c('migration', 'prisma migrate deploy')] : [],
  alembic: (inv) => (positionalValues(inv.args).includes('upgrade') ? [c('migration', 'alembic upgrade')] : []),
  flyway: (inv) => (positionalValues(inv.args).includes('migrate') ? [c('migration', 'flyway migrate')] : []),
  liquibase: (inv) => (positionalValues(inv.args).includes('update') ? [c('migration', 'liquibase update')] : []),
  rails: (inv) => (sub(inv) === 'db:migrate' ? [c('migration', 'rails db:migrate')] : []),
  rake: (inv) => (sub(inv) === 'db:migrate' ? [c('migration', 'rake db:migrate')] : []),
  knex: (inv) => (sub(inv) === 'migrate:latest' ? [c('migration', 'knex migrate:latest')] : []),
  sequelize: (inv) => (sub(inv) === 'db:migrate' ? [c('migration', 'sequelize db:migrate')] : []),
  'sequelize-cli': (inv) => (sub(inv) === 'db:migrate' ? [c('migration', 'sequelize db:migrate')] : []),
  goose: (inv) =>
    positionalValues(inv.args).some((p) => /^up(-by-one|-to)?$/.test(p)) ? [c('migration', 'goose up')] : [],
  migrate: (inv) => (positionalValues(inv.args).includes('up') ? [c('migration', 'migrate up')] : []),
  dbmate: (inv) => (oneOf(sub(inv), 'up', 'migrate') ? [c('migration', `dbmate ${sub(inv)}`)] : []),
  atlas: (inv) => (sub(inv) === 'migrate' && sub(inv, 1) === 'apply' ? [c('migration', 'atlas migrate apply')] : []),
  diesel: (inv) => (sub(inv) === 'migration' && sub(inv, 1) === 'run' ? [c('migration', 'diesel migration run')] : []),
  mix: (inv) => (sub(inv) === 'ecto.migrate' ? [c('migration', 'mix ecto.migrate')] : []),
  php: (inv) =>
    inv.args[0]?.endsWith('artisan') && inv.args[1] === 'migrate' ? [c('migration', 'artisan migrate')] : [],
  npm: (inv) => classifyPackageScript(inv, 'npm'),
  pnpm: (inv) => classifyPackageScript(inv, 'pnpm'),
  yarn: (inv) => classifyPackageScript(inv, 'yarn'),
  bun: (inv) => classifyPackageScript(inv, 'bun'),
  pg_dump: () => [c('backup', 'pg_dump')],
  pg_dumpall: () => [c('backup', 'pg_dumpall')],
  pg_basebackup: () => [c('backup', 'pg_basebackup')],
  mysqldump: () => [c('backup', 'mysqldump')],
  'mariadb-dump': () => [c('backup', 'mariadb-dump')],
  mongodump: () => [c('backup', 'mongodump')],
  velero: (inv) => (sub(inv) === 'backup' && sub(inv, 1) === 'create' ? [c('backup', 'velero backup create')] : []),
};

export function classifyInvocation(inv: Invocation): CommandClass[] {
  // `python manage.py migrate` (Django).
  if ((inv.tool === 'python' || inv.tool === 'python3') && inv.args[0]?.endsWith('manage.py')) {
    return inv.args[1] === 'migrate' ? [c('migration', 'manage.py migrate')] : [];
  }
  if (inv.tool.endsWith('manage.py') && inv.args[0] === 'migrate') return [c('migration', 'manage.py migrate')];
  return CLASSIFIERS[inv.tool]?.(inv) ?? [];
}
const KUBECTL_VALUED = new Set([
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--kubeconfig',
  '-f',
  '--filename',
  '-k',
  '--kustomize',
  '-l',
  '--selector',
  '-o',
  '--output',
  '-c',
  '--container',
  '--timeout',
  '--field-manager',
  '-s',
  '--server',
  '--user',
  '--token',
  '-p',
  '--patch',
  '--type',
  '--to-revision',
]);

function classifyKubectl(inv: Invocation): CommandClass[] {
  const pos = positionalValues(inv.args, KUBECTL_VALUED);
  const verb = pos[0];
  const targets = [
    ...optionValues(inv.args, ['-n', '--namespace', '--context', '--cluster', '-f', '--filename', '-k', '--kustomize']),
    ...pos.slice(verb === 'rollout' || verb === 'set' ? 2 : 1),
  ];
  const dryRun = dryRunOf(inv.args);
  if (verb === 'diff') return [c('validation', 'kubectl diff', targets)];
  if (verb === 'kustomize') return [c('validation', 'kubectl kustomize', targets)];
  if (verb === 'apply' || verb === 'replace' || verb === 'create') {
    if (dryRun !== undefined) return [c('validation', `kubectl ${verb} --dry-run`, targets)];
    return verb === 'create' ? [] : [c('deploy', `kubectl ${verb}`, targets)];
  }
  if (verb === 'set' && pos[1] === 'image') {
    return dryRun !== undefined
      ? [c('validation', 'kubectl set image --dry-run', targets)]
      : [c('deploy', 'kubectl set image', targets)];
  }
  if (verb === 'rollout') {
    if (pos[1] === 'undo') return [c('rollback', 'kubectl rollout undo', targets)];
    if (pos[1] === 'restart' || pos[1] === 'resume') return [c('deploy', `kubectl rollout ${pos[1]}`, targets)];
  }
  return [];
}

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
  '--username',
  '--password',
  '--history-max',
]);

function classifyHelm(inv: Invocation): CommandClass[] {
  const pos = positionalValues(inv.args, HELM_VALUED);
  const verb = pos[0];
  const targets = [
    ...optionValues(inv.args, ['-n', '--namespace', '--kube-context', '-f', '--values']),
    ...pos.slice(1),
  ];
  if (verb === 'lint' || verb === 'template') return [c('validation', `helm ${verb}`, targets)];
  if (verb === 'diff') return [c('validation', 'helm diff', targets)];
  if (verb === 'rollback') return [c('rollback', 'helm rollback', targets)];
  if (verb === 'install' || verb === 'upgrade') {
    if (dryRunOf(inv.args) !== undefined) return [c('validation', `helm ${verb} --dry-run`, targets)];
    const deploy = c('deploy', `helm ${verb}`, targets);
    if (hasFlag(inv.args, '--atomic', '--rollback-on-failure')) deploy.selfRollback = true;
    return [deploy];
  }
  return [];
}

const TERRAFORM_VALUED = new Set(['-var', '-var-file', '-target', '-out', '-state', '-lock-timeout', '-replace']);

function classifyTerraform(inv: Invocation, tool: string): CommandClass[] {
  const pos = positionalValues(inv.args, TERRAFORM_VALUED);
  // `terragrunt run-all apply`, `terragrunt run --all -- apply`.
  const verb = pos.find((p) => p === 'apply' || p === 'plan' || p === 'validate');
  const targets = [
    ...inv.args.flatMap((a) => (a?.startsWith('-chdir=') ? [a.slice(7)] : [])),
    ...optionValues(inv.args, ['-var-file', '--terragrunt-working-dir']),
  ];
  if (verb === 'apply') return [c('deploy', `${tool} apply`, targets)];
  if (verb === 'plan' || verb === 'validate') return [c('validation', `${tool} ${verb}`, targets)];
  return [];
}

function classifyPulumi(inv: Invocation): CommandClass[] {
  const pos = positionalValues(inv.args, new Set(['-s', '--stack', '-C', '--cwd', '-m', '--message']));
  const targets = optionValues(inv.args, ['-s', '--stack']);
  if (pos[0] === 'up' || pos[0] === 'update') return [c('deploy', 'pulumi up', targets)];
  if (pos[0] === 'preview') return [c('validation', 'pulumi preview', targets)];
  return [];
}

const AWS_GLOBAL_VALUED = new Set(['--region', '--profile', '--output', '--endpoint-url', '--query', '--color']);

function classifyAws(inv: Invocation): CommandClass[] {
  const pos = positionalValues(inv.args, AWS_GLOBAL_VALUED);
  const [service, op] = pos;
  if (service === 'ecs' && op === 'update-service') {
    return [c('deploy', 'aws ecs update-service', optionValues(inv.args, ['--cluster', '--service']))];
  }
  // Registering a task definition runs nothing: the API validates it and stores a revision no service uses yet.
  if (service === 'ecs' && op === 'register-task-definition') {
    return [c('validation', 'aws ecs register-task-definition')];
  }
  if (service === 'lambda' && op === 'update-function-code') {
    return [c('deploy', 'aws lambda update-function-code', optionValues(inv.args, ['--function-name']))];
  }
  if (service === 'rds' && (op === 'create-db-snapshot' || op === 'create-db-cluster-snapshot')) {
    return [c('backup', `aws rds ${op}`)];
  }
  return [];
}

function classifyGcloud(inv: Invocation): CommandClass[] {
  const pos = positionalValues(inv.args, new Set(['--project', '--region', '--image', '--format', '--account']));
  const words = pos[0] === 'beta' || pos[0] === 'alpha' ? pos.slice(1) : pos;
  const [group, a, b] = words;
  const targets = [...words.slice(2), ...optionValues(inv.args, ['--project'])];
  // `--no-traffic` starts a revision that serves nobody until traffic moves to it: a pre-flight, not a release.
  if (group === 'run' && a === 'deploy' && hasFlag(inv.args, '--no-traffic')) {
    return [c('validation', 'gcloud run deploy --no-traffic', targets)];
  }
  if (group === 'run' && a === 'deploy') return [c('deploy', 'gcloud run deploy', targets)];
  if (group === 'app' && a === 'deploy') return [c('deploy', 'gcloud app deploy', targets)];
  if (group === 'run' && a === 'services' && b === 'update-traffic' && hasFlag(inv.args, '--to-revisions')) {
    return [c('rollback', 'gcloud run services update-traffic', targets)];
  }
  if (group === 'run' && a === 'services' && b === 'update-traffic') {
    return [c('deploy', 'gcloud run services update-traffic', targets)];
  }
  if (group === 'sql' && a === 'backups' && b === 'create') return [c('backup', 'gcloud sql backups create')];
  if (group === 'sql' && a === 'export') return [c('backup', 'gcloud sql export')];
  return [];
}

function classifyDocker(inv: Invocation): CommandClass[] {
  const g = globalDockerOptions(inv.args);
  const args = inv.args.slice(g.next);
  const remote = inv.remote || g.remote;
  const [s, t] = args;
  if (s === 'build' || (s === 'image' && t === 'build')) return [c('image-build', 'docker build')];
  if (s === 'buildx' && (t === 'build' || t === 'b' || t === 'bake')) return [c('image-build', `docker buildx ${t}`)];
  if (s === 'compose') return classifyCompose({ ...inv, remote }, 'docker compose', args.slice(1));
  return [];
}

const COMPOSE_VALUED = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--env-file',
  '--profile',
  '--project-directory',
]);

function classifyCompose(inv: Invocation, label: string, args: (string | undefined)[]): CommandClass[] {
  const remote = inv.remote || globalDockerOptions(args).remote;
  const pos = positionalValues(args, COMPOSE_VALUED);
  const targets = optionValues(args, ['-f', '--file', '-p', '--project-name', '--env-file']);
  if (pos[0] === 'config') return [c('validation', `${label} config`, targets)];
  // A local `compose up` starts test dependencies; only a remote engine makes it a deploy.
  if (pos[0] === 'up' && remote) return [c('deploy', `${label} up`, targets)];
  return [];
}

function classifyPodman(inv: Invocation): CommandClass[] {
  const [s, t] = positionalValues(inv.args);
  if (s === 'build' || (s === 'image' && t === 'build')) return [c('image-build', 'podman build')];
  return [];
}

function classifyKo(inv: Invocation): CommandClass[] {
  const s = sub(inv);
  if (s === 'build' || s === 'publish') return [c('image-build', `ko ${s}`)];
  if (s === 'apply')
    return [c('image-build', 'ko apply'), c('deploy', 'ko apply', optionValues(inv.args, ['-f', '--filename']))];
  return [];
}

function classifyArgocd(inv: Invocation): CommandClass[] {
  const pos = positionalValues(inv.args, new Set(['--server', '--auth-token', '--grpc-web-root-path', '--revision']));
  if (pos[0] !== 'app') return [];
  const targets = pos.slice(2);
  if (pos[1] === 'sync') return [c('deploy', 'argocd app sync', targets)];
  if (pos[1] === 'rollback') return [c('rollback', 'argocd app rollback', targets)];
  if (pos[1] === 'diff') return [c('validation', 'argocd app diff', targets)];
  return [];
}

/** Trivy subcommands that scan something (not `server`, `plugin`, `version` …). */
const TRIVY_SCANS = new Set([
  'image',
  'i',
  'fs',
  'filesystem',
  'config',
  'conf',
  'repo',
  'repository',
  'rootfs',
  'k8s',
  'kubernetes',
  'sbom',
  'vm',
]);

function classifyTrivy(inv: Invocation): CommandClass[] {
  const s = positionalValues(inv.args, new Set(['--cache-dir', '-f', '--format', '-o', '--output', '--timeout']))[0];
  return s !== undefined && TRIVY_SCANS.has(s) ? [c('trivy', `trivy ${s}`)] : [];
}

/** Package scripts that apply migrations: `migrate`, `db:migrate`, `migrate:deploy` — not `migrate:create`. */
function isMigrationScript(name: string): boolean {
  const parts = name.split(':');
  if (!parts.some((p) => p === 'migrate' || p === 'migration' || p === 'migrations')) return false;
  return !parts.some((p) => /^(make|create|generate|new|status|rollback|down|undo|reset|revert)$/.test(p));
}

function classifyPackageScript(inv: Invocation, tool: string): CommandClass[] {
  const pos = positionalValues(
    inv.args,
    new Set(['--prefix', '-w', '--workspace', '--filter', '-C', '--cwd', '--dir']),
  );
  const script = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : tool === 'npm' ? undefined : pos[0];
  if (script === undefined || !isMigrationScript(script)) return [];
  return [c('migration', `${tool} run ${script}`)];
}
