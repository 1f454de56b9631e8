import { defineRule } from '../../core/rule.js';
import { githubWorkflow, jobActivities, upstreamJobs } from '../../models/github-actions.js';

export const rule = defineRule({
  id: 'GHA010',
  title: 'Back up the database before migrating',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['github-workflow', 'github-action'],
  rationale:
    'Schema migrations are often irreversible (dropped columns, rewritten data); a backup or snapshot taken ' +
    'just before is the only way back when a migration goes wrong in production.',
  fix:
    'Add a step before the migration that takes a backup or snapshot: `pg_dump`, `mysqldump`, ' +
    '`aws rds create-db-snapshot`, `gcloud sql backups create` (or a step named "Backup …" that does it).',
  rollback: 'Restore the pre-migration backup or snapshot, then redeploy the previous application version.',
  notes:
    'Migrations: `prisma migrate deploy`, `alembic upgrade`, `flyway migrate`, `liquibase update`, `rails|rake ' +
    'db:migrate`, `knex migrate:latest`, `sequelize db:migrate`, `goose up`, `migrate … up`, `dbmate up`, ' +
    '`atlas migrate apply`, `diesel migration run`, `mix ecto.migrate`, `manage.py migrate`, `artisan migrate`, ' +
    'and package scripts such as `npm run migrate` / `db:migrate` (also through npx, bundle exec, python -m, ' +
    'docker run). Backups: `pg_dump(all)`, `pg_basebackup`, `mysqldump`, `mariadb-dump`, `mongodump`, ' +
    '`aws rds create-db(-cluster)-snapshot`, `gcloud sql backups create|export`, `velero backup create`, or a ' +
    'step whose name says backup/snapshot — earlier in the job or in a job it `needs`.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    for (const job of workflow.jobs) {
      const own = jobActivities(job);
      const upstreamBackup = upstreamJobs(workflow, job).some((j) =>
        jobActivities(j).some((a) => a.category === 'backup'),
      );
      for (const migration of own.filter((a) => a.category === 'migration')) {
        if (upstreamBackup || own.some((a) => a.category === 'backup' && a.start < migration.start)) continue;
        ctx.report({
          range: migration.range,
          message: `\`${migration.label}\` runs with no backup or snapshot step before it.`,
        });
      }
    }
  },
});
