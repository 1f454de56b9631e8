import { attribute } from '../parsers/hcl-ast.js';
import { providerOf, type TerraformModel, type TfResource } from './terraform.js';
import { type HclValue, isMap, OPEN } from './terraform-eval.js';

/**
 * Taggable resources and their effective tags (provider `default_tags` / `default_labels` + own tags).
 * The lists name the common resource types that take a `tags` (AWS, Azure) or `labels` (GCP) map; a type
 * not listed is not checked, rather than flagged on a guess.
 */

const AWS_TAGGABLE = new Set([
  'aws_instance',
  'aws_launch_template',
  'aws_ebs_volume',
  'aws_eip',
  'aws_vpc',
  'aws_subnet',
  'aws_route_table',
  'aws_internet_gateway',
  'aws_nat_gateway',
  'aws_vpc_endpoint',
  'aws_network_acl',
  'aws_security_group',
  'aws_lb',
  'aws_alb',
  'aws_lb_target_group',
  'aws_s3_bucket',
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_db_subnet_group',
  'aws_dynamodb_table',
  'aws_elasticache_cluster',
  'aws_elasticache_replication_group',
  'aws_opensearch_domain',
  'aws_elasticsearch_domain',
  'aws_msk_cluster',
  'aws_kinesis_stream',
  'aws_sqs_queue',
  'aws_sns_topic',
  'aws_kms_key',
  'aws_secretsmanager_secret',
  'aws_ssm_parameter',
  'aws_ecr_repository',
  'aws_ecs_cluster',
  'aws_ecs_service',
  'aws_ecs_task_definition',
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_lambda_function',
  'aws_cloudwatch_log_group',
  'aws_cloudwatch_metric_alarm',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_iam_user',
  'aws_efs_file_system',
  'aws_cloudfront_distribution',
  'aws_api_gateway_rest_api',
  'aws_apigatewayv2_api',
  'aws_acm_certificate',
  'aws_route53_zone',
  'aws_sfn_state_machine',
  'aws_backup_vault',
  'aws_wafv2_web_acl',
]);

const GOOGLE_LABELLED = new Set([
  'google_compute_instance',
  'google_compute_instance_template',
  'google_compute_disk',
  'google_compute_image',
  'google_compute_address',
  'google_storage_bucket',
  'google_pubsub_topic',
  'google_pubsub_subscription',
  'google_bigquery_dataset',
  'google_bigquery_table',
  'google_cloud_run_v2_service',
  'google_cloud_run_v2_job',
  'google_cloudfunctions_function',
  'google_cloudfunctions2_function',
  'google_redis_instance',
  'google_kms_crypto_key',
  'google_secret_manager_secret',
  'google_dataproc_cluster',
  'google_filestore_instance',
]);

const AZURE_TAGGABLE = new Set([
  'azurerm_resource_group',
  'azurerm_virtual_network',
  'azurerm_network_security_group',
  'azurerm_network_interface',
  'azurerm_public_ip',
  'azurerm_lb',
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_virtual_machine_scale_set',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_managed_disk',
  'azurerm_storage_account',
  'azurerm_kubernetes_cluster',
  'azurerm_container_registry',
  'azurerm_key_vault',
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_flexible_server',
  'azurerm_mssql_server',
  'azurerm_cosmosdb_account',
  'azurerm_redis_cache',
  'azurerm_service_plan',
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_log_analytics_workspace',
  'azurerm_application_insights',
]);

/** `tags` for AWS/Azure, `labels` for GCP; undefined for types not known to be taggable. */
export function tagAttributeOf(type: string): 'tags' | 'labels' | undefined {
  if (AWS_TAGGABLE.has(type) || AZURE_TAGGABLE.has(type)) return 'tags';
  if (GOOGLE_LABELLED.has(type)) return 'labels';
  return undefined;
}

export interface EffectiveTags {
  attribute: 'tags' | 'labels';
  /** Keys known to be set, as written. */
  keys: string[];
  /** More keys may be set (an unknown map somewhere): missing keys cannot be claimed. */
  open: boolean;
}

/** `CostCenter` = `cost_center` = `cost-center`: compared case- and separator-insensitively. */
export function normalizeTagKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function effectiveTags(resource: TfResource, model: TerraformModel): EffectiveTags | undefined {
  if (resource.mode !== 'managed') return undefined;
  const attr = tagAttributeOf(resource.type);
  if (!attr) return undefined;
  const keys: string[] = [];
  let open = false;
  const add = (value: HclValue | undefined) => {
    if (value === undefined || value === null) return;
    if (!isMap(value)) {
      // `var.tags`, a call we do not evaluate: its keys are unknown.
      open = true;
      return;
    }
    keys.push(...Object.keys(value));
    if (value[OPEN]) open = true;
  };
  const own = attribute(resource.block.body, attr);
  if (own) add(resource.module.value(own.value));
  const { name, alias } = providerOf(resource);
  if (name === 'aws' || name === 'google' || name === 'google-beta') {
    const config = resource.module.providers.find((p) => p.name === name && p.alias === alias);
    if (config) add(config.defaultTags);
    else if (!resource.module.isRoot) {
      // A child module gets its provider from a caller: any default tags of that provider may apply.
      if (model.modules.some((m) => m.providers.some((p) => p.name === name && p.defaultTags !== undefined))) {
        open = true;
      }
    }
  }
  return { attribute: attr, keys, open };
}

/** Required keys (as configured) that the tags lack; empty when the tags are open. */
export function missingTags(tags: EffectiveTags, required: readonly string[]): string[] {
  if (tags.open) return [];
  const have = new Set(tags.keys.map(normalizeTagKey));
  return required.filter((r) => !have.has(normalizeTagKey(r)));
}
