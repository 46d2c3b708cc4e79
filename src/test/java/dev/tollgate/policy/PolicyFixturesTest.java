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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy against its own fixtures, KICS- and Error Prone-style: {@code fixtures/<ID>/fail/} must give exactly
 * the findings its {@code # expect: <ID>} markers announce (each marker names the line below it), nothing missing,
 * nothing extra; {@code fixtures/<ID>/pass/} must give no finding, no problem, and at least one passing evaluation
 * (so a pass fixture the policy never looks at cannot pass by accident).
 */
class PolicyFixturesTest {

    static final Path POLICIES = Path.of("policies");
    static final Path FIXTURES = Path.of("fixtures");
    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([A-Z0-9, -]+?)\\s*$");

    static List<Policy> policies() throws PolicyLoadException {
        return PolicyCatalog.load(List.of(new PolicyCatalog.Source(POLICIES, "policies/"))).policies();
    }

    private static ScanReport scan(Policy policy, Path dir) throws PolicyLoadException {
        PolicyCatalog one = new PolicyCatalog(List.of(policy), List.of());
        Scanner scanner = new Scanner(one, PolicyEngine.compile(List.of(policy)), new FileDiscovery(), new Parsers(),
                "test");
        return scanner.scan(List.of(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void failFixtures_reportExactlyTheMarkedLines(Policy policy) throws Exception {
        Path dir = FIXTURES.resolve(policy.id()).resolve("fail");
        ScanReport report = scan(policy, dir);

        Set<String> expected = expectedFindings(dir, policy.id());
        Set<String> actual = report.findings().stream()
                .map(e -> e.policyId() + " " + e.location().file() + ":" + e.location().line())
                .collect(Collectors.toCollection(TreeSet::new));

        assertTrue(!expected.isEmpty(), "fail fixture of " + policy.id() + " has no '# expect:' marker");
        assertEquals(expected, actual, "findings of " + policy.id() + " in " + dir);
        assertEquals(List.of(), report.problems(), "problems in " + dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void passFixtures_giveNoFindingAndAreEvaluated(Policy policy) throws Exception {
        Path dir = FIXTURES.resolve(policy.id()).resolve("pass");
        ScanReport report = scan(policy, dir);

        assertEquals(List.of(), report.findings().stream().map(Evaluation::toString).toList(), "findings in " + dir);
        assertEquals(List.of(), report.problems(), "problems in " + dir);
        assertTrue(report.count(Outcome.PASS) > 0, "the pass fixture of " + policy.id() + " is never evaluated");
    }

    /** {@code "<ID> <file>:<line>"} for each marker naming {@code id}; the finding is expected on the next line. */
    static Set<String> expectedFindings(Path dir, String id) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                String rel = dir.relativize(f).toString().replace('\\', '/');
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (m.find()) {
                        for (String named : m.group(1).split(",")) {
                            if (named.strip().equals(id)) {
                                out.add(id + " " + rel + ":" + (i + 2));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
