resource "aws_iam_policy" "p" {
  name   = "policy"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]
}
EOF
}

resource "aws_instance" "web" {
  user_data = <<-EOT
    #!/bin/bash
    echo "hello ${var.name}"
      indented more
    yum install -y nginx
  EOT
}

locals {
  plain = <<EOT
no dedent here
    keeps spaces
EOT
  dedent_blank = <<-EOT
      first

      third
    EOT
  with_interp_first = <<-EOT
    ${var.a} starts the line
      second
    EOT
  escapes_not_processed = <<EOT
backslash \n stays, $${x} unescapes, %%{y} too
EOT
  directive_heredoc = <<-EOT
    %{ for s in var.servers ~}
    server ${s}
    %{ endfor ~}
  EOT
  braces = <<EOT
}}} {{{ "unbalanced ${"ok"}
EOT
  in_call = jsonencode(<<EOT
hello
EOT
  )
  tabs = <<-EOT
	tab indented
	  more
	EOT
  marker_prefix = <<EOT
EOTX is not the end
EOT
}
