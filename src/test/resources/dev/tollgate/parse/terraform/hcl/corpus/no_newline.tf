locals {
  no_trailing_newline = 1
}