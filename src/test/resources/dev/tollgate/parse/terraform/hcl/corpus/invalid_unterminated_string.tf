locals {
  s = "no end
}
