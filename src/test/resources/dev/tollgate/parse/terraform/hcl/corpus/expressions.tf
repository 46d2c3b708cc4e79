locals {
  upper_names = [for s in var.names : upper(s)]
  enabled_ids = { for k, v in var.things : k => v.id if v.enabled }
  grouped     = { for v in var.items : v.group => v.name... }
  pairs       = [for i, v in var.list : "${i}=${v}"]
  splat_full  = aws_instance.web[*].id
  splat_old   = aws_instance.web.*.id
  splat_deep  = var.groups[*].members[0].name
  legacy_idx  = aws_instance.web.0.id
  index_str   = aws_s3_bucket.b["web"].id
  tryit       = try(var.settings.size, 5)
  elem        = element(var.l, 0).id
  cidr        = cidrsubnet(var.cidr, 8, count.index)
  set         = toset(["a", "b"])
  cond        = var.x == null ? "a" : "b"
  arith       = (var.n + 2) * 3 % 4
  logic       = !local.enabled && var.force || false
  cmp         = var.a <= 3 && var.b >= 4 && var.c < 5 && var.d > 6
  neg         = -var.offset
  neg_lit     = -42
  not_lit     = !false
  expand      = max(var.numbers...)
  min_expand  = min(1, var.more...)
  nested      = { a = { b = [1, 2, { c = "d" }] } }
  colon_obj   = { "a" : 1, b : 2 }
  paren_key   = { (var.key) = "v", "${var.k2}" = "w" }
  provider_fn = provider::aws::arn_parse(var.arn)
  jsonenc     = jsonencode({ a = "}", b = [1, 2] })
  multiline = [
    "a",
    "b",
  ]
  multi_obj = {
    a = 1,
    b = 2
    c = 3
  }
  chained = var.a ? var.b ? 1 : 2 : 3
  precedence = a + b * c - d / e
  float      = 1.5e3
  float2     = 2.5E-2
  plain      = 3.14159
  big        = 12345678901234567890
  zero       = 0
  bools      = [true, false, null]
  conditional_for = [for x in var.xs : x if x != ""]
  dotted_for = { for name, cfg in var.buckets : name => cfg
  if cfg.enabled }
  fn_multiline = coalesce(
    var.a,
    var.b,
  )
  index_expr = var.map[var.key][0]
  attr_after_call = data.aws_caller_identity.current.account_id
}
