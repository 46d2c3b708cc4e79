package dev.tollgate.parse.terraform;

import dev.tollgate.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Time to evaluate a large generated root module: FILES files of resources with variables, locals, count, for_each,
 * references between resources, and a local module called CALLS times. A main, not a timed unit test:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.tollgate.parse.terraform.TerraformEvalBenchmark
 * [FILES] [CALLS]}.
 */
public final class TerraformEvalBenchmark {

    private TerraformEvalBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path root = Files.createTempDirectory("tf-bench");
        try {
            long bytes = generate(root, files, calls);
            TerraformParser parser = new TerraformParser(TerraformOptions.none());
            long cold = System.nanoTime();
            TerraformParser.Result first = parser.parseDirectory(root);
            System.out.printf("input: %d files + module, %.2f MB, %d resources, %d problems%n", files,
                    bytes / (1024.0 * 1024.0), first.resources().size(), first.problems().size());
            System.out.printf("first (cold JVM) evaluation: %.0f ms%n", (System.nanoTime() - cold) / 1e6);
            if (!first.problems().isEmpty()) {
                System.out.println("first problem: " + first.problems().get(0));
            }
            for (int i = 0; i < 5; i++) {
                parser.parseDirectory(root);
            }
            int runs = 10;
            long start = System.nanoTime();
            int resources = 0;
            for (int i = 0; i < runs; i++) {
                resources += parser.parseDirectory(root).resources().size();
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            System.out.printf("warm: %.0f ms per evaluation (read + parse + evaluate + related), "
                    + "%.1f µs per resource%n", ms, ms * 1000 / (resources / (double) runs));
            Resource sample = first.resources().get(first.resources().size() / 2);
            System.out.println("sample: " + sample.address() + " related=" + sample.related().size());
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long generate(Path root, int files, int calls) throws IOException {
        long bytes = 0;
        StringBuilder vars = new StringBuilder("""
                variable "env" {
                  default = "prod"
                }
                variable "regions" {
                  default = { eu = "eu-west-1", us = "us-east-1", ap = "ap-south-1" }
                }
                locals {
                  common_tags = { Env = var.env, Owner = "platform", CostCenter = "cc-${var.env}" }
                  prefix      = "acme-${var.env}"
                }
                """);
        for (int c = 0; c < calls; c++) {
            vars.append("module \"site_").append(c)
                    .append("\" {\n  source = \"./modules/site\"\n  name   = \"${local.prefix}-site-")
                    .append(c).append("\"\n  public = ").append(c % 2 == 0).append("\n}\n");
        }
        bytes += write(root.resolve("main.tf"), vars.toString());
        for (int f = 0; f < files; f++) {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < 20; r++) {
                String n = "b" + f + "_" + r;
                sb.append("""
                        resource "aws_s3_bucket" "%1$s" {
                          count  = 2
                          bucket = "${local.prefix}-%1$s-${count.index}"
                          tags   = merge(local.common_tags, { Name = "%1$s" })
                        }

                        resource "aws_s3_bucket_public_access_block" "%1$s" {
                          for_each                = var.regions
                          bucket                  = aws_s3_bucket.%1$s[0].id
                          block_public_acls       = each.key != "us"
                          restrict_public_buckets = length(each.value) > 9
                        }

                        resource "aws_s3_bucket_policy" "%1$s" {
                          bucket = aws_s3_bucket.%1$s[1].bucket
                          policy = jsonencode({
                            Version   = "2012-10-17"
                            Statement = [for i, s in ["GetObject", "PutObject"] : {
                              Sid      = "s${i}"
                              Effect   = "Allow"
                              Action   = "s3:${s}"
                              Resource = "arn:aws:s3:::${local.prefix}-%1$s-1/*"
                            }]
                          })
                        }

                        """.formatted(n));
            }
            bytes += write(root.resolve("r" + f + ".tf"), sb.toString());
        }
        bytes += write(root.resolve("modules/site/main.tf"), """
                variable "name" {}
                variable "public" {
                  default = false
                }
                resource "aws_s3_bucket" "this" {
                  bucket = var.name
                }
                resource "aws_s3_bucket_acl" "this" {
                  bucket = aws_s3_bucket.this.id
                  acl    = var.public ? "public-read" : "private"
                }
                resource "aws_cloudfront_distribution" "cdn" {
                  enabled = true
                  dynamic "origin" {
                    for_each = toset(["a", "b"])
                    content {
                      domain_name = "${origin.value}.${aws_s3_bucket.this.bucket}.s3.amazonaws.com"
                      origin_id   = origin.key
                    }
                  }
                }
                output "bucket" {
                  value = aws_s3_bucket.this.bucket
                }
                """);
        return bytes;
    }

    private static long write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
