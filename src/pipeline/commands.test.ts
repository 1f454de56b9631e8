import { describe, expect, it } from 'vitest';
import { parseShell } from '../parsers/shell.js';
import { classifyAction, classifyScript, isRollbackCommand } from './commands.js';

/** `category:label` of every classification of a script, in order. */
function kinds(script: string): string[] {
  return classifyScript(parseShell(script)).map((c) => `${c.category}:${c.label}`);
}

describe('classifyScript', () => {
  it.each([
    ['kubectl apply -f k8s/ -n prod', ['deploy:kubectl apply']],
    ['kubectl -n prod replace -f x.yaml', ['deploy:kubectl replace']],
    ['kubectl set image deployment/api api=shop/api:1.2.3', ['deploy:kubectl set image']],
    ['kubectl rollout restart deployment/api', ['deploy:kubectl rollout restart']],
    ['helm upgrade --install api ./chart -n prod', ['deploy:helm upgrade']],
    ['sudo -E terraform -chdir=infra apply -auto-approve', ['deploy:terraform apply']],
    ['terragrunt run-all apply', ['deploy:terragrunt apply']],
    ['pulumi up --yes -s prod', ['deploy:pulumi up']],
    ['aws --region eu-west-1 ecs update-service --cluster c --service s', ['deploy:aws ecs update-service']],
    [
      'aws lambda update-function-code --function-name f --zip-file fileb://f.zip',
      ['deploy:aws lambda update-function-code'],
    ],
    ['gcloud run deploy api --image gcr.io/p/api:1', ['deploy:gcloud run deploy']],
    ['gcloud beta app deploy app.yaml', ['deploy:gcloud app deploy']],
    [
      'gcloud run services update-traffic api --region eu --to-tags candidate=100',
      ['deploy:gcloud run services update-traffic'],
    ],
    ['flux reconcile kustomization apps --with-source', ['deploy:flux reconcile']],
    ['argocd app sync shop-prod', ['deploy:argocd app sync']],
  ])('deploy: %s', (script, expected) => {
    expect(kinds(script)).toEqual(expected);
  });

  it.each([
    ['terraform plan -out tf.plan', ['validation:terraform plan']],
    ['terraform validate', ['validation:terraform validate']],
    [
      'gcloud run deploy api --image gcr.io/p/api:1 --no-traffic --tag candidate',
      ['validation:gcloud run deploy --no-traffic'],
    ],
    [
      'aws ecs register-task-definition --cli-input-json file://next.json',
      ['validation:aws ecs register-task-definition'],
    ],
    ['kubectl diff -f k8s/', ['validation:kubectl diff']],
    ['kubectl apply --dry-run=server -f k8s/', ['validation:kubectl apply --dry-run']],
    ['kubectl set image deploy/api api=x:2 --dry-run=server', ['validation:kubectl set image --dry-run']],
    ['helm lint ./chart', ['validation:helm lint']],
    ['helm template api ./chart', ['validation:helm template']],
    ['helm diff upgrade api ./chart', ['validation:helm diff']],
    ['helm upgrade api ./chart --dry-run=server', ['validation:helm upgrade --dry-run']],
    ['kustomize build overlays/prod', ['validation:kustomize build']],
    ['docker compose -f compose.prod.yml config -q', ['validation:docker compose config']],
  ])('validation, never deploy: %s', (script, expected) => {
    expect(kinds(script)).toEqual(expected);
  });

  it.each([
    ['docker build -t shop/api:1 api', ['image-build:docker build']],
    ['docker buildx build --push -t x .', ['image-build:docker buildx build']],
    ['docker image build .', ['image-build:docker build']],
    ['podman build -t x .', ['image-build:podman build']],
    ['buildah bud -t x .', ['image-build:buildah bud']],
    ['/kaniko/executor --context . --destination x', ['image-build:kaniko']],
    ['ko build ./cmd/api', ['image-build:ko build']],
  ])('image build: %s', (script, expected) => {
    expect(kinds(script)).toEqual(expected);
  });

  it('Trivy and secret scanners, directly and through docker run; the SEC005 list decides scanners', () => {
    expect(kinds('trivy image --exit-code 1 shop/api:1')).toEqual(['trivy:trivy image']);
    // `trivy fs` scans secrets by default (scanners.ts), so it is both.
    expect(kinds('trivy --quiet fs .')).toEqual(['trivy:trivy fs', 'secret-scan:trivy']);
    expect(kinds('docker run --rm -v "$PWD:/src" aquasec/trivy:0.57.1 image app:1')).toEqual(['trivy:trivy image']);
    expect(kinds('docker run --rm zricethezav/gitleaks:v8.21.2 detect --source .')).toEqual(['secret-scan:gitleaks']);
    expect(kinds('npx secretlint "**/*"')).toEqual(['secret-scan:secretlint']);
    expect(kinds('trivy --version')).toEqual([]);
    // Mentioning a scanner is not running it.
    expect(kinds('echo "run gitleaks before pushing"')).toEqual([]);
  });

  it.each([
    ['npx prisma migrate deploy', 'migration:prisma migrate deploy'],
    ['alembic upgrade head', 'migration:alembic upgrade'],
    ['python -m alembic upgrade head', 'migration:alembic upgrade'],
    ['flyway -url=jdbc:postgresql://db/shop migrate', 'migration:flyway migrate'],
    ['liquibase --changelog-file=c.xml update', 'migration:liquibase update'],
    ['bundle exec rails db:migrate', 'migration:rails db:migrate'],
    ['npx knex migrate:latest', 'migration:knex migrate:latest'],
    ['npx sequelize-cli db:migrate', 'migration:sequelize db:migrate'],
    ['goose -dir db postgres "$DSN" up', 'migration:goose up'],
    ['migrate -path db/migrations -database "$DB_URL" up', 'migration:migrate up'],
    ['dbmate up', 'migration:dbmate up'],
    ['npm run migrate', 'migration:npm run migrate'],
    ['yarn db:migrate', 'migration:yarn run db:migrate'],
    ['python manage.py migrate', 'migration:manage.py migrate'],
    ['docker run --rm flyway/flyway:10 migrate', 'migration:flyway migrate'],
  ])('migration: %s', (script, expected) => {
    expect(kinds(script)).toEqual([expected]);
  });

  it('scripts that create or roll back migrations are not migrations', () => {
    expect(kinds('npm run migrate:create add_users')).toEqual([]);
    expect(kinds('npm run migration:generate')).toEqual([]);
    expect(kinds('npx prisma migrate dev')).toEqual([]);
  });

  it.each([
    ['pg_dump -Fc shop > shop.dump', 'backup:pg_dump'],
    ['mysqldump --single-transaction shop > shop.sql', 'backup:mysqldump'],
    [
      'aws rds create-db-snapshot --db-instance-identifier shop --db-snapshot-identifier pre',
      'backup:aws rds create-db-snapshot',
    ],
    ['gcloud sql backups create --instance shop', 'backup:gcloud sql backups create'],
  ])('backup: %s', (script, expected) => {
    expect(kinds(script)).toEqual([expected]);
  });

  it('rollbacks, and which classifications roll back', () => {
    const all = classifyScript(
      parseShell(
        'helm rollback api\nkubectl rollout undo deployment/api\nargocd app rollback shop\nkubectl rollout status deployment/api',
      ),
    );
    expect(all.map((c) => `${c.category}:${c.label}`)).toEqual([
      'rollback:helm rollback',
      'rollback:kubectl rollout undo',
      'rollback:argocd app rollback',
    ]);
    const ecs = classifyScript(parseShell('aws ecs update-service --cluster c --service s --task-definition api:41'));
    expect(ecs.map(isRollbackCommand)).toEqual([true]);
    expect(classifyScript(parseShell('kubectl apply -f k8s')).map(isRollbackCommand)).toEqual([false]);
  });

  it('helm --atomic is a deploy that rolls itself back', () => {
    const [atomic] = classifyScript(parseShell('helm upgrade --install api ./chart --atomic --wait'));
    const [plain] = classifyScript(parseShell('helm upgrade --install api ./chart'));
    expect(atomic?.selfRollback).toBe(true);
    expect(plain?.selfRollback).toBeUndefined();
  });

  it('docker compose up is a deploy only against a remote engine', () => {
    expect(kinds('docker compose up -d')).toEqual([]);
    expect(kinds('DOCKER_HOST=ssh://deploy@prod docker compose up -d')).toEqual(['deploy:docker compose up']);
    expect(kinds('docker --context prod compose up -d')).toEqual(['deploy:docker compose up']);
    expect(kinds('export DOCKER_HOST=ssh://deploy@prod\ndocker compose pull\ndocker compose up -d')).toEqual([
      'deploy:docker compose up',
    ]);
    expect(kinds("ssh -i key deploy@prod 'cd /srv/shop && docker compose up -d'")).toEqual([
      'deploy:docker compose up',
    ]);
    expect(classifyScript(parseShell('docker compose up -d'), { remoteDocker: true }).map((c) => c.label)).toEqual([
      'docker compose up',
    ]);
  });

  it('reports deploy targets for prod detection, and the command span', () => {
    const script = parseShell('set -e\nkubectl --context prod-eu apply -n shop-production -f k8s/overlays/prod\n');
    const [deploy] = classifyScript(script);
    expect(deploy?.targets).toEqual(['prod-eu', 'shop-production', 'k8s/overlays/prod']);
    expect(script.text.slice(deploy?.start, deploy?.end)).toBe(
      'kubectl --context prod-eu apply -n shop-production -f k8s/overlays/prod',
    );
  });

  it('looks through wrappers, sh -c and command substitutions', () => {
    expect(kinds('timeout 600 sudo helm upgrade api ./chart')).toEqual(['deploy:helm upgrade']);
    expect(kinds("bash -c 'kubectl apply -f k8s'")).toEqual(['deploy:kubectl apply']);
    expect(kinds('echo "$(terraform plan -no-color)"')).toEqual(['validation:terraform plan']);
  });
});

describe('classifyAction', () => {
  it('recognises build, scan, deploy and validation actions by name, whatever the ref', () => {
    const labels = (uses: string, inputs = {}) => classifyAction(uses, inputs).map((c) => `${c.category}:${c.label}`);
    expect(labels('docker/build-push-action@4f58ea79222b3b9dc2c8bbdd6debcef730109a75')).toEqual([
      'image-build:docker/build-push-action',
    ]);
    expect(labels('aquasecurity/trivy-action@0.28.0')).toEqual(['trivy:aquasecurity/trivy-action']);
    expect(labels('Azure/k8s-deploy@v5', { namespace: 'prod' })).toEqual(['deploy:azure/k8s-deploy']);
    expect(classifyAction('azure/k8s-deploy@v5', { namespace: 'prod' })[0]?.targets).toEqual(['prod']);
    expect(labels('pulumi/actions@v6', { command: 'preview' })).toEqual(['validation:pulumi/actions preview']);
    expect(labels('pulumi/actions@v6', { command: 'up' })).toEqual(['deploy:pulumi/actions up']);
    expect(labels('gitleaks/gitleaks-action@v2')).toEqual(['secret-scan:gitleaks/gitleaks-action']);
    expect(labels('actions/checkout@v4')).toEqual([]);
  });
});
