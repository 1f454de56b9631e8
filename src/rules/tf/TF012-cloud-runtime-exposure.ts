import { redactValue } from '../../core/redact.js';
import { defineRule, type ReportDescriptor } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import { parseImageRef } from '../../models/service-tiers.js';
import { moduleEnvironment, stringsWithRanges, type TfResource, terraformModel } from '../../models/terraform.js';
import { ecsContainers } from '../../models/terraform-docs.js';
import { asBool, asString, mapGet } from '../../models/terraform-eval.js';
import { attribute, blockPath, childBlock, childBlocks, literalString } from '../../parsers/hcl-ast.js';
import { isPlaceholderValue, isSecretLikeName } from '../../secrets/names.js';

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

export const rule = defineRule({
  id: 'TF012',
  title: 'Do not expose cloud runtimes',
  severity: 'warning',
  domain: 'cloud',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'Managed runtimes inherit the same risks as the workloads they run: a public Kubernetes API or SQL ' +
    'endpoint is attacked like any server, a privileged or root container escapes more easily, `:latest` ' +
    'makes deploys unrepeatable, and a secret in a Lambda environment is readable by anyone who can read the ' +
    'function configuration or the state.',
  fix:
    'EKS: `endpoint_public_access = false` or restrict `public_access_cidrs`. GKE: `private_cluster_config` ' +
    'and no legacy ABAC. Cloud Run: invoke through IAM or a load balancer with IAP instead of `allUsers`. ' +
    'Cloud SQL: private IP or named `authorized_networks`. ECS: `privileged: false`, a non-root `user`, ' +
    '`readonlyRootFilesystem: true`, pinned images. Lambda: read secrets from Secrets Manager / SSM at runtime.',
  rollback:
    'Closing an endpoint can cut off CI or operators: add their CIDRs or a private path (VPN, bastion, IAP) ' +
    'first. For ECS, roll back by redeploying the previous task definition revision.',
  peers: [
    'checkov:CKV_AWS_39',
    'checkov:CKV_AWS_38',
    'checkov:CKV_GCP_25',
    'checkov:CKV_GCP_7',
    'checkov:CKV_GCP_11',
    'checkov:CKV_AWS_97',
  ],
  notes:
    'Cloud SQL `0.0.0.0/0` and Lambda secret literals are errors; a Cloud Run `allUsers` invoker is info ' +
    'outside production (public services are often intended). EKS defaults (public endpoint open to ' +
    '`0.0.0.0/0`) count when the attributes are absent. ECS `container_definitions` are read from ' +
    '`jsonencode`, heredoc or string JSON; `file()` and `templatefile()` are not read.',
  check(project, ctx) {
    const model = terraformModel(project);
    for (const module of model.modules) {
      const prod = moduleEnvironment(module, ctx.settings).prod;
      for (const resource of module.resources) {
        if (resource.mode !== 'managed') continue;
        for (const d of findingsOf(resource, prod)) ctx.report({ file: resource.file, ...d });
      }
    }
    for (const c of ecsContainers(model)) {
      const report = (key: string, message: string) =>
        ctx.report({
          file: c.doc.file,
          range: c.doc.rangeAt([...c.path, mapGet(c.value, key) === undefined ? 'name' : key]),
          message: `ECS container \`${c.name ?? c.path[0]}\` in \`${c.taskDefinition.address}\` ${message}.`,
        });
      if (mapGet(c.value, 'privileged') === true) report('privileged', 'is privileged');
      const user = mapGet(c.value, 'user');
      if (typeof user === 'string' && /^(root|0)(:.*)?$/.test(user)) report('user', `runs as \`${user}\``);
      const readOnly = mapGet(c.value, 'readonlyRootFilesystem');
      if (readOnly === undefined || readOnly === false)
        report('readonlyRootFilesystem', 'does not set `readonlyRootFilesystem: true`');
      const image = mapGet(c.value, 'image');
      if (typeof image === 'string') {
        const ref = parseImageRef(image);
        if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) {
          report(
            'image',
            ref.tag === 'latest' ? `uses \`${image}\`: latest is not a version` : `uses \`${image}\` with no tag`,
          );
        }
      }
    }
  },
});

type Finding = Omit<ReportDescriptor, 'file'>;

function findingsOf(resource: TfResource, prod: boolean): Finding[] {
  const { module, block, address } = resource;
  const body = block.body;
  const value = (b: typeof body, name: string) => {
    const a = attribute(b, name);
    return a ? module.value(a.value) : undefined;
  };
  switch (resource.type) {
    case 'aws_eks_cluster': {
      const vpc = childBlock(body, 'vpc_config');
      if (!vpc) return [];
      const publicAttr = attribute(vpc.body, 'endpoint_public_access');
      const cidrsAttr = attribute(vpc.body, 'public_access_cidrs');
      // Provider defaults: public endpoint, open to 0.0.0.0/0.
      const isPublic = publicAttr ? asBool(module.value(publicAttr.value)) : true;
      const open = cidrsAttr ? stringsWithRanges(module, cidrsAttr.value).some((c) => OPEN_CIDRS.has(c.value)) : true;
      if (isPublic !== true || !open) return [];
      return [
        {
          range: publicAttr?.value.range ?? vpc.headRange,
          message: `EKS cluster \`${address}\` has a public API endpoint open to 0.0.0.0/0.`,
        },
      ];
    }
    case 'google_container_cluster': {
      const out: Finding[] = [];
      if (!childBlock(body, 'private_cluster_config')) {
        out.push({
          range: block.headRange,
          message: `GKE cluster \`${address}\` has no \`private_cluster_config\` (public nodes and endpoint).`,
        });
      }
      const abac = attribute(body, 'enable_legacy_abac');
      if (abac && asBool(module.value(abac.value)) === true) {
        out.push({ range: abac.value.range, message: `GKE cluster \`${address}\` enables legacy ABAC.` });
      }
      return out;
    }
    case 'google_cloud_run_service_iam_member':
    case 'google_cloud_run_v2_service_iam_member':
    case 'google_cloud_run_service_iam_binding':
    case 'google_cloud_run_v2_service_iam_binding': {
      if (asString(value(body, 'role')) !== 'roles/run.invoker') return [];
      const members = attribute(body, 'member') ?? attribute(body, 'members');
      const severity: Severity = prod ? 'warning' : 'info';
      return (members ? stringsWithRanges(module, members.value) : [])
        .filter((m) => m.value === 'allUsers')
        .map((m) => ({
          range: m.range,
          severity,
          message: `Cloud Run \`${address}\` lets \`allUsers\` invoke the service.`,
        }));
    }
    case 'google_sql_database_instance': {
      const ip = blockPath(body, ['settings', 'ip_configuration']);
      return (ip ? childBlocks(ip.body, 'authorized_networks') : []).flatMap((n) => {
        const a = attribute(n.body, 'value');
        const cidr = a ? asString(module.value(a.value)) : undefined;
        if (!a || cidr === undefined || !OPEN_CIDRS.has(cidr)) return [];
        return [
          { range: a.value.range, severity: 'error' as const, message: `Cloud SQL \`${address}\` authorizes ${cidr}.` },
        ];
      });
    }
    case 'aws_lambda_function': {
      const variables = attribute(childBlock(body, 'environment')?.body ?? body, 'variables')?.value;
      if (variables?.kind !== 'object') return [];
      return variables.items.flatMap((item) => {
        const literal = literalString(item.value);
        if (
          item.key === undefined ||
          !isSecretLikeName(item.key) ||
          literal === undefined ||
          isPlaceholderValue(literal)
        )
          return [];
        return [
          {
            range: item.value.range,
            severity: 'error' as const,
            message: `Lambda \`${address}\` sets \`${item.key}\` to a literal secret (${redactValue(literal)}).`,
          },
        ];
      });
    }
    default:
      return [];
  }
}
