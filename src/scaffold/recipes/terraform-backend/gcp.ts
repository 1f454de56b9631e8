/** GCP parts of the terraform-backend recipe: the GCS state bucket and gcs backends (locking is native). */

import { attrs, type BackendValues, tagPairs } from './shared.js';

export function gcpBootstrapMain(v: BackendValues): string {
  return `# The state bucket itself: versioned (every state write is recoverable), uniform access, never public,
# and protected from terraform destroy. GCS locks state natively.
resource "google_storage_bucket" "state" {
${attrs(
  [
    ['name', 'var.state_bucket'],
    ['project', 'var.gcp_project'],
    ['location', 'var.location'],
    ['force_destroy', 'false'],
    ['uniform_bucket_level_access', 'true'],
    ['public_access_prevention', '"enforced"'],
  ],
  2,
)}

  labels = {
${attrs(
  tagPairs(v, '"shared"').map(([k, val]) => [k, val]),
  4,
)}
  }

  versioning {
    enabled = true
  }

  # Old state versions are kept for ${v.noncurrent_days} days: long enough to recover from a bad apply.
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = ${v.noncurrent_days}
    }
    action {
      type = "Delete"
    }
  }

  lifecycle {
    prevent_destroy = true
  }
}
`;
}

export const GCP_OUTPUTS = `output "state_bucket" {
  description = "Name of the state bucket (backend \\"gcs\\" bucket)."
  value       = google_storage_bucket.state.name
}
`;

export function gcpBackend(v: BackendValues, prefix: string): string {
  return `  backend "gcs" {\n${attrs(
    [
      ['bucket', `"${v.state_bucket}"`],
      ['prefix', `"${prefix}"`],
    ],
    4,
  )}\n  }`;
}
