/**
 * Deploy steps per target for the github-actions recipe: configure access, validate, deploy, and roll
 * back in the same job when a step fails. Values reach scripts through `env:`, never through `${{ }}`
 * inside `run:` (no expression injection, nothing secret echoed).
 */

import { ACTIONS, uses } from '../../pins.js';

export const TARGETS = ['k8s', 'ecs', 'cloudrun', 'compose'] as const;
export type Target = (typeof TARGETS)[number];

export interface DeployContext {
  name: string;
  env: 'staging' | 'prod';
  target: Target;
}

/** Step lines (indented for a job's `steps:`), including checkout. */
export function deploySteps(c: DeployContext): string[] {
  const upper = c.env.toUpperCase();
  const checkout = [`      - uses: ${uses(ACTIONS.checkout)}`, '        with: { persist-credentials: false }'];
  switch (c.target) {
    case 'k8s': {
      const ns = `${c.name}-${c.env}`;
      return [
        ...checkout,
        '      - name: Configure cluster access',
        '        env:',
        `          KUBE_CONFIG: \${{ secrets.KUBE_CONFIG_${upper} }}`,
        '        run: |',
        '          install -m 600 /dev/null "$RUNNER_TEMP/kubeconfig"',
        '          printf \'%s\' "$KUBE_CONFIG" | base64 -d > "$RUNNER_TEMP/kubeconfig"',
        '          echo "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"',
        '      - name: Pin the image digest built above',
        `        working-directory: k8s/overlays/${c.env}`,
        '        env:',
        '          DIGEST: ${{ needs.build.outputs.digest }}',
        '        run: kustomize edit set image "$IMAGE=$IMAGE@$DIGEST"',
        '      - name: Validate (server-side dry run, then diff)',
        '        run: |',
        `          kubectl apply -k k8s/overlays/${c.env} --dry-run=server`,
        `          kubectl diff -k k8s/overlays/${c.env} || [ "$?" -eq 1 ]`,
        '      - name: Deploy',
        '        run: |',
        `          kubectl apply -k k8s/overlays/${c.env}`,
        `          kubectl -n ${ns} rollout status deploy/${c.name} --timeout=5m`,
        '      - name: Roll back on failure',
        '        if: failure()',
        '        run: |',
        `          kubectl -n ${ns} rollout undo deploy/${c.name}`,
        `          kubectl -n ${ns} rollout status deploy/${c.name} --timeout=5m`,
      ];
    }
    case 'ecs':
      return [
        ...checkout,
        `      - uses: ${uses(ACTIONS.awsCredentials)}`,
        '        with:',
        `          role-to-assume: \${{ vars.AWS_DEPLOY_ROLE_ARN_${upper} }}`,
        '          aws-region: ${{ vars.AWS_REGION }}',
        '      - name: Validate (render the task definition and check its hardening)',
        '        id: render',
        '        env:',
        '          CLUSTER: ${{ vars.ECS_CLUSTER }}',
        `          SERVICE: ${c.name}-${c.env}`,
        `          CONTAINER: ${c.name}`,
        '          DIGEST: ${{ needs.build.outputs.digest }}',
        '        run: |',
        '          PREVIOUS=$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \\',
        "            --query 'services[0].taskDefinition' --output text)",
        '          echo "previous=$PREVIOUS" >> "$GITHUB_OUTPUT"',
        '          aws ecs describe-task-definition --task-definition "$PREVIOUS" --query taskDefinition > current.json',
        '          jq --arg img "$IMAGE@$DIGEST" --arg name "$CONTAINER" \\',
        "            '(.containerDefinitions[] | select(.name == $name) | .image) = $img",
        "             | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities, .registeredAt, .registeredBy)' \\",
        '            current.json > next.json',
        '          jq -e --arg name "$CONTAINER" \'.containerDefinitions[] | select(.name == $name)',
        '            | .readonlyRootFilesystem == true and (.privileged // false) == false',
        '            and ((.user // "root") | test("^(root|0)(:|$)") | not)\' next.json',
        '          diff <(jq -S . current.json) <(jq -S . next.json) || true',
        '      - name: Deploy',
        '        env:',
        '          CLUSTER: ${{ vars.ECS_CLUSTER }}',
        `          SERVICE: ${c.name}-${c.env}`,
        '        run: |',
        '          NEXT=$(aws ecs register-task-definition --cli-input-json file://next.json \\',
        '            --query taskDefinition.taskDefinitionArn --output text)',
        '          aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" --task-definition "$NEXT"',
        '          aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"',
        '      - name: Roll back on failure',
        "        if: failure() && steps.render.outputs.previous != ''",
        '        env:',
        '          CLUSTER: ${{ vars.ECS_CLUSTER }}',
        `          SERVICE: ${c.name}-${c.env}`,
        '          PREVIOUS: ${{ steps.render.outputs.previous }}',
        '        run: |',
        '          aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" --task-definition "$PREVIOUS"',
        '          aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"',
      ];
    case 'cloudrun':
      return [
        ...checkout,
        `      - uses: ${uses(ACTIONS.gcpAuth)}`,
        '        with:',
        '          workload_identity_provider: ${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}',
        `          service_account: \${{ vars.GCP_DEPLOY_SERVICE_ACCOUNT_${upper} }}`,
        '      - name: Validate (deploy a candidate revision with no traffic; it must become ready)',
        '        id: candidate',
        '        env:',
        '          PROJECT: ${{ vars.GCP_PROJECT }}',
        '          REGION: ${{ vars.GCP_REGION }}',
        `          SERVICE: ${c.name}-${c.env}`,
        '          DIGEST: ${{ needs.build.outputs.digest }}',
        '        run: |',
        '          PREVIOUS=$(gcloud run services describe "$SERVICE" --project "$PROJECT" --region "$REGION" \\',
        "            --format='value(status.traffic[0].revisionName)')",
        '          echo "previous=$PREVIOUS" >> "$GITHUB_OUTPUT"',
        '          gcloud run deploy "$SERVICE" --project "$PROJECT" --region "$REGION" --image "$IMAGE@$DIGEST" \\',
        '            --no-traffic --tag candidate --quiet',
        '      - name: Deploy (move all traffic to the candidate)',
        '        env:',
        '          PROJECT: ${{ vars.GCP_PROJECT }}',
        '          REGION: ${{ vars.GCP_REGION }}',
        `          SERVICE: ${c.name}-${c.env}`,
        '        run: gcloud run services update-traffic "$SERVICE" --project "$PROJECT" --region "$REGION" --to-tags candidate=100',
        '      - name: Roll back on failure',
        "        if: failure() && steps.candidate.outputs.previous != ''",
        '        env:',
        '          PROJECT: ${{ vars.GCP_PROJECT }}',
        '          REGION: ${{ vars.GCP_REGION }}',
        `          SERVICE: ${c.name}-${c.env}`,
        '          PREVIOUS: ${{ steps.candidate.outputs.previous }}',
        '        run: gcloud run services update-traffic "$SERVICE" --project "$PROJECT" --region "$REGION" --to-revisions "$PREVIOUS=100"',
      ];
    case 'compose': {
      const files = '-f docker-compose.yml -f docker-compose.prod.yml';
      return [
        ...checkout,
        '      - name: Configure SSH to the Docker host',
        '        env:',
        `          SSH_KEY: \${{ secrets.DEPLOY_SSH_KEY_${upper} }}`,
        `          KNOWN_HOSTS: \${{ vars.DEPLOY_KNOWN_HOSTS_${upper} }}`,
        `          DEPLOY_HOST: \${{ vars.DEPLOY_HOST_${upper} }}`,
        '        run: |',
        '          install -m 700 -d ~/.ssh',
        '          install -m 600 /dev/null ~/.ssh/id_deploy',
        '          printf \'%s\\n\' "$SSH_KEY" > ~/.ssh/id_deploy',
        '          printf \'%s\\n\' "$KNOWN_HOSTS" > ~/.ssh/known_hosts',
        '          printf \'Host deploy-target\\n  HostName %s\\n  User deploy\\n  IdentityFile ~/.ssh/id_deploy\\n\' "$DEPLOY_HOST" > ~/.ssh/config',
        '          echo "DOCKER_HOST=ssh://deploy-target" >> "$GITHUB_ENV"',
        '      - name: Validate (render the merged configuration)',
        '        id: current',
        '        env:',
        '          APP_VERSION: sha-${{ github.sha }}',
        `          DB_PASSWORD_FILE: /srv/${c.name}/secrets/db_password`,
        `          CACHE_PASSWORD_FILE: /srv/${c.name}/secrets/cache_password`,
        '        run: |',
        `          docker compose ${files} config --quiet`,
        `          CURRENT=$(docker compose ${files} images api --format json | jq -r '.[0].Tag // empty')`,
        '          echo "previous=$CURRENT" >> "$GITHUB_OUTPUT"',
        '      - name: Deploy',
        '        env:',
        '          APP_VERSION: sha-${{ github.sha }}',
        `          DB_PASSWORD_FILE: /srv/${c.name}/secrets/db_password`,
        `          CACHE_PASSWORD_FILE: /srv/${c.name}/secrets/cache_password`,
        `        run: docker compose ${files} up -d --wait --wait-timeout 300`,
        '      - name: Roll back on failure',
        "        if: failure() && steps.current.outputs.previous != ''",
        '        env:',
        '          APP_VERSION: ${{ steps.current.outputs.previous }}',
        `          DB_PASSWORD_FILE: /srv/${c.name}/secrets/db_password`,
        `          CACHE_PASSWORD_FILE: /srv/${c.name}/secrets/cache_password`,
        `        run: docker compose ${files} up -d --wait --wait-timeout 300`,
      ];
    }
  }
}

/** Repository settings each target needs (printed as "fill in" steps). */
export function targetSettings(target: Target): string[] {
  switch (target) {
    case 'k8s':
      return ['secrets KUBE_CONFIG_STAGING / KUBE_CONFIG_PROD: base64 kubeconfigs of deploy-only service accounts'];
    case 'ecs':
      return [
        'variables AWS_REGION, ECS_CLUSTER, AWS_DEPLOY_ROLE_ARN_STAGING / _PROD: IAM roles trusting GitHub OIDC for this repository',
      ];
    case 'cloudrun':
      return [
        'variables GCP_PROJECT, GCP_REGION, GCP_WORKLOAD_IDENTITY_PROVIDER, GCP_DEPLOY_SERVICE_ACCOUNT_STAGING / _PROD',
      ];
    case 'compose':
      return [
        'secrets DEPLOY_SSH_KEY_STAGING / _PROD; variables DEPLOY_HOST_* and DEPLOY_KNOWN_HOSTS_* (ssh-keyscan output)',
      ];
  }
}
