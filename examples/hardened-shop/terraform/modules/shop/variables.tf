variable "environment" {
  description = "Environment name (dev, staging, prod): part of every resource name."
  type        = string
}

variable "azs" {
  description = "Availability zones of the VPC."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway (dev, staging) instead of one per availability zone (prod)."
  type        = bool
}

variable "node_capacity_type" {
  description = "EKS node capacity: SPOT outside production, ON_DEMAND in production."
  type        = string
}

variable "node_instance_types" {
  description = "Instance types of the EKS node group (several, so spot capacity can be found)."
  type        = list(string)
}

variable "db_instance_class" {
  description = "RDS instance class of the PostgreSQL database."
  type        = string
}

variable "cache_node_type" {
  description = "ElastiCache node type of the Redis replication group."
  type        = string
}

variable "admin_cidrs" {
  description = "CIDR blocks allowed to reach the EKS API endpoint."
  type        = list(string)
}
