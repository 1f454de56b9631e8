resource "aws_instance" "bastion" {
  ami                    = "ami-0c1c30571d2dae5c9"
  instance_type          = "m4.large"
  subnet_id              = module.vpc.public_subnets[0]
  vpc_security_group_ids = [aws_security_group.bastion.id]

  root_block_device {
    volume_type = "gp2"
    volume_size = 50
  }
}

resource "aws_ebs_volume" "uploads" {
  availability_zone = "eu-west-1a"
  size              = 200
  type              = "gp2"
}
