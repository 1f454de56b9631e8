# The master password is generated and rotated by RDS in Secrets Manager: it never appears in code or state.
resource "aws_db_instance" "postgres" {
  identifier                  = "shop-${var.environment}"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = var.db_instance_class
  allocated_storage           = 50
  storage_type                = "gp3"
  storage_encrypted           = true
  username                    = "shop"
  manage_master_user_password = true
  multi_az                    = true
  backup_retention_period     = 14
  deletion_protection         = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "shop-${var.environment}-final"
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = "shop-${var.environment}"
  description                = "Sessions and carts"
  engine                     = "redis"
  node_type                  = var.cache_node_type
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
