package dev.tollgate.parse.terraform.hcl;

import java.nio.charset.StandardCharsets;

/**
 * Throughput of {@link HclParser} on ~1 MB of generated, realistic Terraform. A main, not a timed unit test:
 * {@code java -cp target/classes:target/test-classes dev.tollgate.parse.terraform.hcl.HclParseBenchmark [MB]}.
 */
public final class HclParseBenchmark {

    private HclParseBenchmark() {
    }

    public static void main(String[] args) throws java.io.IOException {
        double megabytes = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String source = generate((int) (megabytes * 1024 * 1024));
        if (args.length > 1) {
            // write the input too, e.g. to run it through scripts/hcl-diff
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), source);
        }
        double mb = source.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0);
        long cold = System.nanoTime();
        HclFile check = HclParser.parse(source, "bench.tf");
        System.out.printf("first (cold JVM) parse: %.1f ms%n", (System.nanoTime() - cold) / 1e6);
        if (check.hasErrors()) {
            throw new IllegalStateException("generated source does not parse: " + check.diagnostics().get(0));
        }
        System.out.printf("input: %.2f MB, %d top-level blocks%n", mb, check.body().blocks().size());
        for (int i = 0; i < 20; i++) {
            HclParser.parse(source, "bench.tf"); // warm up the JIT
        }
        int runs = 30;
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            HclFile file = HclParser.parse(source, "bench.tf");
            long elapsed = System.nanoTime() - t0;
            if (file.body().blocks().isEmpty()) {
                throw new IllegalStateException();
            }
            best = Math.min(best, elapsed);
            total += elapsed;
        }
        double mean = total / (double) runs;
        System.out.printf("warm: mean %.1f ms (%.1f MB/s), best %.1f ms (%.1f MB/s) over %d runs%n",
                mean / 1e6, mb / (mean / 1e9), best / 1e6, mb / (best / 1e9), runs);
    }

    /** Renamed copies of a module-sized chunk with the usual mix of blocks, expressions, templates and heredocs. */
    static String generate(int targetChars) {
        StringBuilder sb = new StringBuilder(targetChars + 4096);
        int i = 0;
        while (sb.length() < targetChars) {
            sb.append(CHUNK.replace("NN", Integer.toString(i++)));
        }
        return sb.toString();
    }

    private static final String CHUNK = """
            # Bucket NN with logging and a policy
            resource "aws_s3_bucket" "logs_NN" {
              bucket = "${local.name_prefix}-logs-NN"
              acl    = "private"
              tags   = merge(local.common_tags, { Name = "logs-NN", Index = NN })

              versioning {
                enabled = var.versioning_enabled
              }

              server_side_encryption_configuration {
                rule {
                  apply_server_side_encryption_by_default {
                    sse_algorithm     = "aws:kms"
                    kms_master_key_id = aws_kms_key.key_NN.arn
                  }
                }
              }
            }

            resource "aws_s3_bucket_policy" "logs_NN" {
              bucket = aws_s3_bucket.logs_NN.id
              policy = <<-EOT
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": "${aws_s3_bucket.logs_NN.arn}/*",
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}}
                  }]
                }
              EOT
            }

            resource "aws_security_group" "web_NN" {
              name        = "web-NN"
              description = "Web tier NN"
              vpc_id      = var.vpc_id != "" ? var.vpc_id : data.aws_vpc.default.id

              dynamic "ingress" {
                for_each = { for rule in var.ingress_rules : rule.name => rule if rule.enabled }
                content {
                  from_port   = ingress.value.port
                  to_port     = ingress.value.port
                  protocol    = "tcp"
                  cidr_blocks = [for c in ingress.value.cidrs : trimspace(c)]
                }
              }

              egress {
                from_port   = 0
                to_port     = 0
                protocol    = "-1"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }

            resource "aws_instance" "app_NN" {
              count         = var.instance_count * 2 + 1
              ami           = data.aws_ami.ubuntu.id
              instance_type = count.index % 2 == 0 ? "t3.micro" : "t3.small"
              subnet_id     = element(module.vpc.private_subnets, count.index)
              user_data     = "%{ if var.bootstrap }#!/bin/bash\\necho ${count.index}%{ endif }"
              root_block_device {
                volume_size = 1.5e1
                encrypted   = true
              }
              lifecycle {
                ignore_changes = [tags["LastModified"], ami]
              }
            }

            output "app_NN_ids" {
              value = aws_instance.app_NN[*].id
            }

            """;
}
