resource "a" "broken" {
  x = = 1
}

resource "a" "fine" {
  y = 2
}
