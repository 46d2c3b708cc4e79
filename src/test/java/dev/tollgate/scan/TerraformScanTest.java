package dev.tollgate.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Problem;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform through the whole scan: directories evaluated once, modules through their calls, findings and
 * suppressions in the module's file, plan JSON, and no network or outside-the-tree access.
 */
class TerraformScanTest {

    @TempDir
    Path tmp;

    private ScanReport scan(Path root) throws Exception {
        Path policies = Files.createDirectories(tmp.resolve("policies"));
        Files.writeString(policies.resolve("TG-TF-ACL-900.yaml"), String.join("\n",
                "id: TG-TF-ACL-900",
                "title: Bucket ACLs are not public",
                "description: Test policy.",
                "severity: high",
                "checklist: [security.https-everywhere]",
                "match: {format: terraform, kinds: [aws_s3_bucket_acl]}",
                "select: $.acl",
                "condition: item != 'public-read'",
                "remediation: Use private."));
        // Only the test policy: the bundled Terraform policies (policies/terraform) would add their own findings.
        PolicyCatalog bundled = BundledPolicies.load(List.of(policies));
        PolicyCatalog catalog = new PolicyCatalog(bundled.policies().stream()
                .filter(p -> p.id().equals("TG-TF-ACL-900")).toList(), bundled.checklist());
        return new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(), new Parsers(),
                "test").scan(List.of(root));
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path tree() throws IOException {
        Path root = tmp.resolve("repo");
        write(root, "infra/main.tf", """
                module "public" {
                  source = "../modules/bucket"
                  acl    = "public-read"
                }
                module "private" {
                  source = "../modules/bucket"
                }
                """);
        write(root, "modules/bucket/main.tf", """
                variable "acl" {
                  default = "private"
                }

                resource "aws_s3_bucket_acl" "this" {
                  bucket = "b"
                  acl    = var.acl
                }
                """);
        write(root, "modules/bucket/variables.tf", "# nothing else\n");
        return root;
    }

    @Test
    void modulesAreEvaluatedPerCallAndFindingsPointIntoTheModule() throws Exception {
        ScanReport report = scan(tree());
        assertEquals(List.of(), report.problems());
        List<String> findings = report.findings().stream()
                .map(e -> e.resourceAddress() + " " + e.location()).toList();
        assertEquals(List.of("module.public.aws_s3_bucket_acl.this modules/bucket/main.tf:7:3"), findings);
        assertEquals(List.of(
                new ScannedFile("infra/main.tf", "terraform", 0),
                new ScannedFile("modules/bucket/main.tf", "terraform", 2),
                new ScannedFile("modules/bucket/variables.tf", "terraform", 0)), report.files());
    }

    @Test
    void aDirectiveInTheModuleFileSuppressesEveryCallsFinding() throws Exception {
        Path root = tree();
        write(root, "modules/bucket/main.tf", """
                variable "acl" {
                  default = "private"
                }

                resource "aws_s3_bucket_acl" "this" {
                  bucket = "b"
                  acl    = var.acl # tollgate:ignore TG-TF-ACL-900 the public site bucket is public by design
                }
                """);
        ScanReport report = scan(root);
        assertEquals(List.of(), report.findings());
        assertEquals(1, report.suppressed().size());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void planJsonIsScannedAsTerraform() throws Exception {
        Path root = tmp.resolve("plan");
        write(root, "tfplan.json", dev.tollgate.parse.terraform.PlanFixture.PLAN);
        ScanReport report = scan(root);
        assertEquals(List.of(new ScannedFile("tfplan.json", "terraform", 3)), report.files());
        assertEquals(List.of("module.site.aws_s3_bucket_acl.this[\"web\"] tfplan.json:37"),
                report.findings().stream().map(e -> e.resourceAddress() + " " + e.location().file() + ":"
                        + e.location().line()).toList());
    }

    @Test
    void terraformIsNoLongerReportedAsNotScanned() throws Exception {
        ScanReport report = scan(tree());
        assertTrue(report.problems().stream().noneMatch(p -> p.message().contains("not scanned yet")));
    }

    /**
     * {@code data "http"}, remote module sources and URLs everywhere: the scan opens no connection (a security
     * manager fails the test on any connect or resolve) and reads nothing outside the scanned tree.
     */
    @Test
    @SuppressWarnings("removal")
    void noNetworkAndNothingOutsideTheTree() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        write(outside, "secret.tf", "resource \"aws_s3_bucket_acl\" \"leak\" {\n  acl = \"public-read\"\n}\n");
        write(outside, "secret.json", "{\"acl\": \"x\"}");
        Path root = tmp.resolve("net");
        write(root, "main.tf", """
                data "http" "page" {
                  url = "https://example.com/policy.json"
                }
                module "remote" {
                  source = "git::https://example.com/modules.git//bucket"
                }
                module "registry" {
                  source = "hashicorp/consul/aws"
                }
                module "escape" {
                  source = "../outside"
                }
                resource "aws_s3_bucket_acl" "a" {
                  bucket = "b"
                  acl    = jsondecode(data.http.page.response_body).acl
                  other  = file("../outside/secret.json")
                  abs    = file("/etc/hostname")
                  url    = "https://example.com/${data.http.page.id}"
                }
                """);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        String outsidePath = outside.toAbsolutePath().toString();
        SecurityManager previous = System.getSecurityManager();
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
                if (perm instanceof java.net.SocketPermission) {
                    violations.add(perm.toString());
                }
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
                checkPermission(perm);
            }

            @Override
            public void checkConnect(String host, int port) {
                violations.add("connect " + host + ":" + port);
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                checkConnect(host, port);
            }

            @Override
            public void checkRead(String file) {
                if (file.startsWith(outsidePath) || file.equals("/etc/hostname")) {
                    violations.add("read " + file);
                }
            }
        });
        ScanReport report;
        try {
            report = scan(root);
        } finally {
            System.setSecurityManager(previous);
        }
        assertEquals(List.of(), violations);
        // The ACL comes from a data source: unknown, so the policy can neither pass nor fail it.
        List<Evaluation> acl = report.evaluations().stream().filter(e -> e.policyId().equals("TG-TF-ACL-900")).toList();
        assertEquals(List.of(Outcome.UNKNOWN), acl.stream().map(Evaluation::outcome).toList());
        assertEquals(List.of(
                "main.tf:4:1: module source git::https://example.com/modules.git//bucket not resolved "
                        + "(run terraform init to scan it)",
                "main.tf:7:1: module source hashicorp/consul/aws not resolved (run terraform init to scan it)",
                "main.tf:11:12: module source ../outside is outside the scanned tree; it is not scanned"),
                report.problems().stream().map(Problem::toString).toList());
    }
}
