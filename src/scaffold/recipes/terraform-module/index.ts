import { NAME, NAME_HINT, text } from '../../options.js';
import { TOOLS } from '../../pins.js';
import { defineRecipe, type OptionValues } from '../../types.js';

const options = {
  name: text('storage', 'Module name (directory modules/<name>)', NAME, NAME_HINT),
  project: text('example', 'project tag used by the example', NAME, NAME_HINT),
  team: text('platform', 'team tag used by the example', NAME, NAME_HINT),
  cost_center: text('cc-0000', 'cost-center tag used by the example', /^[\w-]+$/),
  region: text('eu-west-1', 'AWS region of the example', /^[a-z]{2}(-[a-z]+)+-\d$/),
  state_bucket: text(
    'example-terraform-state',
    'State bucket of the example root module',
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  ),
};

type Values = OptionValues<typeof options>;

export const AWS_PROVIDER_CONSTRAINT = `~> ${TOOLS.awsProvider.split('.').slice(0, 2).join('.')}`;

const VERSIONS = `terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${AWS_PROVIDER_CONSTRAINT}"
    }
  }
}
`;

const VARIABLES = `variable "name" {
  description = "Bucket name (globally unique, 3-63 lower-case letters, digits, dots or hyphens)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 lower-case letters, digits, dots or hyphens."
  }
}

variable "project" {
  description = "Project the bucket belongs to (required tag)."
  type        = string

  validation {
    condition     = length(trimspace(var.project)) > 0
    error_message = "project must not be empty."
  }
}

variable "environment" {
  description = "Environment: dev, staging or prod (required tag)."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "team" {
  description = "Owning team (required tag)."
  type        = string

  validation {
    condition     = length(trimspace(var.team)) > 0
    error_message = "team must not be empty."
  }
}

variable "cost_center" {
  description = "Cost center charged for the bucket (required tag cost-center)."
  type        = string

  validation {
    condition     = length(trimspace(var.cost_center)) > 0
    error_message = "cost_center must not be empty."
  }
}

variable "tags" {
  description = "Extra tags; the required tags always win over keys given here."
  type        = map(string)
  default     = {}
}

variable "kms_key_arn" {
  description = "KMS key for SSE-KMS encryption; null uses S3-managed keys (SSE-S3)."
  type        = string
  default     = null
}

variable "transition_to_ia_days" {
  description = "Days after which current objects move to STANDARD_IA."
  type        = number
  default     = 30

  validation {
    condition     = var.transition_to_ia_days >= 30
    error_message = "S3 requires at least 30 days before a transition to STANDARD_IA."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which non-current object versions are deleted."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1
    error_message = "noncurrent_version_expiration_days must be at least 1."
  }
}

variable "force_destroy" {
  description = "Allow destroying the bucket while it still holds objects (never in prod)."
  type        = bool
  default     = false
}
`;

const LOCALS = `locals {
  # The tags every resource must carry (cost allocation and ownership).
  required_tags = {
    project       = var.project
    environment   = var.environment
    team          = var.team
    "cost-center" = var.cost_center
  }

  tags = merge(var.tags, local.required_tags)
}
`;

const MAIN = `# A private, encrypted, versioned S3 bucket with lifecycle rules and TLS-only access.
resource "aws_s3_bucket" "this" {
  bucket        = var.name
  force_destroy = var.force_destroy
  tags          = local.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "tiering-and-cleanup"
    status = "Enabled"

    filter {}

    transition {
      days          = var.transition_to_ia_days
      storage_class = "STANDARD_IA"
    }

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "\${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "tls_only" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.tls_only.json

  depends_on = [aws_s3_bucket_public_access_block.this]
}
`;

const OUTPUTS = `output "id" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "regional_domain_name" {
  description = "Regional domain name of the bucket."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "tags" {
  description = "Tags applied to the bucket (required tags included)."
  value       = local.tags
}
`;

function exampleMain(v: Values): string {
  return `# Complete example: a root module with remote state (S3 + lockfile) and provider default tags.
# One workspace per environment: terraform workspace select -or-create dev|staging|prod
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${AWS_PROVIDER_CONSTRAINT}"
    }
  }

  backend "s3" {
    bucket       = "${v.state_bucket}"
    key          = "modules/${v.name}/examples/complete/terraform.tfstate"
    region       = "${v.region}"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project       = "${v.project}"
      environment   = terraform.workspace
      team          = "${v.team}"
      "cost-center" = "${v.cost_center}"
    }
  }
}

module "${v.name}" {
  source = "../.."

  name        = "\${var.bucket_prefix}-\${terraform.workspace}"
  project     = "${v.project}"
  environment = terraform.workspace
  team        = "${v.team}"
  cost_center = "${v.cost_center}"
}
`;
}

function exampleVariables(v: Values): string {
  return `variable "region" {
  description = "AWS region."
  type        = string
  default     = "${v.region}"
}

variable "bucket_prefix" {
  description = "Prefix of the bucket name; the workspace (environment) is appended."
  type        = string
  default     = "${v.project}-${v.name}"
}
`;
}

function exampleOutputs(v: Values): string {
  return `output "bucket_arn" {
  description = "ARN of the example bucket."
  value       = module.${v.name}.arn
}
`;
}

function readme(v: Values): string {
  return `# ${v.name}

A private S3 bucket: public access blocked, bucket-owner-enforced ownership, versioning, encryption (SSE-S3
or SSE-KMS), lifecycle tiering and cleanup of old versions, and a TLS-only bucket policy. Every resource
carries the required tags \`project\`, \`environment\`, \`team\` and \`cost-center\` (see \`locals.tf\`).

Generated by \`proagent-devops run terraform-module\`.

## Usage

\`\`\`hcl
module "${v.name}" {
  source = "git::https://github.com/example/terraform-modules.git//modules/${v.name}?ref=v1.0.0"

  name        = "example-${v.name}-prod"
  project     = "${v.project}"
  environment = "prod"
  team        = "${v.team}"
  cost_center = "${v.cost_center}"
}
\`\`\`

Pin the module \`source\` to a tag (\`?ref=\`) or a registry \`version\`.

## Inputs

| Name | Type | Default | Description |
|---|---|---|---|
| name | string | — | Bucket name (validated) |
| project, environment, team, cost_center | string | — | Required tags (environment: dev, staging, prod) |
| tags | map(string) | {} | Extra tags (the required tags win) |
| kms_key_arn | string | null | SSE-KMS key; null uses SSE-S3 |
| transition_to_ia_days | number | 30 | Days before STANDARD_IA (≥ 30) |
| noncurrent_version_expiration_days | number | 90 | Days before old versions are deleted |
| force_destroy | bool | false | Allow destroying a non-empty bucket |

## Outputs

\`id\`, \`arn\`, \`regional_domain_name\`, \`tags\`.

## Validate, apply, roll back

\`\`\`sh
cd examples/complete
terraform init && terraform workspace select -or-create dev
terraform fmt -check -recursive ../.. && terraform validate
terraform plan -out=tfplan        # review it
terraform apply tfplan
\`\`\`

Roll back by reverting the change and applying the previous version of the module (\`?ref=\` of the last
good tag) with a new plan. State is versioned in the state bucket: a damaged state can be restored from the
previous object version. A deleted bucket is not recoverable: \`force_destroy\` stays \`false\` in prod.
`;
}

export const terraformModuleRecipe = defineRecipe({
  name: 'terraform-module',
  summary:
    'Terraform module: main/variables (types, descriptions, validation)/outputs/versions (pinned)/locals with required tags, README, examples/complete with remote state',
  options,
  generate: (v) => {
    const dir = `modules/${v.name}`;
    return {
      [`${dir}/versions.tf`]: VERSIONS,
      [`${dir}/variables.tf`]: VARIABLES,
      [`${dir}/locals.tf`]: LOCALS,
      [`${dir}/main.tf`]: MAIN,
      [`${dir}/outputs.tf`]: OUTPUTS,
      [`${dir}/README.md`]: readme(v),
      [`${dir}/examples/complete/main.tf`]: exampleMain(v),
      [`${dir}/examples/complete/variables.tf`]: exampleVariables(v),
      [`${dir}/examples/complete/outputs.tf`]: exampleOutputs(v),
    };
  },
  nextSteps: (v) => {
    const example = `modules/${v.name}/examples/complete`;
    return {
      fill: [`the state bucket "${v.state_bucket}" (run terraform-backend) before terraform init`],
      validate: [
        `terraform fmt -check -recursive modules/${v.name}`,
        `terraform -chdir=${example} init && terraform -chdir=${example} validate`,
        `terraform -chdir=${example} plan -out=tfplan`,
      ],
      apply: [`terraform -chdir=${example} apply tfplan`],
      rollback: [
        'revert the module change (or pin the previous ?ref=), then plan and apply again',
        `restore a damaged state from its previous version in the state bucket (S3 versioning)`,
      ],
    };
  },
});
