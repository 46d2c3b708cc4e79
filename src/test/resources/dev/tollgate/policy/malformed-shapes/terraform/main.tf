# Attributes of the wrong shape or text (the fuzz campaign's cases): policies judge or skip them, never error.
resource "aws_s3_bucket_public_access_block" "flag_list" {
  bucket                  = "x"
  block_public_acls       = ["true"]
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_public_access_block" "flag_block" {
  bucket              = "x"
  block_public_acls   = true
  block_public_policy = true
  ignore_public_acls  = true
  restrict_public_buckets {
    x = 1
  }
}
resource "aws_db_instance" "version_list" {
  engine                  = "postgres"
  engine_version          = ["13"]
  backup_retention_period = "%[99]"
}
resource "aws_db_instance" "engine_list" {
  engine                  = ["postgres"]
  engine_version          = "9.6"
  backup_retention_period = "7 days"
}
resource "aws_db_instance" "huge" {
  engine                  = "postgres"
  engine_version          = { a = 1 }
  backup_retention_period = 1e400
}
resource "aws_db_instance" "retention_list" {
  engine                  = "postgres"
  backup_retention_period = ["7"]
}
resource "aws_elasticache_replication_group" "retention_text" {
  replication_group_id     = "r"
  description              = "r"
  engine                   = ["redis"]
  snapshot_retention_limit = "a week"
}
resource "aws_elasticache_replication_group" "retention_huge" {
  replication_group_id     = "r2"
  description              = "r2"
  snapshot_retention_limit = 1e400
}
resource "google_redis_instance" "mode_list" {
  name           = "m"
  memory_size_gb = "6 GB"
  persistence_config {
    persistence_mode = ["RDB"]
  }
}
resource "google_redis_instance" "config_text" {
  name               = "c"
  memory_size_gb     = 99999999999999999999999
  persistence_config = "RDB"
}
resource "google_sql_database_instance" "pg" {
  database_version = ["POSTGRES_9_6"]
}
resource "aws_s3_bucket_acl" "acl" {
  bucket = "x"
  acl    = ["public-read"]
  access_control_policy {
    grant {
      grantee {
        uri  = ["http://acs.amazonaws.com/groups/global/AllUsers"]
        type = "Group"
      }
      permission = "READ"
    }
    grant {
      grantee    = "x"
      permission = "READ"
    }
  }
}
resource "aws_s3_bucket_cors_configuration" "cors" {
  bucket = "x"
  cors_rule {
    allowed_origins = "*"
    allowed_methods = ["GET"]
  }
}
resource "aws_lb" "lb" {
  name               = "lb"
  load_balancer_type = ["application"]
  idle_timeout       = "1 minute"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = "x"
  port              = 8443
  protocol          = ["HTTP"]
  default_action {
    type = ["forward"]
  }
}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = ["allow-all"]
  }
}
