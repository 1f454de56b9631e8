# Creates the state bucket; its own state stays on the laptop that ran it.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "tfstate" {
  bucket = "insecure-shop-tfstate"
}
