locals {
  a = (1
}
