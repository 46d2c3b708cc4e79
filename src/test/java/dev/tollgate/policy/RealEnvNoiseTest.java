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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The noise check: env templates written the way popular Django and Next.js projects write them (placeholders, empty
 * values, changeme, localhost defaults, comments) must give no finding a maintainer would disagree with; for pure
 * templates that is none at all. The same files renamed to files that deploy must be judged, so the silence is the
 * policies' decision and not a blind spot.
 */
class RealEnvNoiseTest {

    private static final Path REAL_ENV = Path.of("src/test/resources/dev/tollgate/policy/real-env");

    private static ScanReport scan(Path dir) throws Exception {
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        return new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(), new Parsers(),
                "test").scan(List.of(dir));
    }

    @Test
    void realisticTemplates_giveNoFinding() throws Exception {
        ScanReport report = scan(REAL_ENV);
        assertEquals(List.of(), report.findings().stream().map(Evaluation::toString).toList());
        assertEquals(List.of(), report.problems());
        assertEquals(0, report.count(Outcome.ERROR));
        assertEquals(4, report.files().size(), "the four templates are read");
        // One pass per policy and template: each template must have passed many policies, not been skipped.
        Map<String, Long> passedPolicies = report.evaluations().stream().filter(e -> e.outcome() == Outcome.PASS)
                .collect(Collectors.groupingBy(e -> e.location().file(), Collectors.counting()));
        assertEquals(4, passedPolicies.size(), "every template passes some policy: " + passedPolicies);
        passedPolicies.forEach((file, n) -> assertTrue(n >= 10, file + " is evaluated, not skipped: " + n + " passes"));
    }

    @Test
    void theSameValuesInADeployedFile_areReported(@TempDir Path dir) throws Exception {
        Files.copy(REAL_ENV.resolve("saas-monorepo/.env.sample"), dir.resolve(".env.production"));
        Set<String> policies = scan(dir).findings().stream().map(Evaluation::policyId)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String expected : List.of("TG-ENV-DEBUG-001", "TG-ENV-HOSTS-001", "TG-ENV-PAGE-001", "TG-ENV-TIMEOUT-001",
                "TG-ENV-DBPASS-001", "TG-ENV-APIURL-001", "TG-ENV-WSURL-001", "TG-ENV-SENTRY-001",
                "TG-ENV-SECRETKEY-001")) {
            assertTrue(policies.contains(expected), expected + " not reported in " + policies);
        }
    }
}
