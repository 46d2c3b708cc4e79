# Cases from dependencies-measured.md §1 that hcl4j gets wrong.
locals {
  sci       = 1.5e3
  legacy    = aws_instance.web.*.id
  optional  = optional(number, 10)
  dollar    = "$${literal}"
  jsonblob  = jsonencode({ name = "x", items = [1, 2] })
  cond      = var.x == null ? "a" : "b"
  arith     = (var.n + 2) * 3 % 4
  logic     = !local.enabled && var.y
  directive = "%{ if var.on }yes%{ else }no%{ endif }"
  interp    = "acme-${var.region}"
  each_key  = "${local.name_prefix}-${each.key}"
  for_tuple = [for s in var.names : upper(s)]
  for_obj   = {for k,v in var.m : k => v.id if v.enabled}
  heredoc = <<-EOT
    indented
      twice
  EOT
}

data "http" "leak" {
  url = "http://127.0.0.1:1/from-hcl4j"
}
