package dev.tollgate.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evidence option: passing evaluations as {@code kind: pass} results, the default log unchanged. */
class SarifPassResultsTest {

    private static List<JsonNode> results(ScanReport report, boolean passes) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(Golden.render(new SarifReporter(false, passes), report));
        List<JsonNode> out = new ArrayList<>();
        tree.at("/runs/0/results").forEach(out::add);
        return out;
    }

    @Test
    void passesAreWrittenOnlyOnRequest() throws IOException {
        ScanReport report = SampleReports.sample();
        assertTrue(report.count(Outcome.PASS) > 0, "the sample must have passes for this test to mean anything");
        List<JsonNode> withPasses = results(report, true);
        List<JsonNode> findingsOnly = results(report, false);

        assertEquals(report.findings().size(), findingsOnly.size());
        assertTrue(findingsOnly.stream().allMatch(r -> r.path("kind").asText().equals("fail")));
        assertEquals(report.findings().size() + report.count(Outcome.PASS), withPasses.size());
        List<JsonNode> passes = withPasses.stream().filter(r -> r.path("kind").asText().equals("pass")).toList();
        assertEquals(report.count(Outcome.PASS), passes.size());
        // SARIF 3.27.9: any kind but fail has level none.
        passes.forEach(r -> assertEquals("none", r.path("level").asText(), r.toString()));
        passes.forEach(r -> assertTrue(r.at("/partialFingerprints/primaryLocationLineHash").isTextual(), r.toString()));
    }

    @Test
    void defaultReporterIsTheFindingsOnlyOne() throws IOException {
        ScanReport report = SampleReports.sample();
        assertEquals(Golden.render(new SarifReporter(), report),
                Golden.render(new SarifReporter(false, false), report));
    }
}
