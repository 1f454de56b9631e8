variable "environment" {}

variable "db_password" {
  type    = string
  default = "Shop-Db-Passw0rd-2024"
}

variable "azs" {
  description = "Availability zones of the VPC."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}
