# Attributes only, no blocks, no final newline
region = "us-east-1"
count  = 3
list = [
  1,
  2
]