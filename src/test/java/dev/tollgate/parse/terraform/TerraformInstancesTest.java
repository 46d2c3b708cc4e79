package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.TerraformFixture.data;
import static dev.tollgate.parse.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Related;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** count and for_each instances, references between resources, and {@code related}. */
class TerraformInstancesTest {

    @TempDir
    Path dir;

    @Test
    void countAndForEachGiveOneResourcePerInstance() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                variable "sites" {
                  default = { web = "public-read", api = "private" }
                }
                resource "aws_s3_bucket" "logs" {
                  count  = 2
                  bucket = "logs-${count.index}"
                }
                resource "aws_s3_bucket_acl" "site" {
                  for_each = var.sites
                  bucket   = each.key
                  acl      = each.value
                }
                resource "aws_s3_bucket" "set" {
                  for_each = toset(["b", "a"])
                  bucket   = each.value
                }
                resource "aws_s3_bucket" "none" {
                  count  = 0
                  bucket = "x"
                }
                """).evaluate();
        assertEquals(List.of("aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]", "aws_s3_bucket_acl.site[\"api\"]",
                "aws_s3_bucket_acl.site[\"web\"]", "aws_s3_bucket.set[\"a\"]", "aws_s3_bucket.set[\"b\"]"),
                r.resources().stream().map(Resource::address).toList());
        assertEquals("logs-1", data(r, "aws_s3_bucket.logs[1]").get("bucket"));
        assertEquals("logs[1]", resource(r, "aws_s3_bucket.logs[1]").name());
        assertEquals(Map.of("bucket", "web", "acl", "public-read"), data(r, "aws_s3_bucket_acl.site[\"web\"]"));
        assertEquals(new SourceLocation("main.tf", 11, 3),
                resource(r, "aws_s3_bucket_acl.site[\"web\"]").locate("/acl"));
        assertEquals("a", data(r, "aws_s3_bucket.set[\"a\"]").get("bucket"));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void unknownCountGivesOneInstanceStandingForAll() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                data "aws_availability_zones" "all" {}
                resource "aws_subnet" "s" {
                  count             = length(data.aws_availability_zones.all.names)
                  availability_zone = data.aws_availability_zones.all.names[count.index]
                  map_public_ip_on_launch = true
                }
                """).evaluate();
        Map<String, Object> d = data(r, "aws_subnet.s[*]");
        assertEquals(true, d.get("map_public_ip_on_launch"));
        assertEquals(new Unknown("data.aws_availability_zones.all.names[count.index]"), d.get("availability_zone"));
    }

    @Test
    void aReferenceToAnInstanceOfAnUnknownCountRelatesToTheInstanceStandingForAll() {
        // The usual module shape: everything counted on an input with no value, the access block
        // naming the bucket by index, through one(...[*]) or in a branch of a condition on that input
        // (whose other branch, which may never be taken, is no error).
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                variable "enabled" {
                  type = bool
                }
                resource "aws_s3_bucket" "store" {
                  count  = var.enabled ? 1 : 0
                  bucket = "store"
                }
                resource "aws_s3_bucket_public_access_block" "by_index" {
                  count             = var.enabled ? 1 : 0
                  bucket            = aws_s3_bucket.store[0].id
                  block_public_acls = true
                }
                resource "aws_s3_bucket_versioning" "by_splat" {
                  count  = var.enabled ? 1 : 0
                  bucket = one(aws_s3_bucket.store[*].id)
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                resource "aws_s3_bucket_policy" "under_unknown_condition" {
                  bucket = var.enabled ? aws_s3_bucket.store[0].id : null
                  policy = var.enabled ? "{}" : [][0]
                }
                """).evaluate();
        assertEquals(List.of("aws_s3_bucket_policy.under_unknown_condition bucket",
                "aws_s3_bucket_public_access_block.by_index[*] bucket",
                "aws_s3_bucket_versioning.by_splat[*] bucket"),
                resource(r, "aws_s3_bucket.store[*]").related().stream()
                        .map(x -> x.address() + " " + x.attribute()).toList());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void referencesAreKnownWhenConfiguredAndRelatedIsFilled() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                locals {
                  bucket_id = aws_s3_bucket.logs.id
                }
                resource "aws_s3_bucket" "logs" {
                  bucket = "acme-logs"
                }
                resource "aws_s3_bucket_public_access_block" "logs" {
                  bucket            = aws_s3_bucket.logs.id
                  block_public_acls = true
                }
                resource "aws_s3_bucket_acl" "logs" {
                  bucket = local.bucket_id
                  acl    = "private"
                }
                resource "aws_s3_bucket_policy" "by_name" {
                  bucket = "acme-logs"
                  policy = jsonencode({ Resource = "${aws_s3_bucket.logs.arn}/*" })
                }
                resource "aws_s3_bucket_versioning" "literal" {
                  bucket = aws_s3_bucket.logs.bucket
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                resource "aws_s3_bucket" "other" {
                  bucket = "other"
                }
                """).evaluate();
        assertEquals(new Unknown("aws_s3_bucket.logs.id"),
                data(r, "aws_s3_bucket_public_access_block.logs").get("bucket"));
        assertEquals("acme-logs", data(r, "aws_s3_bucket_versioning.literal").get("bucket"));
        Unknown policy = (Unknown) data(r, "aws_s3_bucket_policy.by_name").get("policy");
        assertEquals("jsonencode({ Resource = \"${aws_s3_bucket.logs.arn}/*\" })", policy.expression());
        assertTrue(policy.known() instanceof java.util.Map<?, ?> m && m.get("Resource") instanceof Unknown,
                "the structure is kept, its computed leaf unknown");
        List<Related> related = resource(r, "aws_s3_bucket.logs").related();
        assertEquals(List.of(
                "aws_s3_bucket_acl.logs bucket",
                "aws_s3_bucket_policy.by_name policy",
                "aws_s3_bucket_public_access_block.logs bucket",
                "aws_s3_bucket_versioning.literal bucket"),
                related.stream().map(x -> x.address() + " " + x.attribute()).toList());
        Related pab = related.get(2);
        assertEquals("aws_s3_bucket_public_access_block", pab.kind());
        assertEquals("logs", pab.name());
        assertEquals(true, pab.data().get("block_public_acls"));
        assertEquals(new SourceLocation("main.tf", 7, 1), pab.location());
        assertEquals(List.of(), resource(r, "aws_s3_bucket.other").related());
    }

    @Test
    void relatedThroughNestedBlocksNamesThePath() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                resource "aws_cloudfront_response_headers_policy" "h" {
                  name = "h"
                }
                resource "aws_cloudfront_distribution" "d" {
                  default_cache_behavior {
                    response_headers_policy_id = aws_cloudfront_response_headers_policy.h.id
                  }
                }
                """).evaluate();
        assertEquals(List.of("aws_cloudfront_distribution.d default_cache_behavior.response_headers_policy_id"),
                resource(r, "aws_cloudfront_response_headers_policy.h").related().stream()
                        .map(x -> x.address() + " " + x.attribute()).toList());
    }

    @Test
    void aBlockWithMoreInstancesThanTheLimitIsJudgedOnceForAll() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                resource "aws_s3_bucket" "b" {
                  count  = 1000000
                  bucket = "logs-${count.index}"
                }
                """).evaluate();
        assertEquals(List.of("aws_s3_bucket.b[*]"), r.resources().stream().map(Resource::address).toList());
        assertTrue(resource(r, "aws_s3_bucket.b[*]").data().get("bucket") instanceof Unknown, "count.index is unknown");
        assertEquals(List.of("main.tf:2:12: count gives 1000000 instances, more than 10000 instances of one block: "
                + "judged once, as [*], for all of them"),
                r.problems().stream().map(dev.tollgate.model.Problem::toString).toList());
    }

    @Test
    void aRootPastItsInstanceLimitJudgesTheRestOnceEach() {
        StringBuilder tf = new StringBuilder();
        int blocks = RootContext.MAX_ROOT_INSTANCES / Expansion.MAX_BLOCK_INSTANCES + 1;
        for (int i = 0; i < blocks; i++) {
            tf.append("resource \"t\" \"r").append(i).append("\" {\n  count = ")
                    .append(Expansion.MAX_BLOCK_INSTANCES).append("\n}\n");
        }
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf.toString()).evaluate();
        assertEquals((long) (blocks - 1) * Expansion.MAX_BLOCK_INSTANCES + 1, r.resources().size());
        assertEquals(List.of("main.tf:" + (3 * blocks - 1)
                + ":11: count gives 10000 instances, more than 50000 resource "
                + "and module instances in this root: judged once, as [*], for all of them"),
                r.problems().stream().map(dev.tollgate.model.Problem::toString).toList());
    }

    @Test
    void bucketsSharingALiteralNameAreNotRelatedToEachOtherAndReferrersStayInTheirModuleInstance() {
        // A module called with count whose bucket has a literal name: every instance carries the same name.
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "module \"site\" {\n  source = \"./site\"\n  count  = 3\n}\n")
                .file("site/main.tf", """
                        resource "aws_s3_bucket" "b" {
                          bucket = "static-site"
                        }
                        resource "aws_s3_bucket_public_access_block" "p" {
                          bucket = "static-site"
                        }
                        """).evaluate();
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("module.site[" + i + "].aws_s3_bucket_public_access_block.p bucket"),
                    resource(r, "module.site[" + i + "].aws_s3_bucket.b").related().stream()
                            .map(x -> x.address() + " " + x.attribute()).toList());
        }
    }
}
