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
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test").scan(List.of(Path.of("src/test/resources/dev/tollgate/policy/malformed")));
        List<String> errors = report.evaluations().stream().filter(e -> e.outcome() == Outcome.ERROR)
                .map(Evaluation::message).toList();
        assertEquals(List.of(), errors);
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
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        Path shapes = Path.of("src/test/resources/dev/tollgate/policy/malformed-shapes");
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test").scan(List.of(shapes));
        List<String> errors = report.evaluations().stream().filter(e -> e.outcome() == Outcome.ERROR)
                .map(Evaluation::message).toList();
        assertEquals(List.of(), errors);
        assertEquals(List.of(), report.problems().stream().map(p -> p.kind() + " " + p.message()).toList());

        Set<String> judged = Set.of("TG-TF-CORS-001", "TG-DC-TIMEOUT-001", "TG-DC-PAGE-001", "TG-K8S-TIMEOUT-001",
                "TG-K8S-PAGE-001", "TG-TF-S3-004", "TG-TF-PG-001", "TG-TF-BACKUP-001", "TG-TF-S3-001",
                "TG-TF-S3-002", "TG-TF-REDIS-001", "TG-TF-REDIS-002", "TG-TF-REDISMEM-002", "TG-TF-PG-002",
                "TG-TF-TIMEOUT-001", "TG-TF-HTTPS-001", "TG-TF-HTTPS-002", "TG-DC-PG-001", "TG-K8S-REDIS-001",
                "TG-K8S-PG-001", "TG-K8S-REDISMEM-001", "TG-K8S-SENDER-001", "TG-K8S-EMAIL-001", "TG-K8S-HTTPS-003");
        List<String> failures = report.evaluations().stream()
                .filter(e -> e.outcome() == Outcome.FAIL && judged.contains(e.policyId()))
                .map(e -> e.policyId() + " " + e.location().file() + ":" + e.location().line()).sorted().toList();
        assertEquals(List.of("TG-DC-PAGE-001 compose/docker-compose.yml:11",
                "TG-DC-TIMEOUT-001 compose/docker-compose.yml:9", "TG-K8S-PAGE-001 kubernetes/workloads.yaml:52",
                "TG-K8S-TIMEOUT-001 kubernetes/workloads.yaml:13", "TG-TF-CORS-001 terraform/main.tf:83"), failures);
    }
}
