package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Override files ({@code override.tf}, {@code *_override.tf}) merge into the blocks they name, as in Terraform. */
class TerraformOverrideFilesTest {

    @TempDir
    Path dir;

    @Test
    void overrideArgumentsAndNestedBlocksReplaceTheOriginals_andLocalsAreReplaced() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        locals {
                          acl = "public-read"
                        }
                        resource "aws_s3_bucket" "b" {
                          bucket = "original"
                          acl    = local.acl
                          versioning {
                            enabled = false
                          }
                          logging {
                            target_bucket = "logs"
                          }
                          lifecycle {
                            prevent_destroy = false
                            ignore_changes  = [tags]
                          }
                        }
                        """)
                .file("main_override.tf", """
                        locals {
                          acl = "private"
                        }
                        resource "aws_s3_bucket" "b" {
                          bucket = "overridden"
                          versioning {
                            enabled = true
                          }
                          lifecycle {
                            prevent_destroy = true
                          }
                        }
                        resource "aws_s3_bucket" "never_declared" {
                          bucket = "ignored"
                        }
                        """)
                .evaluate();
        assertEquals(List.of(), r.problems());
        Map<String, Object> b = resource(r, "aws_s3_bucket.b").data();
        assertEquals("overridden", b.get("bucket"));
        assertEquals("private", b.get("acl"));
        assertEquals(List.of(Map.of("enabled", true)), b.get("versioning"));
        assertEquals(List.of(Map.of("target_bucket", "logs")), b.get("logging"));
        Map<?, ?> lifecycle = (Map<?, ?>) ((List<?>) b.get("lifecycle")).get(0);
        assertEquals(true, lifecycle.get("prevent_destroy"));
        assertTrue(lifecycle.containsKey("ignore_changes"), lifecycle.toString());
        // The resource is still where it was declared; the overriding argument is where it was written.
        assertEquals("main.tf", resource(r, "aws_s3_bucket.b").location().file());
        assertEquals("main_override.tf", resource(r, "aws_s3_bucket.b").locations().find("/bucket").file());
        assertFalse(r.resources().stream().anyMatch(x -> x.address().contains("never_declared")));
    }

    @Test
    void overrideFileNames() {
        assertTrue(ModuleEvaluation.isOverrideFile("override.tf"));
        assertTrue(ModuleEvaluation.isOverrideFile("infra/providers_override.tf"));
        assertTrue(ModuleEvaluation.isOverrideFile("x/override.tf.json"));
        assertTrue(ModuleEvaluation.isOverrideFile("main_override.tf.json"));
        assertFalse(ModuleEvaluation.isOverrideFile("overrides.tf"));
        assertFalse(ModuleEvaluation.isOverrideFile("override_main.tf"));
    }
}
