terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
  backend "s3" {
    bucket = "acme-tfstate"
    key    = "prod/terraform.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "region" {
  type        = string
  default     = "us-east-1"
  description = "AWS region"
}

variable "settings" {
  type = object({
    size    = optional(number, 10)
    name    = string
    tags    = optional(map(string), {})
  })
  default = null
}

variable "vpc_id" {
  type    = string
  default = ""
  validation {
    condition     = var.vpc_id == "" || can(regex("^vpc-", var.vpc_id))
    error_message = "The vpc_id must start with \"vpc-\"."
  }
}

locals {
  name_prefix = "acme-${var.region}"
  enabled     = true
  common_tags = {
    Owner       = "platform"
    Environment = "prod"
    "cost-center" = 1234
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "${local.name_prefix}-logs"
  acl    = "private"

  versioning {
    enabled = false
  }

  tags = merge(local.common_tags, { Name = "logs" })
}

resource "aws_security_group" "sg" {
  name   = "web"
  vpc_id = var.vpc_id != "" ? var.vpc_id : null

  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
  }

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags]
  }
}

resource "aws_instance" "web" {
  count         = local.enabled ? 1 : 0
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  provider      = aws.west
  depends_on    = [aws_security_group.sg]
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/*"]
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
  cidr    = "10.0.0.0/16"
  azs     = ["us-east-1a", "us-east-1b"]
}

output "ids" {
  value     = aws_instance.web[*].id
  sensitive = false
}

moved {
  from = aws_instance.old
  to   = aws_instance.web
}

import {
  to = aws_s3_bucket.b
  id = "acme-logs"
}
