module "vpc" {
  source = "terraform-aws-modules/vpc/aws"

  name               = "shop-${var.environment}"
  cidr               = "10.0.0.0/16"
  azs                = var.azs
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  enable_nat_gateway = true
}

resource "aws_security_group" "bastion" {
  name   = "shop-bastion"
  vpc_id = module.vpc.vpc_id

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
