locals {
  splat_then_index  = var.list[*].items[0]
  legacy_then_index = var.list.*.items[0]
  double_splat      = var.a[*].b[*].c
  splat_of_call     = concat(var.a, var.b)[*].id
  paren_splat       = (var.a)[*]
  index_of_object   = { a = 1 }["a"]
  index_of_tuple    = [1, 2][0]
  neg_float         = -1.5
  neg_paren         = -(1)
  not_not           = !!true
  compare_chain     = 1 < 2 == true
  unicode_key       = { "ключ" = "значение" }
  number_key        = { 1 = "one" }
  bool_value_keys   = { true_thing = true, null_thing = null }
  trailing_commas   = [1, 2, 3,]
  fn_trailing_comma = f(1, 2,)
  nested_for        = [for a in var.x : [for b in a : b * 2]]
  for_obj_cond      = { for k, v in var.m : upper(k) => v if v != null && k != "" }
  cond_in_index     = var.list[var.first ? 0 : 1]
  attr_keyword_like = var.if.for.in.null_
  conditional_types = var.a ? [1] : {}
  empty_structures  = [[], {}, [{}], { a = [] }]
  long_operators    = a >= b || c <= d && e != f
  modulo_precedence = 10 - 4 % 3 * 2
}
