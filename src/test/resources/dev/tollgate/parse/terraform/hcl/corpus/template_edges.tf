locals {
  wrap_stripped   = <<-EOT
    ${~ jsonencode({ a = 1 }) ~}
  EOT
  null_interp     = "x-${null}-${true}-${1.50}"
  nested_heredoc  = "${<<EOT
inner ${var.x}
EOT
}"
  heredoc_in_list = [<<EOT
one
EOT
  , "two"]
  escapes_unicode = "\u0041\U0001F680 \\${not.interp} \\"
  percent_alone   = "100% {{ %%{{"
  dollar_brace    = "$ {x} and $"
  strip_newlines  = "a\n\n   ${~"b"~}\n\n   c"
  for_strip       = <<EOT
%{ for x in var.xs ~}
- ${x}
%{ endfor ~}
done
EOT
  if_in_heredoc = <<-EOT
    %{~ if var.enabled ~}
    enabled
    %{~ else ~}
    disabled
    %{~ endif ~}
  EOT
}
