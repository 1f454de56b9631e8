/** Detection for the infrastructure domains: infrastructure as code, cloud operations, cost. */
import { type TfResource, terraformModel } from '../models/terraform.js';
import { type DetectContext, DomainFindings, unique } from './detect-context.js';

/** Terraform resource type prefixes → the cloud service they manage (the brief's services first). */
const SERVICES: readonly [RegExp, string, string][] = [
  [/^aws_ecs_/, 'AWS', 'ECS'],
  [/^aws_eks_/, 'AWS', 'EKS'],
  [/^aws_lambda_/, 'AWS', 'Lambda'],
  [/^aws_s3_/, 'AWS', 'S3'],
  [/^aws_(db_|rds_)/, 'AWS', 'RDS'],
  [/^aws_elasticache_/, 'AWS', 'ElastiCache'],
  [/^aws_(instance|launch_template|autoscaling_group|ebs_volume)$/, 'AWS', 'EC2'],
  [/^aws_dynamodb_/, 'AWS', 'DynamoDB'],
  [/^aws_(sqs|sns)_/, 'AWS', 'SQS/SNS'],
  [/^aws_ecr_/, 'AWS', 'ECR'],
  [/^aws_cloudfront_/, 'AWS', 'CloudFront'],
  [/^aws_(vpc|subnet|nat_gateway|internet_gateway|route_table|security_group)/, 'AWS', 'VPC'],
  [/^aws_cloudwatch_/, 'AWS', 'CloudWatch'],
  [/^google_container_/, 'GCP', 'GKE'],
  [/^google_cloud_run_/, 'GCP', 'Cloud Run'],
  [/^google_sql_/, 'GCP', 'Cloud SQL'],
  [/^google_storage_/, 'GCP', 'Cloud Storage'],
  [/^google_compute_/, 'GCP', 'Compute Engine'],
  [/^google_pubsub_/, 'GCP', 'Pub/Sub'],
  [/^google_artifact_registry_/, 'GCP', 'Artifact Registry'],
  [/^azurerm_kubernetes_/, 'Azure', 'AKS'],
  [/^azurerm_/, 'Azure', 'resources'],
];

const PROVIDER_NAMES: Readonly<Record<string, string>> = { aws: 'AWS', google: 'GCP', azurerm: 'Azure' };

/** Cloud use outside Terraform: registries, CLI deploys, CI credentials actions, workload identity. */
const CLOUD_MARKERS: readonly [string, RegExp][] = [
  [
    'AWS',
    /\.dkr\.ecr\.[\w-]+\.amazonaws\.com|aws-actions\/|eks\.amazonaws\.com\/role-arn|service:\s*(SecretsManager|ParameterStore)\b|\baws (ecs|eks|lambda|s3|rds|cloudformation)\b/,
  ],
  [
    'GCP',
    /\b(gcr\.io|[\w-]+-docker\.pkg\.dev)\/|google-github-actions\/|iam\.gke\.io\/|^\s+gcpsm:|\bgcloud (run|container|sql|app|functions)\b/m,
  ],
  ['Azure', /\.azurecr\.io\/|azure\/(login|k8s-deploy|webapps-deploy)@|\baz (aks|webapp|containerapp)\b/],
];
const OIDC = /id-token:\s*write|workload_identity_provider|role-to-assume|CI_JOB_JWT|id_tokens:/;
const STATIC_KEYS =
  /\b(AWS_SECRET_ACCESS_KEY|GOOGLE_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS_JSON|GCP_SA_KEY|AZURE_CREDENTIALS|ARM_CLIENT_SECRET)\b/;
const CLOUD_MARKER_KINDS =
  /^(github-workflow|github-action|gitlab-ci|jenkinsfile|k8s|compose|helm-values|kustomization)$/;

function cloudResources(ctx: DetectContext): TfResource[] {
  if (ctx.filesOf('terraform', 'terraform-json').length === 0) return [];
  return terraformModel(ctx.project).modules.flatMap((m) => m.resources.filter((r) => r.mode === 'managed'));
}

export function detectIac(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  const tf = ctx.filesOf('terraform', 'terraform-json', 'tfvars');
  d.add('terraform', 'Terraform configuration', tf);
  d.add('helm-charts', 'Helm charts', ctx.filesOf('helm-chart', 'helm-values', 'helm-template'));
  d.add('kustomize', 'Kustomize bases and overlays', ctx.filesOf('kustomization'));
  d.add('nix-flakes', 'Nix flakes', ctx.pathsMatching(/(^|\/)flake\.nix$/));
  d.add(
    'other-iac',
    'other IaC (Pulumi, CDK, CloudFormation; not reviewed)',
    ctx.pathsMatching(/(^|\/)(Pulumi\.ya?ml|cdk\.json|template\.ya?ml|samconfig\.toml)$/),
  );
  if (tf.length > 0) {
    const modules = terraformModel(ctx.project).modules;
    const roots = modules.filter((m) => m.isRoot);
    const backends = roots.flatMap((m) => m.backends.filter((b) => b.type !== 'local'));
    const types = unique(backends.map((b) => b.type));
    d.add(
      'terraform-roots',
      'Terraform root modules',
      roots.flatMap((m) => m.files.map((f) => f.path)),
      false,
    );
    d.add(
      'terraform-backends',
      `remote state backends (${types.join(', ')})`,
      backends.map((b) => b.file.path),
      false,
    );
    d.add('terraform-locks', 'provider lock files', ctx.pathsMatching(/(^|\/)\.terraform\.lock\.hcl$/), false);
    const lockDirs = new Set(ctx.pathsMatching(/(^|\/)\.terraform\.lock\.hcl$/).map(dirOf));
    const unlocked = roots.filter((m) => !lockDirs.has(m.dir));
    if (unlocked.length > 0) {
      d.gap({
        id: 'no-provider-lock',
        severity: 'info',
        message: `${unlocked.length} Terraform root module(s) without .terraform.lock.hcl: provider versions drift between runs.`,
        fix: 'Run `terraform providers lock -platform=linux_amd64 -platform=darwin_arm64` in each root and commit the file.',
      });
    }
  }
  if (d.artifacts === 0) {
    d.gap({
      id: 'no-iac',
      severity: 'warning',
      message: 'No infrastructure as code: environments are built by hand and cannot be reviewed or recreated.',
      fix: 'Describe the infrastructure in Terraform modules with a remote, locked state per environment.',
      recipe: 'terraform-module',
    });
    return d;
  }
  if (ctx.filesOf('k8s').length > 0 && !d.has('helm-charts') && !d.has('kustomize')) {
    d.gap({
      id: 'no-k8s-packaging',
      severity: 'info',
      message:
        'Raw Kubernetes manifests with no Helm chart or Kustomize overlays: one configuration for every environment.',
      fix: 'Package the manifests as a Kustomize base with dev/staging/prod overlays (or a Helm chart with values per environment).',
      recipe: 'k8s-app',
    });
  }
  return d;
}

export function detectCloud(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  const byService = new Map<string, string[]>();
  for (const r of cloudResources(ctx)) {
    const hit = SERVICES.find(([re]) => re.test(r.type));
    if (!hit) continue;
    const key = `${hit[1]}\u0000${hit[2]}`;
    byService.set(key, [...(byService.get(key) ?? []), r.file.path]);
  }
  const providers = new Map<string, Set<string>>();
  for (const [key, files] of [...byService].sort()) {
    const [provider = '', service = ''] = key.split('\u0000');
    providers.set(provider, new Set([...(providers.get(provider) ?? []), service]));
    d.add(
      `${provider.toLowerCase()}-${service.toLowerCase().replace(/\W+/g, '-')}`,
      `${provider} ${service} (Terraform)`,
      files,
    );
  }
  for (const [provider, re] of CLOUD_MARKERS) {
    const files = ctx.project.files.filter((f) => CLOUD_MARKER_KINDS.test(f.kind) && re.test(f.text));
    d.add(
      `${provider.toLowerCase()}-usage`,
      `${provider} used by pipelines, registries or workload identity`,
      files.map((f) => f.path),
    );
  }
  const described = d.evidence.some((e) => e.label.endsWith('(Terraform)'));
  const providerBlocks = ctx.filesOf('terraform').length > 0 ? terraformProviders(ctx) : [];
  d.add(
    'terraform-providers',
    `cloud providers configured (${providerBlocks.map((p) => p[0]).join(', ')})`,
    providerBlocks.flatMap((p) => p[1]),
  );

  const ci = ctx.project.ofKind('github-workflow', 'github-action', 'gitlab-ci', 'jenkinsfile');
  d.add(
    'ci-oidc',
    'short-lived CI credentials (OIDC, workload identity)',
    ci.filter((f) => OIDC.test(f.text)).map((f) => f.path),
    false,
  );
  const staticKeys = ci.filter((f) => STATIC_KEYS.test(f.text)).map((f) => f.path);
  if (staticKeys.length > 0) {
    d.gap({
      id: 'static-cloud-keys',
      severity: 'warning',
      message: `Pipelines hold long-lived cloud keys (${staticKeys.join(', ')}): a leaked key works until someone rotates it.`,
      fix: 'Federate CI with the cloud (GitHub OIDC + role-to-assume, GCP workload identity federation) and delete the keys.',
      recipe: 'github-actions',
    });
  }
  if (d.artifacts === 0) {
    d.gap({
      id: 'no-cloud',
      severity: 'info',
      message: 'No cloud provider or managed service is described in the repository.',
      fix: 'Describe the cloud resources the services run on (AWS ECS/EKS/RDS, GCP GKE/Cloud Run/Cloud SQL) in Terraform.',
      recipe: 'terraform-module',
    });
  } else if (!described) {
    d.gap({
      id: 'cloud-not-in-code',
      severity: 'warning',
      message:
        'The cloud is used (registries, CLI deploys, credentials) but none of its resources are described in code.',
      fix: 'Import the cloud resources into Terraform so that changes are reviewed, planned and reversible.',
      recipe: 'terraform-module',
    });
  }
  return d;
}

function terraformProviders(ctx: DetectContext): [string, string[]][] {
  const byName = new Map<string, string[]>();
  for (const m of terraformModel(ctx.project).modules) {
    for (const p of m.providers) {
      const name = PROVIDER_NAMES[p.name];
      if (name) byName.set(name, [...(byName.get(name) ?? []), p.file.path]);
    }
  }
  return [...byName].sort();
}

const BUDGET = /^(aws_budgets_budget|google_billing_budget|azurerm_consumption_budget_\w+)$/;
const LIFECYCLE = /^(aws_s3_bucket_lifecycle_configuration|aws_ecr_lifecycle_policy|aws_dlm_lifecycle_policy)$/;
const COST_TOOLS =
  /(^|\/)(infracost\.ya?ml|infracost-usage\.ya?ml|\.infracost\/[^/]+|kubecost[^/]*\.ya?ml|opencost[^/]*\.ya?ml)$/;

export function detectCost(ctx: DetectContext): DomainFindings {
  const d = new DomainFindings();
  const resources = cloudResources(ctx);
  const filesOf = (test: (r: TfResource) => boolean) => resources.filter(test).map((r) => r.file.path);
  d.add(
    'budgets',
    'budgets and cost alerts',
    filesOf((r) => BUDGET.test(r.type)),
  );
  const lifecycle = [
    ...filesOf((r) => LIFECYCLE.test(r.type)),
    ...ctx.project
      .ofKind('terraform')
      .filter((f) => /^\s*lifecycle_rule\s*\{/m.test(f.text))
      .map((f) => f.path),
  ];
  d.add('lifecycle-policies', 'storage lifecycle policies', lifecycle);
  const tf = ctx.project.ofKind('terraform');
  d.add(
    'tag-policy',
    'cost-allocation tags by default (default_tags / default_labels)',
    tf.filter((f) => /^\s*default_(tags|labels)\b/m.test(f.text)).map((f) => f.path),
  );
  d.add(
    'spot',
    'spot / preemptible capacity',
    tf
      .filter((f) =>
        /capacity_type\s*=\s*"SPOT"|\bspot\s*=\s*true|\bpreemptible\s*=\s*true|spot_instance_pools|instance_market_options/.test(
          f.text,
        ),
      )
      .map((f) => f.path),
  );
  d.add(
    'log-retention',
    'log retention limits',
    tf.filter((f) => /retention_in_days\s*=\s*[1-9]/.test(f.text)).map((f) => f.path),
  );
  d.add('k8s-quotas', 'Kubernetes ResourceQuotas and LimitRanges', ctx.objectFiles(['ResourceQuota', 'LimitRange']));
  d.add(
    'autoscaling',
    'autoscaling (HPA, VPA, KEDA)',
    ctx.objectFiles(['HorizontalPodAutoscaler', 'VerticalPodAutoscaler', 'ScaledObject']),
  );
  d.add('cost-tools', 'cost tooling (Infracost, Kubecost, OpenCost)', ctx.pathsMatching(COST_TOOLS));

  const cloud = resources.length > 0;
  if (cloud && !d.has('budgets')) {
    d.gap({
      id: 'no-budget',
      severity: 'warning',
      message: 'Cloud resources without a budget: overspend is found on the invoice, not by an alert.',
      fix: 'Add a monthly budget with 50/80/100% alerts per environment, and default cost-allocation tags.',
      recipe: 'cost-guardrails',
    });
  }
  if (cloud && !d.has('tag-policy')) {
    d.gap({
      id: 'no-default-tags',
      severity: 'info',
      message: 'No provider default tags: cost allocation depends on every resource remembering its tags.',
      fix: 'Set project, environment, team and cost-center once in the provider `default_tags`.',
      recipe: 'cost-guardrails',
    });
  }
  if (d.artifacts === 0) {
    d.gap({
      id: 'no-cost-guardrails',
      severity: cloud ? 'warning' : 'info',
      message: 'No cost guardrails: no budgets, lifecycle policies, quotas or autoscaling are declared.',
      fix: 'Declare budgets with alerts, lifecycle rules for logs and artifacts, and quotas or autoscaling for workloads.',
      recipe: 'cost-guardrails',
    });
  }
  return d;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}
