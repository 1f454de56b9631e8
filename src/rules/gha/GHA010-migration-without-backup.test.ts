import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA010-migration-without-backup.js';

const wf = (jobs: string) => `on: push\npermissions: {}\njobs:\n${jobs}`;
const job = (id: string, steps: string, extra = '') =>
  `  ${id}:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'pg_dump before prisma migrate deploy in the same job',
      files: {
        '.github/workflows/db.yml': wf(
          job(
            'migrate',
            '      - run: pg_dump -Fc "$DATABASE_URL" > pre.dump\n      - run: npx prisma migrate deploy\n',
          ),
        ),
      },
    },
    {
      name: 'RDS snapshot in a needed job; a step named "Backup database" counts whatever it runs',
      files: {
        '.github/workflows/db.yml': wf(
          `${job('snapshot', '      - run: aws rds create-db-snapshot --db-instance-identifier shop --db-snapshot-identifier pre-$GITHUB_SHA\n')}${job('migrate', '      - run: alembic upgrade head\n', '    needs: snapshot\n')}`,
        ),
        '.github/workflows/other.yml': wf(
          job(
            'migrate',
            '      - name: Backup database\n        run: ./scripts/backup.sh\n      - run: npm run migrate\n',
          ),
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'migration with the backup only after it (the later flyway migration is covered by that backup)',
      files: {
        '.github/workflows/db.yml': wf(
          job(
            'migrate',
            '      - run: |\n          bundle exec rails db:migrate\n          pg_dump shop > after.sql\n      - name: Apply\n        run: flyway -url="$JDBC_URL" migrate\n',
          ),
        ),
      },
      errors: [
        {
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 39,
          message: '`rails db:migrate` runs with no backup or snapshot step before it.',
        },
      ],
    },
    {
      name: 'a composite action that migrates',
      files: {
        '.github/actions/migrate/action.yml':
          'name: migrate\nruns:\n  using: composite\n  steps:\n    - run: npx knex migrate:latest\n      shell: bash\n',
      },
      errors: [{ line: 5, column: 12, endLine: 5, endColumn: 35, message: /^`knex migrate:latest` runs/ }],
    },
  ],
});
