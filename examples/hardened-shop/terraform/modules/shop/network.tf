module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.16.0"

  name               = "shop-${var.environment}"
  cidr               = "10.0.0.0/16"
  azs                = var.azs
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = var.single_nat_gateway
}

# The load balancer is the only thing that takes traffic from the Internet, and only HTTPS.
resource "aws_security_group" "alb" {
  name   = "shop-${var.environment}-alb"
  vpc_id = module.vpc.vpc_id

  ingress {
    description = "HTTPS from the Internet"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
