import { afterEach, describe, expect, it } from 'vitest';
import { type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run terraform-backend', () => {
  it('aws + directories: bootstrap bucket (KMS, versioning, public access block), locked backends per env', () => {
    g = generate('terraform-backend');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths.filter((p) => p.startsWith('terraform/bootstrap/'))).toEqual(
      ['backend.tf', 'main.tf', 'outputs.tf', 'providers.tf', 'variables.tf', 'versions.tf'].map(
        (f) => `terraform/bootstrap/${f}`,
      ),
    );
    const main = g.read('terraform/bootstrap/main.tf');
    for (const r of [
      'aws_kms_key',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_lifecycle_configuration',
      'aws_s3_bucket_policy',
    ]) {
      expect(main).toContain(`resource "${r}"`);
    }
    expect(main).toContain('prevent_destroy = true');
    expect(main).not.toContain('aws_dynamodb_table');
    for (const env of ['dev', 'staging', 'prod']) {
      const backend = g.read(`terraform/envs/${env}/backend.tf`);
      expect(backend).toMatch(new RegExp(`key += "example/${env}/terraform\\.tfstate"`));
      expect(backend).toMatch(/use_lockfile += true/);
      expect(backend).toMatch(/encrypt += true/);
      expect(backend).toMatch(/kms_key_id += "alias\/example-terraform-state"/);
      expect(g.read(`terraform/envs/${env}/providers.tf`)).toContain(`environment   = "${env}"`);
    }
    expect(g.read('terraform/README.md')).toContain('terraform init -migrate-state');
  });

  it('aws + dynamodb locking + workspaces', () => {
    g = generate('terraform-backend', [
      'lock=dynamodb',
      'layout=workspaces',
      'project=shop',
      'state_bucket=shop-tf-state',
    ]);
    expect(problems(g.result)).toEqual([]);
    expect(g.read('terraform/bootstrap/main.tf')).toContain('resource "aws_dynamodb_table" "lock"');
    const backend = g.read('terraform/live/backend.tf');
    expect(backend).toMatch(/dynamodb_table += "shop-tf-state-lock"/);
    expect(backend).not.toContain('use_lockfile');
    expect(backend).toContain('workspace_key_prefix = "shop"');
    expect(g.read('terraform/live/providers.tf')).toContain('environment   = terraform.workspace');
    expect(g.paths).toEqual(
      expect.arrayContaining(['terraform/live/envs/dev.tfvars', 'terraform/live/envs/prod.tfvars']),
    );
    expect(g.paths.some((p) => p.startsWith('terraform/envs/'))).toBe(false);
  });

  it('gcp: GCS bucket with versioning, uniform access, no public access, labels; gcs backends', () => {
    g = generate('terraform-backend', ['cloud=gcp', 'region=europe-west1']);
    expect(problems(g.result)).toEqual([]);
    const main = g.read('terraform/bootstrap/main.tf');
    expect(main).toContain('resource "google_storage_bucket" "state"');
    expect(main).toContain('public_access_prevention    = "enforced"');
    expect(main).toContain('uniform_bucket_level_access = true');
    expect(main).toMatch(/versioning \{\n\s+enabled = true/);
    expect(g.read('terraform/envs/prod/backend.tf')).toContain(
      'backend "gcs" {\n    bucket = "example-terraform-state"\n    prefix = "example/prod"',
    );
    expect(g.read('terraform/envs/prod/providers.tf')).toContain('default_labels = {');
  });
});
