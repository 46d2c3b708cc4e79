package dev.tollgate.report.markdown;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.policy.Severity;
import dev.tollgate.report.Reporter;
import dev.tollgate.report.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GitHub-flavoured Markdown summary for {@code $GITHUB_STEP_SUMMARY} or a pull-request comment: a heading, the
 * summary line, findings by severity and by checklist section, a findings table (most severe first) with each
 * location linked, and the problems in a collapsed {@code <details>}. A clean scan gets the heading, "No findings in N
 * files" and nothing else but its problems.
 *
 * <p>GitHub refuses a step summary over 1 MiB, so the findings table stops at {@value #MAX_ROWS} rows and the whole
 * report at about {@value #MAX_BYTES} bytes, whichever comes first, and says how many rows it left out. Sorting by
 * severity first means the rows left out are the least severe ones.
 */
public final class MarkdownReporter implements Reporter {

    static final int MAX_ROWS = 1_000;
    /** Well under GitHub's 1 MiB, leaving room for the text around the tables and other steps' summaries. */
    static final int MAX_BYTES = 768 * 1024;

    private static final Comparator<Evaluation> SEVERITY_FIRST =
            Comparator.comparing(Evaluation::severity).thenComparing(Evaluation.REPORT_ORDER);

    private final String linkBase;
    private final int maxRows;
    private final int maxBytes;

    /** Links relative to the repository root ({@code k8s/app.yaml#L12}). */
    public MarkdownReporter() {
        this("");
    }

    /**
     * @param linkBase put before every link target: {@code ""} for links relative to the page, or a URL ending in
     *     {@code /} such as {@code https://github.com/OWNER/REPO/blob/SHA/}, which makes links work from a step summary
     *     or a comment, where relative links resolve against the page and not the repository
     */
    public MarkdownReporter(String linkBase) {
        this(linkBase, MAX_ROWS, MAX_BYTES);
    }

    MarkdownReporter(String linkBase, int maxRows, int maxBytes) {
        this.linkBase = linkBase;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        StringBuilder md = new StringBuilder();
        List<Evaluation> findings = report.findings().stream().sorted(SEVERITY_FIRST).toList();
        md.append("## Tollgate: ")
                .append(findings.isEmpty() ? "no findings" : ScanSummary.plural(findings.size(), "finding"))
                .append("\n\n");
        md.append(MarkdownText.escape(ScanSummary.line(report))).append("\n\n");
        if (!findings.isEmpty()) {
            writeBySeverity(report, md);
            writeBySection(report, md);
            writeFindings(findings, md);
        }
        writeProblems(report.problems(), md);
        // Each block ends with a blank line to separate it from the next; the document ends with one newline.
        while (md.length() > 1 && md.charAt(md.length() - 1) == '\n' && md.charAt(md.length() - 2) == '\n') {
            md.setLength(md.length() - 1);
        }
        out.write(md.toString());
        out.flush();
    }

    private static void writeBySeverity(ScanReport report, StringBuilder md) {
        md.append("| Severity | Findings |\n| :-- | --: |\n");
        for (Map.Entry<Severity, Long> count : report.findingsBySeverity().entrySet()) {
            md.append("| ").append(ScanSummary.label(count.getKey())).append(" | ").append(count.getValue())
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void writeBySection(ScanReport report, StringBuilder md) {
        md.append("| Checklist section | Findings |\n| :-- | --: |\n");
        ChecklistSections.count(report).forEach((section, count) ->
                md.append("| ").append(MarkdownText.escape(section)).append(" | ").append(count).append(" |\n"));
        md.append('\n');
    }

    private void writeFindings(List<Evaluation> findings, StringBuilder md) {
        md.append("### Findings\n\n| Severity | Policy | Message | Location |\n| :-- | :-- | :-- | :-- |\n");
        int written = 0;
        long bytes = utf8Length(md);
        for (Evaluation finding : findings) {
            String row = "| " + ScanSummary.label(finding.severity())
                    + " | " + MarkdownText.escape(finding.policyId())
                    + " | " + MarkdownText.escape(finding.message())
                    + " | " + MarkdownText.fileLink(linkBase, finding.location().file(), finding.location().line())
                    + " |\n";
            bytes += utf8Length(row);
            if (written == maxRows || bytes > maxBytes) {
                break;
            }
            md.append(row);
            written++;
        }
        md.append('\n');
        if (written < findings.size()) {
            md.append("_").append(findings.size() - written).append(" more ")
                    .append(findings.size() - written == 1 ? "finding" : "findings")
                    .append(" not shown: GitHub limits a summary to 1 MiB."
                            + " The JSON or SARIF report has them all._\n\n");
        }
    }

    private void writeProblems(List<Problem> problems, StringBuilder md) {
        if (problems.isEmpty()) {
            return;
        }
        long policyErrors = problems.stream().filter(p -> p.kind() == Problem.Kind.POLICY_ERROR).count();
        long other = problems.size() - policyErrors;
        md.append("<details>\n<summary>Not understood: ").append(ScanSummary.plural(problems.size(), "problem"));
        if (policyErrors > 0) {
            md.append(" (").append(other).append(" in files, ").append(ScanSummary.plural(policyErrors, "policy error"))
                    .append(')');
        }
        // The blank line makes GitHub render the list inside the HTML block as Markdown.
        md.append("</summary>\n\n");
        int written = 0;
        long bytes = utf8Length(md);
        List<Problem> sorted = problems.stream().sorted().toList();
        for (Problem problem : sorted) {
            String item = "- " + MarkdownText.fileLink(linkBase, problem.file(), problem.line()) + " "
                    + kind(problem.kind()) + ": " + MarkdownText.escape(problem.message()) + "\n";
            bytes += utf8Length(item);
            if (written == maxRows || bytes > maxBytes) {
                break;
            }
            md.append(item);
            written++;
        }
        if (written < sorted.size()) {
            md.append("- _").append(sorted.size() - written).append(" more not shown_\n");
        }
        md.append("\n</details>\n\n");
    }

    /** Bytes as GitHub counts them against the limit: UTF-8. */
    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code `parse_error`}: the JSON report's kind names, as code so the underscore stays literal. */
    private static String kind(Problem.Kind kind) {
        return "`" + kind.name().toLowerCase(Locale.ROOT) + "`";
    }
}
