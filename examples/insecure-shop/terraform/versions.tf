# One state for every environment: `terraform apply -var environment=prod` from a laptop.
terraform {
  backend "s3" {
    bucket = "insecure-shop-tfstate"
    key    = "shop/terraform.tfstate"
    region = "eu-west-1"
  }

  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}
