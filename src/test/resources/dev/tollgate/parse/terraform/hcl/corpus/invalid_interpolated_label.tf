resource "a" "${var.x}" {
}
