package dev.tollgate.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.Severity;
import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * GitHub code scanning rejects a whole upload whose run holds more than 25,000 results (its documented SARIF limits),
 * so a log for a large repository keeps the most severe findings and says how many it left out.
 */
class SarifResultsLimitTest {

    private static final int MAX = SarifReporter.GITHUB_MAX_RESULTS;
    private static final String FILE = "docker-compose.yml";

    /** {@code count} failures, one per line, each with the severity {@code severityOfLine} gives its line. */
    private static ScanReport failures(int count, IntFunction<Severity> severityOfLine) {
        List<Evaluation> evaluations = new ArrayList<>();
        for (int line = 1; line <= count; line++) {
            evaluations.add(new Evaluation("compose-redis-persistence", severityOfLine.apply(line), Outcome.FAIL,
                    new SourceLocation(FILE, line, 3), "services.redis" + line, "service", "redis" + line, "",
                    "Redis runs without persistence", "compose-redis-persistence:" + line, null, null));
        }
        evaluations.sort(Evaluation.REPORT_ORDER);
        return new ScanReport(SampleReports.VERSION, SampleReports.policies(), SampleReports.checklist(),
                evaluations, List.of(new ScannedFile(FILE, "compose", count)), List.of());
    }

    private static JsonNode run(ScanReport report, SarifReporter reporter) throws IOException {
        return new ObjectMapper().readTree(Golden.render(reporter, report)).at("/runs/0");
    }

    private static List<Integer> resultLines(JsonNode run) {
        List<Integer> lines = new ArrayList<>();
        run.get("results").forEach(r -> lines.add(
                r.at("/locations/0/physicalLocation/region/startLine").asInt()));
        return lines;
    }

    private static List<String> notificationIds(JsonNode run) {
        List<String> ids = new ArrayList<>();
        run.at("/invocations/0/toolExecutionNotifications").forEach(n -> ids.add(n.at("/descriptor/id").asText()));
        return ids;
    }

    @Test
    void moreThanGithubAcceptsKeepsTheMostSevereInReportOrderAndSaysHowManyWereLeftOut() throws IOException {
        Set<Integer> lowLines = Set.of(2, 5, MAX + 1);
        ScanReport report = failures(MAX + 3, line -> lowLines.contains(line) ? Severity.LOW : Severity.MEDIUM);
        SarifReporter reporter = new SarifReporter();

        JsonNode run = run(report, reporter);

        List<Integer> expected = new ArrayList<>();
        for (int line = 1; line <= MAX + 3; line++) {
            if (!lowLines.contains(line)) {
                expected.add(line);
            }
        }
        assertEquals(expected, resultLines(run));
        assertEquals(3, reporter.resultsLeftOut(report));
        JsonNode notice = run.at("/invocations/0/toolExecutionNotifications/0");
        assertEquals("results_left_out", notice.at("/descriptor/id").asText());
        assertEquals("warning", notice.get("level").asText());
        assertTrue(notice.at("/message/text").asText().startsWith("3 of 25,003 findings left out of this log"),
                notice.toString());
    }

    @Test
    void amongEqualSeveritiesTheFirstInReportOrderAreKept() throws IOException {
        ScanReport report = failures(MAX + 2, line -> Severity.MEDIUM);

        List<Integer> lines = resultLines(run(report, new SarifReporter()));

        assertEquals(MAX, lines.size());
        assertEquals(1, lines.get(0));
        assertEquals(MAX, lines.get(MAX - 1));
    }

    @Test
    void exactlyAsManyAsGithubAcceptsAreAllKeptWithoutANotice() throws IOException {
        ScanReport report = failures(MAX, line -> line % 2 == 0 ? Severity.LOW : Severity.HIGH);
        SarifReporter reporter = new SarifReporter();

        JsonNode run = run(report, reporter);

        assertEquals(MAX, run.get("results").size());
        assertEquals(0, reporter.resultsLeftOut(report));
        assertTrue(!notificationIds(run).contains("results_left_out"), notificationIds(run).toString());
    }

    @Test
    void auditEvidenceWithPassesIsNeverCut() throws IOException {
        ScanReport report = failures(MAX + 1, line -> line == 1 ? Severity.LOW : Severity.MEDIUM);
        SarifReporter evidence = new SarifReporter(false, true);

        JsonNode run = run(report, evidence);

        assertEquals(MAX + 1, run.get("results").size());
        assertEquals(0, evidence.resultsLeftOut(report));
        assertTrue(!notificationIds(run).contains("results_left_out"), notificationIds(run).toString());
    }
}
