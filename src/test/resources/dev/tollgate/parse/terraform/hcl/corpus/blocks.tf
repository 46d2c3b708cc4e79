resource "aws_s3_bucket" "b" {
  bucket = "x"
}

resource "aws_s3_bucket" "c" {
  bucket = "y"
}

resource "aws_s3_bucket_policy" "b" {}

empty {}

single { a = 1 }

unquoted label1 "label2" {
  nested "deep" {
    deeper {
      deepest = [1]
    }
  }
}

locals {
  a = 1
}

locals {
  b = 2
}

check "health" {
  assert {
    condition     = true
    error_message = "fine"
  }
}
