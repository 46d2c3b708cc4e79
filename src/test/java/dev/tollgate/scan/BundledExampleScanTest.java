package dev.tollgate.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.report.Reporters;
import java.io.StringWriter;
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
import org.junit.jupiter.api.Test;

/**
 * The README's demo, {@code fixtures/}, scanned with every bundled policy at once: every {@code # expect:} marker is
 * found; inside {@code fixtures/<ID>/}, policy ID's findings are exactly its markers; there is no problem and no
 * policy error; and scanning twice gives identical bytes in every format. (Other policies may fire on a fixture
 * written for one policy: realistic files break several rules. {@code PolicyFixturesTest} holds each policy to
 * exactly its own markers.)
 */
class BundledExampleScanTest {

    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([A-Z0-9, -]+?)\\s*$");

    private static ScanReport scan() throws Exception {
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        return new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(), new Parsers(),
                "test").scan(List.of(Path.of("fixtures")));
    }

    @Test
    void findingsAreExactlyTheMarkers() throws Exception {
        ScanReport report = scan();
        Set<String> all = report.findings().stream()
                .map(e -> e.policyId() + " " + e.location().file() + ":" + e.location().line())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> markers = markers(Path.of("fixtures"));
        Set<String> missing = new TreeSet<>(markers);
        missing.removeAll(all);
        assertEquals(Set.of(), missing, "markers without a finding");
        Set<String> ownUnmarked = new TreeSet<>(all);
        ownUnmarked.removeAll(markers);
        ownUnmarked.removeIf(f -> !f.substring(f.indexOf(' ') + 1).startsWith(f.substring(0, f.indexOf(' ')) + "/"));
        assertEquals(Set.of(), ownUnmarked, "findings in a policy's own fixtures without a marker");
        assertEquals(List.of(), report.problems());
        assertEquals(0, report.count(Outcome.ERROR));
    }

    @Test
    void everyFormatIsDeterministic() throws Exception {
        for (String format : Reporters.FORMATS) {
            StringWriter a = new StringWriter();
            StringWriter b = new StringWriter();
            Reporters.forFormat(format, false).write(scan(), a);
            Reporters.forFormat(format, false).write(scan(), b);
            assertEquals(a.toString(), b.toString(), format);
        }
    }

    private static Set<String> markers(Path root) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                String rel = root.relativize(f).toString().replace('\\', '/');
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (m.find()) {
                        for (String id : m.group(1).split(",")) {
                            out.add(id.strip() + " " + rel + ":" + (i + 2));
                        }
                    }
                }
            }
        }
        return out;
    }
}
