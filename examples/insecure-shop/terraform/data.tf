resource "aws_db_instance" "postgres" {
  identifier              = "shop-${var.environment}"
  engine                  = "postgres"
  engine_version          = "16.4"
  instance_class          = "db.t2.medium"
  allocated_storage       = 50
  username                = "shop"
  password                = var.db_password
  backup_retention_period = 0
  skip_final_snapshot     = true
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "shop-${var.environment}"
  description          = "Sessions and carts"
  engine               = "redis"
  node_type            = "cache.t2.medium"
  num_cache_clusters   = 2
}

resource "aws_s3_bucket" "assets" {
  bucket = "insecure-shop-assets"
  acl    = "public-read"
}

resource "aws_cloudwatch_log_group" "api" {
  name = "/shop/api"
}
