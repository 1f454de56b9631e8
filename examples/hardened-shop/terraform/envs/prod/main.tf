module "shop" {
  source = "../../modules/shop"

  environment         = "prod"
  azs                 = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  single_nat_gateway  = false
  node_capacity_type  = "ON_DEMAND"
  node_instance_types = ["m7g.xlarge"]
  db_instance_class   = "db.r7g.xlarge"
  cache_node_type     = "cache.r7g.large"
  admin_cidrs         = ["203.0.113.0/24"]
}
