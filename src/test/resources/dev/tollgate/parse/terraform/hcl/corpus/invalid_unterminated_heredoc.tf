locals {
  h = <<EOT
never closed
