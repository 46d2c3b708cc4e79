package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.TerraformFixture.data;
import static dev.tollgate.parse.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module calls: per-call inputs, outputs, nested addresses, locations in the module's file, unresolved sources. */
class TerraformModulesTest {

    @TempDir
    Path dir;

    private TerraformFixture tree() {
        return new TerraformFixture(dir)
                .file("main.tf", """
                        module "public" {
                          source = "./modules/bucket"
                          name   = "site"
                          acl    = "public-read"
                        }
                        module "private" {
                          source = "./modules/bucket"
                          name   = "${local.prefix}-data"
                        }
                        locals {
                          prefix = "acme"
                        }
                        resource "aws_s3_bucket_policy" "p" {
                          bucket = module.private.bucket_name
                          policy = module.private.arn
                        }
                        """)
                .file("modules/bucket/main.tf", """
                        variable "name" {}
                        variable "acl" {
                          default = "private"
                        }

                        resource "aws_s3_bucket" "this" {
                          bucket = var.name
                        }

                        resource "aws_s3_bucket_acl" "this" {
                          bucket = aws_s3_bucket.this.id
                          acl    = var.acl
                        }

                        module "logs" {
                          source = "../logs"
                          for    = var.name
                        }
                        """)
                .file("modules/bucket/outputs.tf", """
                        output "bucket_name" {
                          value = aws_s3_bucket.this.bucket
                        }
                        output "arn" {
                          value = aws_s3_bucket.this.arn
                        }
                        """)
                .file("modules/logs/main.tf", """
                        variable "for" {}
                        resource "aws_s3_bucket" "log" {
                          bucket = "${var.for}-logs"
                        }
                        """);
    }

    @Test
    void eachCallEvaluatesTheModuleWithItsOwnInputs() {
        TerraformParser.Result r = tree().evaluate();
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(
                "aws_s3_bucket_policy.p",
                "module.private.aws_s3_bucket.this",
                "module.public.aws_s3_bucket.this",
                "module.private.aws_s3_bucket_acl.this",
                "module.public.aws_s3_bucket_acl.this",
                "module.private.module.logs.aws_s3_bucket.log",
                "module.public.module.logs.aws_s3_bucket.log"),
                r.resources().stream().map(Resource::address).toList());
        assertEquals("public-read", data(r, "module.public.aws_s3_bucket_acl.this").get("acl"));
        assertEquals("private", data(r, "module.private.aws_s3_bucket_acl.this").get("acl"));
        assertEquals("acme-data", data(r, "module.private.aws_s3_bucket.this").get("bucket"));
        assertEquals("site-logs", data(r, "module.public.module.logs.aws_s3_bucket.log").get("bucket"));
        assertEquals("acme-data", data(r, "aws_s3_bucket_policy.p").get("bucket"));
        assertEquals(new Unknown("aws_s3_bucket.this.arn"), data(r, "aws_s3_bucket_policy.p").get("policy"));
    }

    @Test
    void moduleResourcesAreLocatedInTheModulesFile() {
        TerraformParser.Result r = tree().evaluate();
        Resource acl = resource(r, "module.public.aws_s3_bucket_acl.this");
        assertEquals(new SourceLocation("modules/bucket/main.tf", 10, 1), acl.location());
        assertEquals(new SourceLocation("modules/bucket/main.tf", 12, 3), acl.locate("/acl"));
        assertEquals("this", acl.name());
        assertEquals(Path.of(dir.resolve("modules/bucket/main.tf").toString()),
                r.files().get("modules/bucket/main.tf"));
    }

    @Test
    void relatedCrossesModuleBoundaries() {
        TerraformParser.Result r = tree().evaluate();
        assertEquals(List.of("aws_s3_bucket_policy.p", "module.private.aws_s3_bucket_acl.this"),
                resource(r, "module.private.aws_s3_bucket.this").related().stream().map(x -> x.address()).toList());
    }

    @Test
    void calledDirectoriesAreNotRootsWhenScannedTogether() throws IOException {
        tree();
        List<SourceFile> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".tf")).sorted()
                    .map(p -> new SourceFile(p, dir.relativize(p).toString().replace('\\', '/'),
                            SourceFile.FileType.TERRAFORM)).toList();
        }
        TerraformParser.Result r = new TerraformParser(TerraformOptions.none()).parse(files);
        // modules/bucket and modules/logs are reached through the calls only: no "aws_s3_bucket.this" of their own.
        assertEquals(7, r.resources().size());
        assertTrue(r.resources().stream().noneMatch(x -> x.address().startsWith("aws_s3_bucket.")),
                r.resources().toString());
    }

    @Test
    void calledDirectoriesAreFoundInEveryFileAndSyntax_evenAJsonKeyWrittenWithEscapes() throws IOException {
        // Deciding which directories are modules parses only the .tf files whose text says "module"; a .tf.json file
        // can spell the key with escapes, so it is always parsed. Both calls must still make m and m2 modules.
        new TerraformFixture(dir)
                .file("app/variables.tf", "variable \"n\" {\n  default = \"x\"\n}\n")
                .file("app/calls.tf", "module \"a\" {\n  source = \"../m\"\n}\n")
                .file("json/main.tf.json", "{\"\\u006dodule\": {\"j\": {\"source\": \"../m2\"}}}\n")
                .file("m/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"m\"\n}\n")
                .file("m2/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"m2\"\n}\n");
        List<SourceFile> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tf.json")).sorted()
                    .map(p -> new SourceFile(p, dir.relativize(p).toString().replace('\\', '/'),
                            SourceFile.FileType.TERRAFORM)).toList();
        }
        TerraformParser.Result r = new TerraformParser(TerraformOptions.none()).parse(files);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("module.a.aws_s3_bucket.b", "module.j.aws_s3_bucket.b"),
                r.resources().stream().map(Resource::address).sorted().toList());
    }

    @Test
    void countAndForEachOnModuleCalls() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        module "b" {
                          source   = "./m"
                          for_each = { x = "one", y = "two" }
                          name     = each.value
                        }
                        module "c" {
                          source = "./m"
                          count  = 1
                          name   = "c${count.index}"
                        }
                        resource "t" "r" {
                          names = [module.b["x"].name, module.c[0].name]
                        }
                        """)
                .file("m/main.tf", """
                        variable "name" {}
                        resource "aws_s3_bucket" "this" {
                          bucket = var.name
                        }
                        output "name" {
                          value = aws_s3_bucket.this.bucket
                        }
                        """)
                .evaluate();
        assertEquals("two", data(r, "module.b[\"y\"].aws_s3_bucket.this").get("bucket"));
        assertEquals("c0", data(r, "module.c[0].aws_s3_bucket.this").get("bucket"));
        assertEquals(List.of("one", "c0"), data(r, "t.r").get("names"));
    }

    @Test
    void remoteSourcesAreNotFetchedButInstalledModulesAreRead() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        module "vpc" {
                          source  = "terraform-aws-modules/vpc/aws"
                          version = "5.0.0"
                        }
                        module "git" {
                          source = "git::https://example.com/x.git"
                        }
                        module "outside" {
                          source = "../../elsewhere"
                        }
                        """)
                .file(".terraform/modules/modules.json", """
                        {"Modules":[{"Key":"","Source":"","Dir":"."},
                          {"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.0.0",
                           "Dir":".terraform/modules/vpc"}]}
                        """)
                .file(".terraform/modules/vpc/main.tf", """
                        resource "aws_vpc" "this" {
                          cidr_block = "10.0.0.0/16"
                        }
                        """)
                .evaluate();
        assertEquals(List.of("module.vpc.aws_vpc.this"), r.resources().stream().map(Resource::address).toList());
        assertEquals(new SourceLocation(".terraform/modules/vpc/main.tf", 1, 1), r.resources().get(0).location());
        assertEquals(List.of(
                "main.tf:5:1: module source git::https://example.com/x.git not resolved "
                        + "(run terraform init to scan it)",
                "main.tf:9:12: module source ../../elsewhere is outside the scanned tree; it is not scanned"),
                r.problems().stream().map(Problem::toString).toList());
        assertTrue(r.problems().stream().allMatch(p -> p.kind() == Problem.Kind.NOT_SCANNED));
    }

    @Test
    void unresolvedRegistryModuleWithoutInit() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n")
                .evaluate();
        assertEquals(List.of("main.tf:1:1: module source terraform-aws-modules/vpc/aws not resolved "
                + "(run terraform init to scan it)"), r.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aModuleCallingItselfIsACycleReportedOnceAndNotEvaluatedAgain() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "module \"me\" {\n  source = \"./\"\n}\nresource \"t\" \"r\" {}\n")
                .evaluate();
        assertEquals(List.of("t.r"), r.resources().stream().map(Resource::address).toList());
        assertEquals(List.of("main.tf:1:1: module \"me\" calls ./, a module already on its call chain (a cycle, which "
                + "Terraform rejects); it is not scanned"), r.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aCycleThroughAnotherModuleIsReportedWhereItCloses() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "module \"a\" {\n  source = \"./a\"\n}\n")
                .file("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n")
                .file("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nresource \"t\" \"r\" {}\n")
                .evaluate();
        assertEquals(List.of("module.a.module.b.t.r"), r.resources().stream().map(Resource::address).toList());
        assertEquals(List.of("b/main.tf:1:1: module \"a\" calls ../a, a module already on its call chain (a cycle, "
                + "which Terraform rejects); it is not scanned"),
                r.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aChainOfDistinctModulesDeeperThanTheLimitStops() {
        TerraformFixture tree = new TerraformFixture(dir).file("main.tf", "module \"m\" {\n  source = \"./m0\"\n}\n");
        for (int i = 0; i < ModuleEvaluation.MAX_MODULE_DEPTH + 2; i++) {
            tree.file("m" + i + "/main.tf",
                    "module \"m\" {\n  source = \"../m" + (i + 1) + "\"\n}\nresource \"t\" \"r\" {}\n");
        }
        TerraformParser.Result r = tree.evaluate();
        assertEquals(ModuleEvaluation.MAX_MODULE_DEPTH, r.resources().size());
        assertEquals(List.of(
                "m15/main.tf:1:1: module \"m\" is nested more than 16 deep (does it call itself?); it is not "
                        + "scanned"),
                r.problems().stream().map(Problem::toString).toList());
    }
}
