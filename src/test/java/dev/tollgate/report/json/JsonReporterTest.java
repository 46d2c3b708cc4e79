package dev.tollgate.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static String json(ScanReport report) throws IOException {
        return Golden.render(new JsonReporter(), report);
    }

    private static JsonNode tree(ScanReport report) throws IOException {
        return new ObjectMapper().readTree(json(report));
    }

    @Test
    void sampleMatchesGolden() throws IOException {
        Golden.assertMatches("sample.json", json(SampleReports.sample()));
    }

    @Test
    void cleanMatchesGolden() throws IOException {
        Golden.assertMatches("clean.json", json(SampleReports.clean()));
    }

    @Test
    void sameReportGivesSameBytesWhateverTheInputOrder() throws IOException {
        String first = json(SampleReports.sample());
        assertEquals(first, json(SampleReports.sampleShuffled()));
        assertTrue(first.endsWith("}\n"), "pretty-printed with a trailing newline");
    }

    @Test
    void topLevelKeysAreTheDocumentedOnesInOrder() throws IOException {
        List<String> keys = new ArrayList<>();
        tree(SampleReports.sample()).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("schemaVersion", "tool", "summary", "findings", "suppressed", "errors", "unknown",
                "baseline", "problems", "files"), keys);
    }

    @Test
    void summaryCountsEverything() throws IOException {
        JsonNode summary = tree(SampleReports.sample()).get("summary");
        assertEquals(4, summary.get("files").asInt());
        assertEquals(7, summary.get("resources").asInt());
        assertEquals(3, summary.get("findings").asInt());
        assertEquals(0, summary.at("/bySeverity/critical").asInt());
        assertEquals(1, summary.at("/bySeverity/high").asInt());
        assertEquals(1, summary.at("/bySeverity/medium").asInt());
        assertEquals(1, summary.at("/bySeverity/low").asInt());
        assertEquals(2, summary.get("passes").asInt());
        assertEquals(1, summary.get("errors").asInt());
        assertEquals(3, summary.get("problems").asInt());
    }

    @Test
    void findingCarriesPolicyMetadataAndLocation() throws IOException {
        // Report order is by file: deploy/... first, so the compose finding is the last one.
        JsonNode finding = tree(SampleReports.sample()).at("/findings/2");
        assertEquals("compose-redis-persistence", finding.get("policy").asText());
        assertEquals("medium", finding.get("severity").asText());
        assertEquals("cache.redis-persistence", finding.at("/checklist/0").asText());
        assertEquals("docker-compose.yml", finding.get("file").asText());
        assertEquals(9, finding.get("line").asInt());
        assertEquals("services.redis", finding.at("/resource/address").asText());
        // Unknown values are written as null, never left out: the key set is stable.
        assertTrue(finding.at("/resource/name").isNull());
        assertEquals("compose-redis-persistence:3c4d5e6f7a8b9c0d", finding.get("fingerprint").asText());
    }

    @Test
    void cleanReportHasEmptyListsNotMissingOnes() throws IOException {
        JsonNode root = tree(SampleReports.clean());
        assertEquals(0, root.get("findings").size());
        assertEquals(0, root.get("errors").size());
        assertEquals(0, root.get("problems").size());
        assertEquals(0, root.at("/summary/findings").asInt());
    }

    @Test
    void handWrittenFindingsGiveTheBytesOfTheRecordSerializer() throws IOException {
        List<dev.tollgate.finding.Evaluation> evaluations = new ArrayList<>();
        for (dev.tollgate.finding.Evaluation e : SampleReports.sample().evaluations()) {
            evaluations.add(e);
            // A copy inside a module, suppressed, with no kind or name and a message that needs escaping.
            evaluations.add(new dev.tollgate.finding.Evaluation(e.policyId(), e.severity(), e.outcome(), e.location(),
                    e.resourceAddress() + "/copy", null, null, e.pointer(), "\"quoted\" \u00e9\u2028\ttab\u0001",
                    e.fingerprint(), e.message().contains("privileged") ? new dev.tollgate.finding.Suppression(
                            dev.tollgate.finding.Suppression.Source.CONFIG, "accepted", null,
                            new dev.tollgate.model.SourceLocation(".tollgate.yml", 4, 3)) : null,
                    dev.tollgate.finding.BaselineState.NEW,
                    List.of(new dev.tollgate.model.SourceLocation("main.tf", 3, 1),
                            new dev.tollgate.model.SourceLocation("modules/a/main.tf", 7, 5))));
        }
        for (ScanReport report : List.of(SampleReports.sample(), SampleReports.clean(),
                SampleReports.sample().withEvaluations(evaluations))) {
            assertEquals(Golden.render(new JsonReporter(false), report), Golden.render(new JsonReporter(true), report));
        }
    }
}
