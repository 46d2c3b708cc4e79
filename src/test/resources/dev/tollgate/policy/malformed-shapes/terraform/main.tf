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
# Lists or blocks where a string, number or bool is expected, strings where a block is: not judged.
resource "azurerm_storage_container" "access_list" {
  name                  = "c"
  container_access_type = ["blob"]
}
resource "azurerm_storage_account" "flags_list" {
  name                            = "s"
  allow_nested_items_to_be_public = ["true"]
  https_traffic_only_enabled      = ["false"]
}
resource "google_sql_database_instance" "backup_flag_list" {
  database_version = "POSTGRES_15"
  settings {
    tier = "db-f1-micro"
    backup_configuration {
      enabled = ["false"]
    }
  }
}
resource "google_sql_database_instance" "settings_text" {
  database_version = "POSTGRES_15"
  settings         = "db-f1-micro"
}
resource "aws_cloudfront_response_headers_policy" "headers_text" {
  name                    = "h"
  security_headers_config = "x"
}
resource "aws_cloudfront_response_headers_policy" "headers_list" {
  name                    = "h2"
  security_headers_config = ["x"]
}
resource "aws_cloudfront_response_headers_policy" "header_values_list" {
  name = "h3"
  security_headers_config {
    content_security_policy {
      content_security_policy = []
      override                = true
    }
    frame_options {
      frame_option = ["DENY"]
      override     = true
    }
  }
}
resource "aws_db_instance" "password_block" {
  engine   = "postgres"
  password = { a = "b" }
}
resource "google_storage_bucket_iam_member" "member_list" {
  bucket = "b"
  role   = "roles/storage.objectViewer"
  member = ["allUsers"]
}
resource "google_storage_bucket" "prevention_list" {
  name                     = "b"
  public_access_prevention = ["inherited"]
}
resource "aws_cloudfront_distribution" "odd_origin" {
  enabled = true
  origin {
    custom_origin_config {
      origin_protocol_policy = ["http-only"]
    }
  }
  default_cache_behavior {
    response_headers_policy_id = { a = "b" }
  }
}
resource "aws_cloudfront_distribution" "behavior_text" {
  enabled                = true
  default_cache_behavior = "x"
}
resource "azurerm_linux_web_app" "https_list" {
  name       = "a"
  https_only = ["false"]
}
resource "google_compute_url_map" "redirect_text" {
  name                 = "u"
  default_url_redirect = "x"
}
resource "google_compute_url_map" "redirect_flag_list" {
  name = "u2"
  default_url_redirect {
    https_redirect = ["false"]
  }
}
resource "google_compute_target_http_proxy" "p" {
  name    = "p"
  url_map = google_compute_url_map.redirect_text.id
}
resource "google_compute_target_http_proxy" "p2" {
  name    = "p2"
  url_map = google_compute_url_map.redirect_flag_list.id
}
resource "azurerm_cdn_frontdoor_route" "redirect_list" {
  name                   = "r"
  https_redirect_enabled = ["false"]
}
resource "azurerm_cdn_frontdoor_route" "protocols_text" {
  name                   = "r2"
  https_redirect_enabled = false
  supported_protocols    = "Http"
}
resource "azurerm_postgresql_server" "version_list" {
  name    = "p"
  version = ["11"]
}
resource "azurerm_redis_cache" "flag_list" {
  name = "r"
  redis_configuration {
    rdb_backup_enabled = ["false"]
  }
}
resource "azurerm_redis_cache" "configuration_text" {
  name                = "r2"
  redis_configuration = "x"
}
resource "aws_elasticache_cluster" "node_type_list" {
  cluster_id               = "c"
  engine                   = "redis"
  node_type                = ["cache.t3.micro"]
  snapshot_retention_limit = 7
}
resource "aws_elasticache_cluster" "engine_list" {
  cluster_id               = "c2"
  engine                   = ["redis"]
  node_type                = "cache.t3.micro"
  snapshot_retention_limit = 7
}
resource "aws_autoscaling_group" "min_empty" {
  min_size = ""
  max_size = 2
}
resource "aws_autoscaling_group" "min_list" {
  min_size = ["2"]
  max_size = 2
}
resource "aws_autoscaling_group" "min_text" {
  min_size = "two"
  max_size = 2
}
resource "aws_acm_certificate" "method_list" {
  domain_name       = "acme.io"
  validation_method = ["EMAIL"]
}
resource "aws_lb_target_group" "protocol_list" {
  name     = "t"
  protocol = ["TCP"]
}
resource "aws_lb_target_group" "check_number" {
  name         = "t2"
  health_check = 1e400
}
