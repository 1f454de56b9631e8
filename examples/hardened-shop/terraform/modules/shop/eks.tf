resource "aws_eks_cluster" "shop" {
  name     = "shop-${var.environment}"
  role_arn = aws_iam_role.eks.arn

  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = var.admin_cidrs
  }
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = aws_eks_cluster.shop.name
  node_group_name = "workers"
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = module.vpc.private_subnets
  capacity_type   = var.node_capacity_type
  instance_types  = var.node_instance_types

  scaling_config {
    desired_size = 3
    max_size     = 6
    min_size     = 2
  }
}

resource "aws_iam_role" "eks" {
  name = "shop-${var.environment}-eks"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "eks.amazonaws.com" } }]
  })
}

resource "aws_iam_role" "nodes" {
  name = "shop-${var.environment}-nodes"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_cloudwatch_log_group" "cluster" {
  name              = "/aws/eks/shop-${var.environment}/cluster"
  retention_in_days = 30
}
