package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.Format;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain resources: literal attributes, nested blocks as lists, locations, the directory as one module. */
class TerraformResourcesTest {

    @TempDir
    Path dir;

    @Test
    void literalAttributesNestedBlocksAndLocations() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                resource "aws_s3_bucket" "logs" {
                  bucket = "acme-logs"
                  acl    = "private"
                  force_destroy = true
                  count_of = 3
                  ratio = 1.5
                  tags = {
                    Name = "logs"
                    "team" = "ops"
                  }
                  versioning {
                    enabled = true
                  }
                  versioning {
                    enabled = false
                  }
                }

                data "aws_caller_identity" "me" {}
                """).evaluate();
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.resources().size());
        Resource b = r.resources().get(0);
        assertEquals(Format.TERRAFORM, b.format());
        assertEquals("aws_s3_bucket", b.kind());
        assertEquals("logs", b.name());
        assertEquals("aws_s3_bucket.logs", b.address());
        assertEquals(new SourceLocation("main.tf", 1, 1), b.location());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("bucket", "acme-logs");
        expected.put("acl", "private");
        expected.put("force_destroy", true);
        expected.put("count_of", 3L);
        expected.put("ratio", 1.5);
        expected.put("tags", Map.of("Name", "logs", "team", "ops"));
        expected.put("versioning", List.of(Map.of("enabled", true), Map.of("enabled", false)));
        assertEquals(expected, b.data());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(b.data().keySet()));
        assertEquals(new SourceLocation("main.tf", 3, 3), b.locate("/acl"));
        assertEquals(new SourceLocation("main.tf", 9, 5), b.locate("/tags/team"));
        assertEquals(new SourceLocation("main.tf", 14, 3), b.locate("/versioning/1"));
        assertEquals(new SourceLocation("main.tf", 15, 5), b.locate("/versioning/1/enabled"));
    }

    @Test
    void allFilesOfTheDirectoryAreOneModuleAndSyntaxErrorsAreLocated() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("a.tf", "resource \"aws_s3_bucket\" \"a\" {\n  bucket = local.name\n}\n")
                .file("b.tf", "locals {\n  name = \"from-b\"\n}\n")
                .file("broken.tf", "resource \"x\" \"y\" {\n  a = \n}\n")
                .evaluate();
        assertEquals("from-b", resource(r, "aws_s3_bucket.a").data().get("bucket"));
        assertEquals(1, r.problems().size());
        Problem p = r.problems().get(0);
        assertEquals("broken.tf", p.file());
        assertEquals(Problem.Kind.PARSE_ERROR, p.kind());
        assertEquals(2, p.line());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lifecycleReferences_stayText_includingActionTriggers() {
        // ignore_changes and replace_triggered_by name attributes and resources; a Terraform 1.14 action_trigger
        // names events (keywords) and action blocks, none of which is a value to evaluate.
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        action "aws_lambda_invoke" "notify" {
                          config {
                            function_name = "notify"
                          }
                        }
                        resource "aws_s3_bucket" "b" {
                          bucket = "b"
                          lifecycle {
                            ignore_changes = [tags["team"]]
                            action_trigger {
                              events  = [after_create, after_update]
                              actions = [action.aws_lambda_invoke.notify]
                            }
                          }
                        }
                        """)
                .evaluate();
        assertEquals(List.of(), r.problems());
        Map<String, Object> lifecycle = ((List<Map<String, Object>>) resource(r, "aws_s3_bucket.b").data()
                .get("lifecycle")).get(0);
        assertEquals(List.of("tags[\"team\"]"), lifecycle.get("ignore_changes"));
        assertEquals(List.of(Map.of("events", List.of("after_create", "after_update"),
                "actions", List.of("action.aws_lambda_invoke.notify"))), lifecycle.get("action_trigger"));
    }

    @Test
    void anAttributeANestedBlockLeavesOutIsUnknownToAReader_aLiteralObjectsMissingKeyIsStillAnError() {
        // GKE's docs sample reads kubernetes_deployment_v1.default.spec[0]...port[0].protocol, which the configuration
        // leaves to the provider's default ("TCP"); Terraform accepts it, so it is unknown, never "no attribute".
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        resource "kubernetes_deployment_v1" "app" {
                          spec {
                            template {
                              spec {
                                container {
                                  port {
                                    name = "http"
                                  }
                                }
                              }
                            }
                          }
                          settings = {
                            mode = "fast"
                          }
                        }
                        resource "kubernetes_service_v1" "svc" {
                          protocol = kubernetes_deployment_v1.app.spec[0].template[0].spec[0].container[0].port[0].protocol
                          port     = kubernetes_deployment_v1.app.spec[0].template[0].spec[0].container[0].port[0].name
                          speed    = kubernetes_deployment_v1.app.settings.speed
                        }
                        """)
                .evaluate();
        Map<String, Object> svc = resource(r, "kubernetes_service_v1.svc").data();
        assertEquals(new dev.tollgate.model.Unknown(
                "kubernetes_deployment_v1.app.spec[0].template[0].spec[0].container[0].port[0].protocol"),
                svc.get("protocol"));
        assertEquals("http", svc.get("port"));
        assertEquals(List.of(new Problem("main.tf", 20, 14, Problem.Kind.PARSE_ERROR,
                "cannot evaluate kubernetes_deployment_v1.app.settings...: this object has no attribute \"speed\"")),
                r.problems());
    }
}
