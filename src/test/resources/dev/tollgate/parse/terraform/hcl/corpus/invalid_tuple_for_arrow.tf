a {
  b {}
  c = [for x in y : x => x]
}
