output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.shop.name
}

output "db_endpoint" {
  description = "Endpoint of the PostgreSQL database."
  value       = aws_db_instance.postgres.endpoint
}
