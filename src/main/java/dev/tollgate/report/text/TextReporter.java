package dev.tollgate.report.text;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.policy.Severity;
import dev.tollgate.report.Reporter;
import dev.tollgate.report.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: findings grouped by file, one aligned line each
 * ({@code path:line  SEVERITY  POLICY-ID  message}), then what was not understood, then the one-line summary of
 * {@link ScanSummary#line}, such as
 * {@code 3 findings (1 high, 2 medium) in 2 of 5 files; 12 passed; 1 file not understood}.
 */
public final class TextReporter implements Reporter {

    private final Ansi ansi;

    /** @param color whether to use ANSI colour; the CLI decides (a terminal, and NO_COLOR unset) */
    public TextReporter(boolean color) {
        this.ansi = new Ansi(color);
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        List<Evaluation> findings = report.findings().stream().sorted(Evaluation.REPORT_ORDER).toList();
        StringBuilder text = new StringBuilder();
        writeFindings(findings, text);
        writeSuppressed(report.suppressed(), text);
        writeProblems(report.problems(), text);
        text.append(ScanSummary.line(report)).append('\n');
        out.write(text.toString());
        out.flush();
    }

    private void writeFindings(List<Evaluation> findings, StringBuilder text) {
        // One width per column over the whole report, so every file's block lines up with the others.
        int whereWidth = 0;
        int severityWidth = 0;
        int policyWidth = 0;
        // Each finding's "path:line" and label are built once (not once for the widths and again for the line):
        // a large report has tens of thousands of them.
        Map<Severity, String> labels = new EnumMap<>(Severity.class);
        Map<String, List<Line>> byFile = new LinkedHashMap<>();
        for (Evaluation finding : findings) {
            Line line = new Line(finding, where(finding),
                    labels.computeIfAbsent(finding.severity(), ScanSummary::label));
            whereWidth = Math.max(whereWidth, line.where().length());
            severityWidth = Math.max(severityWidth, line.severity().length());
            policyWidth = Math.max(policyWidth, finding.policyId().length());
            byFile.computeIfAbsent(finding.location().file(), file -> new ArrayList<>()).add(line);
        }
        for (Map.Entry<String, List<Line>> file : byFile.entrySet()) {
            int count = file.getValue().size();
            text.append(ansi.bold(file.getKey())).append(" (").append(ScanSummary.plural(count, "finding"))
                    .append(")\n");
            for (Line line : file.getValue()) {
                Evaluation finding = line.finding();
                String severity = line.severity();
                text.append("  ").append(pad(line.where(), whereWidth)).append("  ")
                        .append(ansi.severity(finding.severity(), severity))
                        .append(" ".repeat(severityWidth - severity.length())).append("  ")
                        .append(pad(finding.policyId(), policyWidth)).append("  ")
                        .append(finding.message()).append('\n');
            }
            text.append('\n');
        }
    }

    /** A finding with its {@code path:line} and severity label. */
    private record Line(Evaluation finding, String where, String severity) {
    }

    /** Suppressed findings are listed, never hidden: a reviewer sees what was accepted and why. */
    private void writeSuppressed(List<Evaluation> suppressed, StringBuilder text) {
        if (suppressed.isEmpty()) {
            return;
        }
        text.append(ansi.bold("Suppressed:")).append('\n');
        for (Evaluation e : suppressed.stream().sorted(Evaluation.REPORT_ORDER).toList()) {
            text.append("  ").append(where(e)).append("  ").append(e.policyId()).append("  ")
                    .append(e.suppression().reason());
            if (e.suppression().until() != null) {
                text.append(" (until ").append(e.suppression().until()).append(')');
            }
            text.append('\n');
        }
        text.append('\n');
    }

    private void writeProblems(List<Problem> problems, StringBuilder text) {
        if (problems.isEmpty()) {
            return;
        }
        text.append(ansi.bold("Not understood:")).append('\n');
        for (Problem problem : problems.stream().sorted().toList()) {
            String where = problem.line() > 0 ? problem.file() + ":" + problem.line() : problem.file();
            text.append("  ").append(where).append(": ").append(problem.message()).append('\n');
        }
        text.append('\n');
    }

    private static String where(Evaluation finding) {
        return finding.location().file() + ":" + finding.location().line();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
