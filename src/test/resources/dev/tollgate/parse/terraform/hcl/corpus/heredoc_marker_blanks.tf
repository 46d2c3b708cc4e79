locals {
  trailing_blank_after_marker = <<EOT
body
EOT  
  after = 1
}
