terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.82"
    }
  }

  # One state per environment, locked with an S3 lock file, encrypted at rest.
  backend "s3" {
    bucket       = "hardened-shop-tfstate"
    key          = "envs/staging/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      project       = "shop"
      environment   = "staging"
      team          = "shop-platform"
      "cost-center" = "cc-1042"
    }
  }
}
