# hash comment { with brace
// slash comment }
/* block comment
   spanning { lines }
*/
resource "aws_s3_bucket" "c" { # trailing comment
  bucket = "b" // trailing
  /* inline */ acl = "private"
  tags = {
    # comment inside object
    a = 1 // after item
    /* before */ b = 2
  }
  list = [
    1, # one
    2, /* two */
    3
  ]
}
/* comment at end of file */
