/** AWS parts of the terraform-backend recipe: the bootstrap module (S3 + KMS, optional DynamoDB) and backends. */

import { attrs, type BackendValues } from './shared.js';

export function awsBootstrapMain(v: BackendValues): string {
  const dynamo = v.lock === 'dynamodb';
  return `# The state bucket itself: KMS-encrypted, versioned (every state write is recoverable), private,
# TLS-only, and protected from terraform destroy.
resource "aws_kms_key" "state" {
  description             = "Terraform state of ${v.project}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "state" {
  name          = "alias/${v.project}-terraform-state"
  target_key_id = aws_kms_key.state.key_id
}

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.state.arn
    }
    bucket_key_enabled = true
  }
}

# Old state versions are kept for ${v.noncurrent_days} days: long enough to recover from a bad apply.
resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "expire-old-state-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = ${v.noncurrent_days}
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.state]
}

data "aws_iam_policy_document" "state" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "\${aws_s3_bucket.state.arn}/*"]

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

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state.json

  depends_on = [aws_s3_bucket_public_access_block.state]
}
${
  dynamo
    ? `
# Lock table for Terraform < 1.10 (newer versions lock with use_lockfile in the bucket).
resource "aws_dynamodb_table" "lock" {
  name         = "\${var.state_bucket}-lock"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.state.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  deletion_protection_enabled = true
}
`
    : ''
}`;
}

export function awsBootstrapOutputs(v: BackendValues): string {
  return `output "state_bucket" {
  description = "Name of the state bucket (backend \\"s3\\" bucket)."
  value       = aws_s3_bucket.state.id
}

output "kms_key_arn" {
  description = "KMS key encrypting the state (backend \\"s3\\" kms_key_id)."
  value       = aws_kms_key.state.arn
}
${
  v.lock === 'dynamodb'
    ? `
output "lock_table" {
  description = "DynamoDB lock table (backend \\"s3\\" dynamodb_table)."
  value       = aws_dynamodb_table.lock.name
}
`
    : ''
}`;
}

/** The s3 backend block (inside terraform {}), for a state key. */
export function awsBackend(v: BackendValues, key: string, extra: [string, string][] = []): string {
  const lock: [string, string][] =
    v.lock === 'dynamodb' ? [['dynamodb_table', `"${v.state_bucket}-lock"`]] : [['use_lockfile', 'true']];
  const pairs: [string, string][] = [
    ['bucket', `"${v.state_bucket}"`],
    ['key', `"${key}"`],
    ['region', `"${v.region}"`],
    ['encrypt', 'true'],
    ['kms_key_id', `"alias/${v.project}-terraform-state"`],
    ...lock,
    ...extra,
  ];
  return `  backend "s3" {\n${attrs(pairs, 4)}\n  }`;
}
