locals {
  s = "%{ if true }open"
}
