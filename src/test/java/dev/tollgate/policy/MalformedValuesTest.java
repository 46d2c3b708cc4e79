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
}
