module "shop" {
  source = "../../modules/shop"

  environment         = "dev"
  azs                 = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  single_nat_gateway  = true
  node_capacity_type  = "SPOT"
  node_instance_types = ["t4g.large", "t3.large"]
  db_instance_class   = "db.t4g.medium"
  cache_node_type     = "cache.t4g.small"
  admin_cidrs         = ["203.0.113.0/24"]
}
