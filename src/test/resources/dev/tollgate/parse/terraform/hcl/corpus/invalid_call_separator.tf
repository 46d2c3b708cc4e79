locals {
  a = f(1 2)
}
