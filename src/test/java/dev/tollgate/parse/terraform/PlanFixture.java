package dev.tollgate.parse.terraform;

/** A {@code terraform show -json} plan for tests (shared with the scan tests). */
public final class PlanFixture {

    /** The structure of Terraform 1.x plan output, trimmed to what we read. */
    public static final String PLAN = """
            {
              "format_version": "1.2",
              "terraform_version": "1.9.5",
              "planned_values": {
                "root_module": {
                  "resources": [
                    {
                      "address": "aws_s3_bucket.logs",
                      "mode": "managed",
                      "type": "aws_s3_bucket",
                      "name": "logs",
                      "values": {
                        "bucket": "acme-logs",
                        "force_destroy": false,
                        "tags": {"Team": "ops"}
                      }
                    },
                    {
                      "address": "data.aws_caller_identity.me",
                      "mode": "data",
                      "type": "aws_caller_identity",
                      "name": "me",
                      "values": {}
                    }
                  ],
                  "child_modules": [
                    {
                      "address": "module.site",
                      "resources": [
                        {
                          "address": "module.site.aws_s3_bucket_acl.this[\\"web\\"]",
                          "mode": "managed",
                          "type": "aws_s3_bucket_acl",
                          "name": "this",
                          "index": "web",
                          "values": {
                            "acl": "public-read",
                            "access_control_policy": [{"grant": [{"permission": "READ"}]}]
                          }
                        },
                        {
                          "address": "module.site.aws_s3_bucket_public_access_block.pab[0]",
                          "mode": "managed",
                          "type": "aws_s3_bucket_public_access_block",
                          "name": "pab",
                          "index": 0,
                          "values": {"block_public_acls": true}
                        }
                      ]
                    }
                  ]
                }
              },
              "resource_changes": [
                {
                  "address": "module.site.aws_s3_bucket_acl.this[\\"web\\"]",
                  "change": {"after_unknown": {"bucket": true, "id": true,
                    "access_control_policy": [{"grant": [{"permission": false}]}]}}
                },
                {
                  "address": "module.site.aws_s3_bucket_public_access_block.pab[0]",
                  "change": {"after_unknown": {"bucket": true}}
                }
              ],
              "configuration": {
                "root_module": {
                  "resources": [{"address": "aws_s3_bucket.logs", "expressions": {"bucket": {"constant_value": "acme-logs"}}}],
                  "module_calls": {
                    "site": {
                      "module": {
                        "resources": [
                          {"address": "aws_s3_bucket_public_access_block.pab",
                           "expressions": {"bucket": {"references": ["aws_s3_bucket_acl.this[\\"web\\"].bucket", "aws_s3_bucket_acl.this"]}}}
                        ]
                      }
                    }
                  }
                }
              }
            }
            """;

    private PlanFixture() {
    }
}
