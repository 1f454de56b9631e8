/**
 * The guard's rule IDs with their documentation. These are not review rules (they judge a command line,
 * not a file) and have their own `GRD` family; docs/guard.md is rendered from this table (src/guard/docs.ts)
 * and a test fails when they drift apart.
 */
import type { GuardDecisionKind, Judgement } from './types.js';

export interface GuardRule {
  id: string;
  slug: string;
  title: string;
  /** The decisions the rule can take, and when (one line each). */
  decisions: string[];
  rationale: string;
  /** The validation to run first, in general; judgements name the exact command when they can. */
  validateFirst?: string;
  rollback?: string;
}

export const GUARD_RULES = [
  {
    id: 'GRD000',
    slug: 'no-risk-found',
    title: 'No destructive or production-changing command',
    decisions: ['allow: read-only and validation commands, and everything no other rule matches'],
    rationale:
      'The guard asks only where a mistake is expensive; everything else runs through the normal permission flow.',
  },
  {
    id: 'GRD001',
    slug: 'terraform-destroy',
    title: 'Terraform destroy',
    decisions: ['deny: `terraform|tofu|terragrunt destroy`, `apply -destroy`'],
    rationale:
      'Destroying infrastructure deletes databases, buckets and volumes along with the compute; much of it cannot ' +
      'be recreated with its data.',
    validateFirst: '`terraform plan -destroy` and read every resource it would delete',
    rollback: 'None for data: restore databases and volumes from snapshots, then `terraform apply` the configuration.',
  },
  {
    id: 'GRD002',
    slug: 'terraform-auto-approve-without-plan',
    title: 'Terraform apply -auto-approve without a saved plan',
    decisions: ['deny: `terraform apply -auto-approve` with no plan file'],
    rationale:
      'Nobody sees what is applied: the plan is computed and executed in one step, so a drifted state or a wrong ' +
      'workspace changes real infrastructure unreviewed.',
    validateFirst: '`terraform plan -out=tfplan`, review it, then `terraform apply tfplan`',
    rollback: 'Revert the configuration change and apply again; restore replaced stateful resources from snapshots.',
  },
  {
    id: 'GRD003',
    slug: 'kubectl-mass-delete',
    title: 'Deleting a namespace, a CRD, or everything of a kind',
    decisions: [
      'deny: `kubectl|oc delete namespace|ns|project|crd …`, `kubectl delete … --all`, `-A`/`--all-namespaces`',
    ],
    rationale:
      'A namespace or CRD deletion cascades to every object in it (PVCs included); `--all` removes every object of ' +
      'the kind. Kubernetes has no undelete.',
    validateFirst: '`kubectl get <kind> -n <namespace>` (or `kubectl delete … --dry-run=server`) to list what goes',
    rollback:
      'Re-apply the manifests from Git (or let GitOps resync) and restore volumes from backups (e.g. `velero restore`).',
  },
  {
    id: 'GRD004',
    slug: 'helm-uninstall-protected',
    title: 'Helm uninstall against a protected context',
    decisions: ['deny: `helm uninstall|delete` whose context, namespace or release matches the production pattern'],
    rationale:
      'Uninstalling a production release removes its Deployments, Services and often its PVCs and secrets: an ' +
      'outage at best, data loss at worst.',
    validateFirst: '`helm status <release>` and `helm get manifest <release>` to see what would be removed',
    rollback:
      '`helm install` the release again from the same chart version and values; restore data from backups. ' +
      '(`--keep-history` keeps `helm rollback` possible.)',
  },
  {
    id: 'GRD005',
    slug: 'docker-volume-data-loss',
    title: 'Removing Docker volumes',
    decisions: [
      'deny: `docker system prune -a|--volumes`, `docker volume rm|prune`, `docker compose down -v|--volumes`',
    ],
    rationale: 'Named volumes hold databases and uploads; removed volumes cannot be recovered.',
    validateFirst: '`docker volume ls` and `docker system df -v` to see what would be removed',
    rollback: 'Restore the volume contents from a backup (`docker run --rm -v vol:/data … tar x`); there is no undo.',
  },
  {
    id: 'GRD006',
    slug: 'recursive-delete-of-root-or-home',
    title: 'Recursive delete of /, ~, $HOME, ., .., * or a system directory',
    decisions: ['deny: `rm -r`/`rm -rf` of `/`, `/*`, `~`, `$HOME`, `.`, `..`, `*`, `/etc`, `/usr` …'],
    rationale: 'One expansion away from wiping the machine, the home directory or the whole working tree.',
    validateFirst: '`ls` the exact paths and delete them by name',
    rollback: 'Restore from backups or version control; `rm` has no trash.',
  },
  {
    id: 'GRD007',
    slug: 'cloud-data-destruction',
    title: 'Irreversible cloud deletions',
    decisions: [
      'deny: `aws s3 rb --force`, `aws s3 rm --recursive s3://bucket`, `aws rds delete-db-instance|delete-db-cluster ' +
        '--skip-final-snapshot`, `aws eks delete-cluster`, `aws dynamodb delete-table`, `gcloud projects delete`, ' +
        '`gcloud sql instances delete`, `gcloud sql databases delete`, `gcloud container clusters delete`, ' +
        '`gcloud storage rm -r gs://bucket`, `gsutil rm -r gs://bucket`, `az group delete`, `az aks delete`, ' +
        '`az sql db|server delete`',
    ],
    rationale:
      'These delete data or whole environments with no snapshot to come back to; most are not recoverable at all.',
    validateFirst: 'Describe the resource and take a snapshot or export first (`aws rds create-db-snapshot`, …)',
    rollback: 'Restore from the snapshot or export taken beforehand; without one there is none.',
  },
  {
    id: 'GRD008',
    slug: 'sql-drop-or-truncate',
    title: 'DROP DATABASE / DROP TABLE / TRUNCATE',
    decisions: [
      'deny: `DROP DATABASE|SCHEMA|TABLE`, `TRUNCATE` sent through `psql -c`, `mysql -e`, `sqlite3`, a heredoc or ' +
        'a pipe; `dropdb`, `mysqladmin drop`, `redis-cli flushall|flushdb`, `mongosh --eval` dropping data',
    ],
    rationale: 'Drops and truncations are not transactional in most setups and remove data for good.',
    validateFirst: 'Take a backup first (`pg_dump`, `mysqldump`) and run the statement on a copy',
    rollback: 'Restore the table or database from the backup.',
  },
  {
    id: 'GRD009',
    slug: 'force-push-protected-branch',
    title: 'Force-push to (or delete) main/master',
    decisions: [
      'deny: `git push --force|-f|--force-with-lease|+refspec|--mirror` or a deletion targeting `main`, `master` ' +
        'or a production-named branch (the current branch when no refspec is given)',
    ],
    rationale:
      "Rewriting the shared default branch loses other people's commits and breaks every clone; `--force-with-lease` " +
      'only protects against one race, not against rewriting history everyone builds on.',
    validateFirst: '`git log origin/<branch>..HEAD` and `git log HEAD..origin/<branch>` to see what would be lost',
    rollback:
      'Push the previous tip back (`git reflog` on a clone that has it, then `git push origin <sha>:<branch>`).',
  },
  {
    id: 'GRD010',
    slug: 'download-piped-to-shell',
    title: 'Download piped into a shell',
    decisions: ['deny: `curl … | sh`, `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(curl …)"`'],
    rationale: 'Runs code nobody has read or verified; a compromised or truncated download runs with your privileges.',
    validateFirst: 'Download to a file, verify its checksum or signature, read it, then run it',
    rollback: 'Depends on what the script did; inspect it afterwards and undo its changes by hand.',
  },
  {
    id: 'GRD011',
    slug: 'terraform-apply-unreviewed',
    title: 'Terraform apply without a reviewed plan',
    decisions: [
      'ask: `terraform apply` with no plan file; a saved plan applied to a protected workspace or directory',
      'allow: a saved plan (`terraform apply tfplan`) outside production',
    ],
    rationale: 'Apply changes real infrastructure; only a saved, reviewed plan applies exactly what was reviewed.',
    validateFirst: '`terraform plan -out=tfplan` and review it',
    rollback: 'Revert the configuration and apply again; restore replaced stateful resources from snapshots.',
  },
  {
    id: 'GRD012',
    slug: 'terraform-state-change',
    title: 'Terraform state surgery',
    decisions: [
      'ask: `terraform state rm|mv|push|replace-provider`, `force-unlock`, `import`, `taint`, `untaint`, ' +
        '`refresh`, `workspace delete`',
    ],
    rationale: 'Editing state by hand can orphan or duplicate real resources; `force-unlock` can let two applies race.',
    validateFirst: '`terraform state pull > state-backup.tfstate` first',
    rollback: '`terraform state push state-backup.tfstate` (with the backup taken before).',
  },
  {
    id: 'GRD013',
    slug: 'kubectl-mutation',
    title: 'Changing a cluster with kubectl',
    decisions: [
      'ask: `kubectl apply|create|delete|patch|scale|replace|edit|set|label|annotate|drain|cordon|taint|rollout ' +
        'restart|undo …` against a protected context, namespace or manifest path, or with no prior ' +
        '`kubectl diff`/`--dry-run` of the same target in the same command line',
      'allow: the same after a `kubectl diff` or `--dry-run` of the same target, outside production',
    ],
    rationale:
      'A cluster change is live at once; a diff or server-side dry run shows what changes before it does, and ' +
      'production needs a human to confirm.',
    validateFirst: '`kubectl diff -f <file>` or the same command with `--dry-run=server`',
    rollback: '`kubectl rollout undo deployment/<name>`, or re-apply the previous manifest from Git.',
  },
  {
    id: 'GRD014',
    slug: 'helm-release-change',
    title: 'Changing a Helm release',
    decisions: [
      'ask: `helm install|upgrade` without `--atomic`/`--rollback-on-failure`, or against a protected ' +
        'context/namespace/release/values file; `helm rollback`; `helm uninstall` outside production',
      'allow: `helm install|upgrade --atomic` outside production',
    ],
    rationale: 'A failed upgrade without `--atomic` leaves a half-applied release; production changes need a human.',
    validateFirst: '`helm diff upgrade <release> <chart> -f <values>` (or `helm template` / `--dry-run`)',
    rollback: '`helm rollback <release>` to the previous revision (`helm history <release>`).',
  },
  {
    id: 'GRD015',
    slug: 'migration-without-backup',
    title: 'Database migration without a backup',
    decisions: [
      'ask: a migration (the GHA010 list: `prisma migrate deploy`, `alembic upgrade`, `flyway migrate`, …) with no ' +
        'backup earlier in the same command line',
      'allow: the same after `pg_dump`, `mysqldump`, `aws rds create-db-snapshot`, `gcloud sql backups create` …',
    ],
    rationale: 'Migrations are often irreversible; a backup taken just before is the way back.',
    validateFirst: 'Take a backup or snapshot first (`pg_dump -Fc …`, `aws rds create-db-snapshot …`)',
    rollback: 'Restore the backup, then redeploy the previous application version.',
  },
  {
    id: 'GRD016',
    slug: 'cloud-mutation',
    title: 'Mutating cloud CLI calls',
    decisions: [
      'ask: `aws … delete-*|terminate-*|remove-*|deregister-*|update-service|update-function-code|deploy|' +
        'execute-change-set`, `aws s3 rm|rb`, `aws s3 sync --delete`; `gcloud … delete|deploy`; `az … delete|deploy`',
    ],
    rationale: 'These change or remove live cloud resources outside of infrastructure as code.',
    validateFirst: 'Describe the target first; prefer the change through Terraform with a reviewed plan',
    rollback: 'Recreate or redeploy the previous version; restore data from snapshots.',
  },
  {
    id: 'GRD017',
    slug: 'production-compose-up',
    title: 'docker compose up with a production compose file',
    decisions: ['ask: `docker compose … up` whose compose file, env file or project matches the production pattern'],
    rationale: 'Starting the production stack from a workstation bypasses the deploy pipeline and its checks.',
    validateFirst: '`docker compose -f <file> config` to see the resolved configuration',
    rollback: '`docker compose -f <file> down` (without `-v`), then redeploy the previous version.',
  },
  {
    id: 'GRD018',
    slug: 'force-push',
    title: 'Force-push to a branch',
    decisions: [
      'ask: a force-push to any branch other than main/master/production, or to a branch the guard cannot tell',
    ],
    rationale: 'Rewriting a pushed branch loses commits others may have pulled.',
    validateFirst: '`git log origin/<branch>..HEAD` and `git log HEAD..origin/<branch>`',
    rollback: '`git push --force origin <previous-sha>:<branch>` with the old tip from the reflog.',
  },
  {
    id: 'GRD019',
    slug: 'destructive-sql-statement',
    title: 'Destructive SQL statement',
    decisions: [
      'ask: `DELETE`/`UPDATE` without `WHERE`, `DROP INDEX|VIEW|…`, `ALTER TABLE … DROP` sent to a database client',
    ],
    rationale: 'Unbounded deletes and updates, and dropped columns, are hard to undo without a backup.',
    validateFirst: 'Run the matching `SELECT count(*)` first, inside a transaction, and take a backup',
    rollback: 'Restore the affected rows or columns from the backup.',
  },
  {
    id: 'GRD020',
    slug: 'recursive-delete-of-variable-path',
    title: 'Recursive delete of a path that is only a variable',
    decisions: ['ask: `rm -rf "$DIR"/`, `rm -rf "$DIR"/*`, `rm -rf ${DIR}/` — with `DIR` empty that is `/` or `/*`'],
    rationale:
      'An unset variable turns the path into `/` (the Steam installer bug). `${DIR:?}` makes the shell stop instead.',
    validateFirst: 'Use `"${DIR:?}"/…` so an empty variable aborts, and `echo` the path first',
    rollback: 'Restore from backups; `rm` has no trash.',
  },
  {
    id: 'GRD030',
    slug: 'opaque-command',
    title: 'Command the guard cannot see',
    decisions: [
      'ask: `eval`, `sh -c`, `ssh host …` or `xargs` of text only known at run time (`eval "$CMD"`), or a command ' +
        'name that is itself an expansion (`$TOOL delete …`)',
    ],
    rationale: 'The guard fails closed: what it cannot read, a human confirms.',
    validateFirst: 'Print the expanded command (`echo "$CMD"`) and run it directly',
  },
  {
    id: 'GRD031',
    slug: 'unparseable-command',
    title: 'Command that does not parse',
    decisions: [
      'ask: a shell syntax error (unterminated quote, unbalanced parenthesis …), a command line over 256 KiB, or ' +
        'an internal failure of the guard',
    ],
    rationale: 'A command the parser cannot read cannot be judged; the guard fails closed rather than open.',
    validateFirst: "Fix the quoting; `bash -n -c '<command>'` checks the syntax without running it",
  },
  {
    id: 'GRD090',
    slug: 'policy-deny',
    title: 'Denied by the project policy',
    decisions: ['deny: a simple command matches a `guard.deny` pattern of `.proagent-devops.yaml`'],
    rationale: 'The project forbids this command; the pattern and its reason live in the project configuration.',
  },
  {
    id: 'GRD091',
    slug: 'policy-allow',
    title: 'Allowed by the project policy',
    decisions: [
      'allow: a command the guard would ask for matches a `guard.allow` pattern; a built-in deny only when the ' +
        'pattern is anchored (`^name …$`) and names the command',
    ],
    rationale: 'The project has decided this command is routine; the verdict keeps the rule it overrode in its reason.',
  },
] as const satisfies readonly GuardRule[];

export type GuardRuleId = (typeof GUARD_RULES)[number]['id'];

const BY_ID = new Map<string, GuardRule>(GUARD_RULES.map((r) => [r.id, r]));

export function guardRule(id: GuardRuleId): GuardRule {
  return BY_ID.get(id) as GuardRule;
}

export interface JudgementDetails {
  validateFirst?: string | undefined;
  rollback?: string | undefined;
}

/**
 * A judgement of `id` with a specific reason. Validation and rollback default to the rule's general advice;
 * judges pass the exact commands when they know the target.
 */
export function judgement(
  id: GuardRuleId,
  decision: GuardDecisionKind,
  reason: string,
  details: JudgementDetails = {},
): Judgement {
  const rule = guardRule(id);
  const out: Judgement = { decision, ruleId: id, reason };
  const validateFirst = details.validateFirst ?? rule.validateFirst;
  const rollback = details.rollback ?? rule.rollback;
  if (validateFirst !== undefined) out.validateFirst = validateFirst;
  if (rollback !== undefined) out.rollback = rollback;
  return out;
}
