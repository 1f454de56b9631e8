import { NAME, NAME_HINT, number, text } from '../../options.js';
import { TOOLS } from '../../pins.js';
import { defineRecipe, type OptionValues } from '../../types.js';
import { attrs } from '../terraform-backend/shared.js';

/** The retention values CloudWatch Logs accepts. */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const options = {
  project: text('example', 'Project name (budget name, tags, state key)', NAME, NAME_HINT),
  environment: text('prod', 'Environment tag of these resources', NAME, NAME_HINT),
  team: text('platform', 'team tag', NAME, NAME_HINT),
  cost_center: text('cc-0000', 'cost-center tag', /^[a-z0-9_-]+$/),
  budget: number(1000, 'Monthly budget in USD', { min: 1, max: 100_000_000 }),
  email: text('finops@example.com', 'Address notified at 50/80/100% of the budget', /^[^@\s]+@[^@\s]+\.[^@\s]+$/),
  log_retention_days: number(30, 'Default CloudWatch log retention (days, a value CloudWatch accepts)', {
    int: true,
    oneOf: RETENTION_DAYS,
  }),
  region: text('eu-west-1', 'AWS region', /^[a-z]{2}(-[a-z]+)+-\d$/),
  state_bucket: text(
    'example-terraform-state',
    'State bucket (run terraform-backend)',
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  ),
};

type Values = OptionValues<typeof options>;

const constraint = `~> ${TOOLS.awsProvider.split('.').slice(0, 2).join('.')}`;

function versions(v: Values): string {
  return `terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${constraint}"
    }
  }

  backend "s3" {
${attrs(
  [
    ['bucket', `"${v.state_bucket}"`],
    ['key', `"${v.project}/cost-guardrails/terraform.tfstate"`],
    ['region', `"${v.region}"`],
    ['encrypt', 'true'],
    ['use_lockfile', 'true'],
  ],
  4,
)}
  }
}
`;
}

function providers(v: Values): string {
  return `provider "aws" {
  region = var.region

  default_tags {
    tags = {
${attrs(
  [
    ['project', `"${v.project}"`],
    ['environment', `"${v.environment}"`],
    ['team', `"${v.team}"`],
    ['"cost-center"', `"${v.cost_center}"`],
  ],
  6,
)}
    }
  }
}
`;
}

function variables(v: Values): string {
  return `variable "region" {
  description = "AWS region."
  type        = string
  default     = "${v.region}"
}

variable "monthly_budget_usd" {
  description = "Monthly cost budget in USD."
  type        = number
  default     = ${v.budget}

  validation {
    condition     = var.monthly_budget_usd > 0
    error_message = "monthly_budget_usd must be positive."
  }
}

variable "budget_emails" {
  description = "Addresses notified at 50%, 80% and 100% of the budget (actual) and 100% (forecast)."
  type        = list(string)
  default     = ["${v.email}"]

  validation {
    condition     = length(var.budget_emails) > 0 && alltrue([for e in var.budget_emails : can(regex("^[^@ ]+@[^@ ]+$", e))])
    error_message = "budget_emails needs at least one valid address."
  }
}

variable "required_tag_keys" {
  description = "Tag keys the tag policy standardises (cost allocation and ownership)."
  type        = list(string)
  default     = ["project", "environment", "team", "cost-center"]
}

variable "tag_policy_target_ids" {
  description = "AWS Organizations roots, OUs or accounts the tag policy is attached to (empty: not attached)."
  type        = list(string)
  default     = []
}

variable "log_bucket_names" {
  description = "Existing S3 buckets holding logs: they get tiering and expiration lifecycle rules."
  type        = list(string)
  default     = []
}

variable "log_expiration_days" {
  description = "Days after which objects in the log buckets are deleted."
  type        = number
  default     = 365

  validation {
    condition     = var.log_expiration_days >= 90
    error_message = "log_expiration_days must be at least 90 (objects move to Glacier IR at 90 days)."
  }
}

variable "log_group_names" {
  description = "CloudWatch log groups managed here with the default retention (import existing ones)."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of the managed log groups, in days."
  type        = number
  default     = ${v.log_retention_days}

  validation {
    condition     = contains([${RETENTION_DAYS.join(', ')}], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, … 3653)."
  }
}
`;
}

const BUDGET = `# Monthly cost budget: e-mails at 50, 80 and 100% of actual spend, and when the forecast passes 100%.
resource "aws_budgets_budget" "monthly" {
  name         = "\${local.name}-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  dynamic "notification" {
    for_each = toset([50, 80, 100])
    content {
      comparison_operator        = "GREATER_THAN"
      threshold                  = notification.value
      threshold_type             = "PERCENTAGE"
      notification_type          = "ACTUAL"
      subscriber_email_addresses = var.budget_emails
    }
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = var.budget_emails
  }
}
`;

const TAG_POLICY = `# Tag policy: standard spelling of the cost-allocation keys across the organisation (activate them as
# cost allocation tags in Billing so spend can be grouped by project, team and cost center).
resource "aws_organizations_policy" "required_tags" {
  name        = "\${local.name}-required-tags"
  description = "Standard cost-allocation tag keys"
  type        = "TAG_POLICY"

  content = jsonencode({
    tags = {
      for key in var.required_tag_keys : key => {
        tag_key = { "@@assign" = key }
      }
    }
  })
}

resource "aws_organizations_policy_attachment" "required_tags" {
  for_each  = toset(var.tag_policy_target_ids)
  policy_id = aws_organizations_policy.required_tags.id
  target_id = each.value
}
`;

const LIFECYCLE = `# Log buckets: Standard-IA after 30 days, Glacier Instant Retrieval after 90, deleted after
# log_expiration_days; old versions and failed uploads do not accumulate.
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  for_each = toset(var.log_bucket_names)
  bucket   = each.value

  rule {
    id     = "log-tiering-and-expiration"
    status = "Enabled"

    filter {}

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    transition {
      days          = 90
      storage_class = "GLACIER_IR"
    }

    expiration {
      days = var.log_expiration_days
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}
`;

const LOG_GROUPS = `# Log groups never keep data forever: "never expire" is the CloudWatch default and the usual surprise.
# Existing groups: terraform import 'aws_cloudwatch_log_group.managed["<name>"]' <name>
resource "aws_cloudwatch_log_group" "managed" {
  for_each          = toset(var.log_group_names)
  name              = each.value
  retention_in_days = var.log_retention_days
}
`;

function locals(v: Values): string {
  return `locals {
  name = "${v.project}-${v.environment}"
}
`;
}

const OUTPUTS = `output "budget_name" {
  description = "Name of the monthly budget."
  value       = aws_budgets_budget.monthly.name
}

output "tag_policy_id" {
  description = "ID of the tag policy (attach it with tag_policy_target_ids)."
  value       = aws_organizations_policy.required_tags.id
}
`;

function readme(v: Values): string {
  return `# Cost guardrails (${v.project}, ${v.environment})

Generated by \`proagent-devops run cost-guardrails\`.

- **Budget**: ${v.budget} USD per month; e-mails to ${v.email} at 50%, 80% and 100% of actual spend and when
  the forecast passes 100%.
- **Tags**: every resource of this configuration carries \`project\`, \`environment\`, \`team\`, \`cost-center\`
  (provider \`default_tags\`); an Organizations tag policy standardises those keys. Activate them as cost
  allocation tags in the Billing console so Cost Explorer can group by them.
- **S3 lifecycle**: log buckets listed in \`log_bucket_names\` tier to Standard-IA (30 d) and Glacier IR
  (90 d) and expire after \`log_expiration_days\`.
- **Log retention**: log groups listed in \`log_group_names\` keep ${v.log_retention_days} days.

Review right-sizing recommendations (Compute Optimizer) monthly, and run fault-tolerant non-prod capacity on
Spot.

## Validate, apply, roll back

\`\`\`sh
terraform init
terraform fmt -check && terraform validate
terraform plan -out=tfplan      # the tag policy needs the Organizations management account
terraform apply tfplan
\`\`\`

Roll back by reverting the change and applying a new plan. Shortening a log retention deletes older log
events for good: lengthen first, shorten only after checking nobody needs them. A lifecycle expiration
deletes objects on its next run: apply it to a bucket only after confirming its retention requirements.
`;
}

export const costGuardrailsRecipe = defineRecipe({
  name: 'cost-guardrails',
  summary:
    'AWS cost guardrails in Terraform: monthly budget with 50/80/100% alerts, tag policy for cost allocation, S3 log lifecycle rules, log retention defaults',
  options,
  generate: (v) => ({
    'cost-guardrails/versions.tf': versions(v),
    'cost-guardrails/providers.tf': providers(v),
    'cost-guardrails/variables.tf': variables(v),
    'cost-guardrails/locals.tf': locals(v),
    'cost-guardrails/budget.tf': BUDGET,
    'cost-guardrails/tag-policy.tf': TAG_POLICY,
    'cost-guardrails/s3-lifecycle.tf': LIFECYCLE,
    'cost-guardrails/log-retention.tf': LOG_GROUPS,
    'cost-guardrails/outputs.tf': OUTPUTS,
    'cost-guardrails/README.md': readme(v),
  }),
  nextSteps: () => ({
    fill: [
      'log_bucket_names, log_group_names and tag_policy_target_ids in a terraform.tfvars (empty lists change nothing)',
    ],
    validate: [
      'terraform -chdir=cost-guardrails fmt -check',
      'terraform -chdir=cost-guardrails init && terraform -chdir=cost-guardrails validate',
      'terraform -chdir=cost-guardrails plan -out=tfplan',
    ],
    apply: ['terraform -chdir=cost-guardrails apply tfplan'],
    rollback: [
      'revert and apply a new plan; restore a damaged state from the previous object version in the state bucket',
      'expired objects and log events cannot be restored: widen retention before narrowing it',
    ],
  }),
});
