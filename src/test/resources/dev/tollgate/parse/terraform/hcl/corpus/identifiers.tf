locals {
  with-dash   = 1
  _underscore = 2
  CamelCase   = 3
  ünïcode     = 4
  number9     = 5
}
