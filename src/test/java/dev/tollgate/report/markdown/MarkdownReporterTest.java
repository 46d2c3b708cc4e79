package dev.tollgate.report.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

    private static String markdown(ScanReport report) throws IOException {
        return Golden.render(new MarkdownReporter(), report);
    }

    /** The findings table's rows (not the count tables, whose first column is a name, not a severity label). */
    private static List<String> findingRows(String md) {
        String table = md.substring(md.indexOf("### Findings"));
        return table.lines().filter(l -> l.matches("\\| (CRITICAL|HIGH|MEDIUM|LOW) \\| .*")).toList();
    }

    @Test
    void sampleMatchesGolden() throws IOException {
        Golden.assertMatches("sample.md", markdown(SampleReports.sample()));
    }

    @Test
    void cleanMatchesGolden() throws IOException {
        Golden.assertMatches("clean.md", markdown(SampleReports.clean()));
    }

    @Test
    void problemsOnlyMatchesGolden() throws IOException {
        Golden.assertMatches("problems.md", markdown(SampleReports.problemsOnly()));
    }

    @Test
    void sameReportGivesSameBytesWhateverTheInputOrder() throws IOException {
        String first = markdown(SampleReports.sample());
        assertEquals(first, markdown(SampleReports.sample()));
        assertEquals(first, markdown(SampleReports.sampleShuffled()));
    }

    @Test
    void cleanScanSaysSoAndHasNoTables() throws IOException {
        String md = markdown(SampleReports.clean());
        assertTrue(md.contains("\nNo findings in 4 files; 2 passed\n"), md);
        assertFalse(md.contains("|"), md);
        assertFalse(md.contains("<details>"), md);
    }

    @Test
    void findingsAreMostSevereFirstWithRelativeLinksToTheLine() throws IOException {
        List<String> rows = findingRows(markdown(SampleReports.sample()));
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("| HIGH | k8s-no-privileged | "), rows.get(0));
        assertTrue(rows.get(0).endsWith(" | [deploy/web app.yaml:21](deploy/web%20app.yaml#L21) |"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| MEDIUM | compose-redis-persistence | "), rows.get(1));
        assertTrue(rows.get(1).endsWith(" | [docker-compose.yml:9](docker-compose.yml#L9) |"), rows.get(1));
        assertTrue(rows.get(2).startsWith("| LOW | k8s-resource-limits | "), rows.get(2));
    }

    @Test
    void aFindingCountsOncePerSectionItsPolicyTracesTo() throws IOException {
        String md = markdown(SampleReports.sample());
        // k8s-no-privileged traces to two items, both in Security / Containers: one finding, counted once.
        assertTrue(md.contains("| Security / Containers | 1 |\n"), md);
        assertTrue(md.contains("| Backend Configuration / Cache \\& Queue | 1 |\n"), md);
        // k8s-resource-limits traces to no item.
        assertTrue(md.contains("| (no checklist item) | 1 |\n"), md);
    }

    @Test
    void messageMetacharactersAreEscaped() throws IOException {
        String message = "a | b < c & d ]]> e *f* _g_ `h` [i](j) @k #1 $l\nsecond line";
        String md = markdown(SampleReports.oneFinding("odd (dir)/x|y.yml", message));
        List<String> rows = findingRows(md);
        assertEquals(1, rows.size(), md);
        assertEquals("| MEDIUM | compose-redis-persistence | a \\| b \\< c \\& d \\]\\]\\> e \\*f\\* \\_g\\_ \\`h\\` "
                + "\\[i\\](j) \\@k \\#1 \\$l second line | [odd (dir)/x\\|y.yml:4](odd%20%28dir%29/x%7Cy.yml#L4) |",
                rows.get(0));
        // Every | that is not a cell border is escaped: the row still has exactly its five borders.
        assertEquals(5, rows.get(0).replace("\\|", "").chars().filter(c -> c == '|').count());
    }

    @Test
    void linkBaseMakesLinksAbsolute() throws IOException {
        String md = Golden.render(new MarkdownReporter("https://github.com/o/r/blob/abc123/"), SampleReports.sample());
        assertTrue(md.contains("[docker-compose.yml:9](https://github.com/o/r/blob/abc123/docker-compose.yml#L9)"), md);
    }

    @Test
    void findingsTableStopsAtAThousandRowsAndSaysHowManyAreLeftOut() throws IOException {
        String md = markdown(SampleReports.manyFindings(1_005, "Service runs Redis without persistence"));
        assertEquals(1_000, findingRows(md).size());
        assertTrue(md.contains("_5 more findings not shown: GitHub limits a summary to 1 MiB."), md);
        // The counts still cover every finding.
        assertTrue(md.contains("| MEDIUM | 1005 |\n"), md);
    }

    @Test
    void longMessagesStayUnderGitHubsOneMebibyteLimit() throws IOException {
        String md = markdown(SampleReports.manyFindings(1_000, "é|".repeat(600)));
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length < 1024 * 1024, "bytes: " + md.length());
        int shown = findingRows(md).size();
        assertTrue(shown > 0 && shown < 1_000, "rows shown: " + shown);
        assertTrue(md.contains("_" + (1_000 - shown) + " more findings not shown"), md.substring(md.length() - 300));
    }

    @Test
    void allFindingsShownBelowTheCap() throws IOException {
        String md = markdown(SampleReports.manyFindings(1_000, "short"));
        assertEquals(1_000, findingRows(md).size());
        assertFalse(md.contains("not shown"));
    }

    @Test
    void problemListIsCappedToo() throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 1_005; i++) {
            problems.add(Problem.wholeFile(String.format("broken/%04d.yaml", i), Problem.Kind.PARSE_ERROR, "bad"));
        }
        ScanReport report = new ScanReport(SampleReports.VERSION, SampleReports.policies(), SampleReports.checklist(),
                List.of(), List.of(), problems);
        String md = markdown(report);
        assertTrue(md.contains("<summary>Not understood: 1005 problems</summary>"), md.substring(0, 300));
        assertEquals(1_000, md.lines().filter(l -> l.startsWith("- [broken/")).count());
        assertTrue(md.endsWith("- _5 more not shown_\n\n</details>\n"), md.substring(md.length() - 100));
    }
}
