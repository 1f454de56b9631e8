module "shop" {
  source = "../../modules/shop"

  environment         = "staging"
  azs                 = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  single_nat_gateway  = true
  node_capacity_type  = "SPOT"
  node_instance_types = ["m7g.large", "m6i.large"]
  db_instance_class   = "db.r7g.large"
  cache_node_type     = "cache.r7g.large"
  admin_cidrs         = ["203.0.113.0/24"]
}
