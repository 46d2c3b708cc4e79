package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.parse.Parsers;
import dev.tollgate.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Values of unexpected types (env values that are maps, numbers or booleans, a command written as a string, bare
 * keys, empty tls entries, numeric annotations) must be judged or skipped by every policy, never end in a policy
 * error: an error is neither a pass nor a fail, so it would hide the check.
 */
class MalformedValuesTest {

    @Test
    void noPolicyErrorsOnValuesOfTheWrongType() throws Exception {
        ScanReport report = scan("malformed");
        assertEquals(List.of(), errors(report));
        assertTrue(report.count(Outcome.FAIL) > 10, "the odd values are still judged");
    }

    /**
     * The fuzz campaign's cases: string() of a list or a block, a comprehension over a string, a field read on a
     * container written as a string or left empty, an env entry without a name, int() of "7 days", of 1e400 and of 23
     * digits. A shape Terraform or Kubernetes would reject is not judged, with one exception: a bare "*" for
     * allowed_origins says plainly what it means. Numbers too large for a long are judged as the large numbers they
     * are.
     */
    @Test
    void noPolicyErrorsOnShapesAndNumbersTheFuzzFound() throws Exception {
        ScanReport report = scan("malformed-shapes");
        assertEquals(List.of(), errors(report));
        assertEquals(List.of(), report.problems().stream().map(p -> p.kind() + " " + p.message()).toList());

        Set<String> judged = Set.of("TG-TF-CORS-001", "TG-DC-TIMEOUT-001", "TG-DC-PAGE-001", "TG-K8S-TIMEOUT-001",
                "TG-K8S-PAGE-001", "TG-TF-S3-004", "TG-TF-PG-001", "TG-TF-BACKUP-001", "TG-TF-S3-001",
                "TG-TF-S3-002", "TG-TF-REDIS-001", "TG-TF-REDIS-002", "TG-TF-REDISMEM-002", "TG-TF-PG-002",
                "TG-TF-TIMEOUT-001", "TG-TF-HTTPS-001", "TG-TF-HTTPS-002", "TG-DC-PG-001", "TG-K8S-REDIS-001",
                "TG-K8S-PG-001", "TG-K8S-REDISMEM-001", "TG-K8S-SENDER-001", "TG-K8S-EMAIL-001", "TG-K8S-HTTPS-003");
        assertEquals(List.of("TG-DC-PAGE-001 compose/docker-compose.yml:11",
                "TG-DC-TIMEOUT-001 compose/docker-compose.yml:9", "TG-K8S-PAGE-001 kubernetes/workloads.yaml:52",
                "TG-K8S-TIMEOUT-001 kubernetes/workloads.yaml:13", "TG-TF-CORS-001 terraform/main.tf:83"),
                failures(report, judged));
    }

    /**
     * The shape probe's cases (every value of every fixture swapped for an odd shape, inputs at the end of
     * malformed-shapes): string() of a list or a block written for an attribute, an annotation or an env value or
     * name, a comprehension over a block written as a string, double() of "" or "two", indexOf on an empty
     * Kustomize literal. None is judged, except where the odd value is not what the policy is about: a Deployment
     * with replicas: [2] still has no autoscaler (only 0 exempts it), a tls entry with a secretName still has
     * nothing renewing its certificate when kubernetes.io/tls-acme is a list, not "true", and a target group with
     * protocol = ["TCP"] still has no health_check (only a TCP, UDP or TLS protocol exempts it).
     */
    @Test
    void noPolicyErrorsOnShapesTheProbeFound() throws Exception {
        ScanReport report = scan("malformed-shapes");
        assertEquals(List.of(), errors(report));

        Set<String> judged = Set.of("TG-TF-AZBLOB-001", "TG-TF-BACKUP-002", "TG-TF-CSP-001", "TG-TF-DBPASS-001",
                "TG-TF-GCS-001", "TG-TF-GCS-002", "TG-TF-HTTPS-003", "TG-TF-HTTPS-004", "TG-TF-HTTPS-005",
                "TG-TF-HTTPS-006", "TG-TF-HTTPS-007", "TG-TF-PG-003", "TG-TF-REDIS-003", "TG-TF-REDISMEM-001",
                "TG-TF-SCALE-002", "TG-TF-TLS-001", "TG-TF-XFO-001", "TG-TF-XFO-002", "TG-K8S-HPA-001",
                "TG-K8S-HTTPS-002", "TG-K8S-TLS-001", "TG-K8S-XFO-001", "TG-K8S-XFO-002", "TG-K8S-CLIENTSECRET-001",
                "TG-K8S-SECRET-001", "TG-K8S-CSP-001", "TG-K8S-DBPASS-001", "TG-K8S-TIMEOUT-002", "TG-TF-HEALTH-001");
        // Judged as before: workloads.yaml:2 and :98 have no autoscaler, main.tf:60 no settings at all and main.tf:102
        // no response headers policy.
        assertEquals(List.of("TG-K8S-HPA-001 kubernetes/workloads.yaml:2",
                "TG-K8S-HPA-001 kubernetes/workloads.yaml:54", "TG-K8S-HPA-001 kubernetes/workloads.yaml:98",
                "TG-K8S-TLS-001 kubernetes/workloads.yaml:145", "TG-TF-BACKUP-002 terraform/main.tf:60",
                "TG-TF-HEALTH-001 terraform/main.tf:251", "TG-TF-XFO-002 terraform/main.tf:102"),
                failures(report, judged));
    }

    private static ScanReport scan(String resources) throws Exception {
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        return new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(), new Parsers(),
                "test").scan(List.of(Path.of("src/test/resources/dev/tollgate/policy", resources)));
    }

    private static List<String> errors(ScanReport report) {
        return report.evaluations().stream().filter(e -> e.outcome() == Outcome.ERROR).map(Evaluation::message)
                .toList();
    }

    private static List<String> failures(ScanReport report, Set<String> policies) {
        return report.evaluations().stream()
                .filter(e -> e.outcome() == Outcome.FAIL && policies.contains(e.policyId()))
                .map(e -> e.policyId() + " " + e.location().file() + ":" + e.location().line()).sorted().toList();
    }
}
