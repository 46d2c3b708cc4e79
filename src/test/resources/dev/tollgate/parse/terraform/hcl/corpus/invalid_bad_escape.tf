locals {
  s = "bad \q escape"
}
