import { choice, NAME, NAME_HINT, number, text } from '../../options.js';
import type { OptionValues } from '../../types.js';

export const backendOptions = {
  cloud: choice(['aws', 'gcp'] as const, 'aws', 'aws (S3 + lockfile or DynamoDB, KMS) or gcp (GCS)'),
  layout: choice(
    ['directories', 'workspaces'] as const,
    'directories',
    'Per-environment envs/<env>/ directories, or one root with workspaces',
  ),
  lock: choice(
    ['lockfile', 'dynamodb'] as const,
    'lockfile',
    'AWS locking: S3 lockfile (Terraform ≥ 1.10) or a DynamoDB table',
  ),
  project: text('example', 'Project name (state keys, tags)', NAME, NAME_HINT),
  state_bucket: text(
    'example-terraform-state',
    'State bucket name (globally unique)',
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  ),
  region: text('eu-west-1', 'AWS region or GCP location of the bucket', /^[a-z]{2,}(-[a-z0-9]+)*\d?$/),
  gcp_project: text('example-project', 'GCP project ID (cloud=gcp)', /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
  team: text('platform', 'team tag/label', NAME, NAME_HINT),
  cost_center: text('cc-0000', 'cost-center tag/label', /^[a-z0-9_-]+$/),
  noncurrent_days: number(90, 'Days old state versions are kept', { int: true, min: 7, max: 3650 }),
};

export type BackendValues = OptionValues<typeof backendOptions>;

export const ENVS = ['dev', 'staging', 'prod'] as const;

/** HCL attributes aligned the way `terraform fmt` aligns consecutive lines. */
export function attrs(pairs: [string, string][], indent: number): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  const pad = ' '.repeat(indent);
  return pairs.map(([k, v]) => `${pad}${k.padEnd(width)} = ${v}`).join('\n');
}

/** The required tags as an HCL object body (`cost-center` quoted: not a bare identifier). */
export function tagPairs(v: BackendValues, environment: string): [string, string][] {
  return [
    ['project', `"${v.project}"`],
    ['environment', environment],
    ['team', `"${v.team}"`],
    ['"cost-center"', `"${v.cost_center}"`],
  ];
}
