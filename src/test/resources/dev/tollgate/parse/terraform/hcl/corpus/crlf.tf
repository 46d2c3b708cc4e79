locals {
  a = "crlf"
  b = <<EOT
line one
EOT
}
