package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variable values and their precedence; values are located at the attribute, wherever they came from. */
class TerraformVariablesTest {

    @TempDir
    Path dir;

    private static final String MAIN = """
            variable "a" { default = "default" }
            variable "b" { default = "default" }
            variable "c" { default = "default" }
            variable "d" { default = "default" }
            variable "e" { default = "default" }
            variable "n" {
              type = number
            }
            variable "list" {
              type = list(string)
            }
            variable "unset" {}
            resource "t" "r" {
              a     = var.a
              b     = var.b
              c     = var.c
              d     = var.d
              e     = var.e
              n     = var.n + 1
              list  = var.list
              unset = var.unset
            }
            """;

    @Test
    void precedenceDefaultsTfvarsAutoTfvarsVarFileVar() {
        Path varFile = dir.resolve("ci/prod.tfvars");
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", MAIN)
                .file("terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\n")
                .file("z.auto.tfvars", "c = \"auto\"\nd = \"auto\"\ne = \"auto\"\n")
                .file("ci/prod.tfvars", "d = \"var-file\"\ne = \"var-file\"\n")
                .evaluate(new TerraformOptions(List.of(varFile),
                        Map.of("e", "cli", "n", "41", "list", "[\"x\", \"y\"]")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", "default");
        expected.put("b", "tfvars");
        expected.put("c", "auto");
        expected.put("d", "var-file");
        expected.put("e", "cli");
        expected.put("n", 42L);
        expected.put("list", List.of("x", "y"));
        expected.put("unset", new Unknown("var.unset"));
        assertEquals(expected, resource(r, "t.r").data());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void jsonVariableFiles_areReadInTerraformsOrder() {
        // terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json by name, then --var-file.
        Path varFile = dir.resolve("ci/prod.tfvars.json");
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", MAIN)
                .file("terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\n")
                .file("terraform.tfvars.json", "{\"c\": \"tfvars.json\", \"d\": \"tfvars.json\", \"n\": 41}")
                .file("a.auto.tfvars.json", "{\"d\": \"a.auto.json\", \"list\": [\"x\", \"y\"]}")
                .file("b.auto.tfvars", "d = \"b.auto\"\n")
                .file("ci/prod.tfvars.json", "{\"e\": \"var-file\"}")
                .evaluate(new TerraformOptions(List.of(varFile), Map.of()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", "default");
        expected.put("b", "tfvars");
        expected.put("c", "tfvars.json");
        expected.put("d", "b.auto");
        expected.put("e", "var-file");
        expected.put("n", 42L);
        expected.put("list", List.of("x", "y"));
        expected.put("unset", new Unknown("var.unset"));
        assertEquals(expected, resource(r, "t.r").data());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void invalidJsonVariables_areLocatedAndTheRestStillLoads() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "variable \"a\" {}\nresource \"t\" \"r\" {\n  a = var.a\n}\n")
                .file("terraform.tfvars", "a = \"ok\"\n")
                .file("x.auto.tfvars.json", "{\n  \"a\": \"json\",\n  \"b\": [1,\n}\n")
                .evaluate();
        assertEquals("ok", resource(r, "t.r").data().get("a"));
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals("x.auto.tfvars.json", r.problems().get(0).file());
        assertEquals(4, r.problems().get(0).line(), r.problems().toString());
    }

    @Test
    void aValueIsLocatedAtTheAttributeNotWhereItCameFrom() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("variables.tf", "variable \"acl\" {\n  default = \"private\"\n}\n")
                .file("terraform.tfvars", "acl = \"public-read\"\n")
                .file("main.tf", """
                        locals {
                          policy = "x"
                        }

                        resource "aws_s3_bucket_acl" "a" {
                          bucket = "b"
                          acl    = var.acl
                          policy = local.policy
                        }
                        """).evaluate();
        Resource acl = resource(r, "aws_s3_bucket_acl.a");
        assertEquals("public-read", acl.data().get("acl"));
        assertEquals(new SourceLocation("main.tf", 7, 3), acl.locate("/acl"));
        assertEquals(new SourceLocation("main.tf", 8, 3), acl.locate("/policy"));
        assertEquals(new SourceLocation("main.tf", 5, 1), acl.location());
    }

    @Test
    void aTfvarsSyntaxErrorIsLocatedAndTheRestStillLoads() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "variable \"a\" {}\nresource \"t\" \"r\" {\n  a = var.a\n}\n")
                .file("terraform.tfvars", "a = \"ok\"\nb = [\n")
                .evaluate();
        assertEquals("ok", resource(r, "t.r").data().get("a"));
        assertEquals(1, r.problems().size());
        assertEquals("terraform.tfvars", r.problems().get(0).file());
    }

    @Test
    void optionalObjectAttributes_takeTheirDefaultOrNull_atAnyDepth() {
        // Terraform 1.3+ fills in optional(...) attributes left out (or set to null) when it converts the value.
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "cfg" {
                          type = object({
                            name    = string
                            enabled = optional(bool, true)
                            size    = optional(number)
                            inner   = optional(object({ mode = optional(string, "strict") }), {})
                          })
                          default = { name = "a" }
                        }
                        variable "rules" {
                          type    = list(object({ port = number, protocol = optional(string, "HTTPS") }))
                          default = [{ port = 443 }, { port = 80, protocol = "HTTP" }]
                        }
                        variable "by_name" {
                          type    = map(object({ kind = optional(string, "None") }))
                          default = { x = {}, y = { kind = null } }
                        }
                        resource "t" "r" {
                          enabled   = var.cfg.enabled
                          size      = var.cfg.size
                          mode      = var.cfg.inner.mode
                          protocols = [for x in var.rules : x.protocol]
                          kinds     = [for k, v in var.by_name : v.kind]
                        }
                        """)
                .evaluate();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("enabled", true);
        expected.put("size", null);
        expected.put("mode", "strict");
        expected.put("protocols", List.of("HTTPS", "HTTP"));
        expected.put("kinds", List.of("None", "None"));
        assertEquals(expected, resource(r, "t.r").data());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void optionalObjectAttributes_applyToModuleInputsAndTfvars() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        variable "lock" {
                          type = object({ kind = optional(string, "None"), name = optional(string) })
                        }
                        module "m" {
                          source = "./m"
                          lock   = { name = "given" }
                        }
                        resource "t" "root" {
                          kind = var.lock.kind
                        }
                        """)
                .file("terraform.tfvars", "lock = {}\n")
                .file("m/main.tf", """
                        variable "lock" {
                          type = object({ kind = optional(string, "CanNotDelete"), name = optional(string) })
                        }
                        resource "t" "child" {
                          kind = var.lock.kind
                          name = var.lock.name
                        }
                        """)
                .evaluate();
        assertEquals(Map.of("kind", "None"), resource(r, "t.root").data());
        assertEquals(Map.of("kind", "CanNotDelete", "name", "given"), resource(r, "module.m.t.child").data());
        assertEquals(List.of(), r.problems());
    }
}
