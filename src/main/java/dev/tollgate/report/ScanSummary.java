package dev.tollgate.report;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wording the human-facing reports (text, Markdown) share, so they never disagree: the one-line summary such as
 * {@code 3 findings (1 high, 2 medium) in 2 of 5 files; 12 passed; 1 file not understood}, severity labels and plurals.
 */
public final class ScanSummary {

    private ScanSummary() {
    }

    /** The summary line; {@code No findings in N files; ...} when there is nothing to fix. */
    public static String line(ScanReport report) {
        List<Evaluation> findings = report.findings();
        int totalFiles = report.files().size();
        List<String> clauses = new ArrayList<>();
        if (findings.isEmpty()) {
            clauses.add("No findings in " + plural(totalFiles, "file"));
        } else {
            long filesWithFindings = findings.stream().map(f -> f.location().file()).distinct().count();
            List<String> severities = new ArrayList<>();
            report.findingsBySeverity().forEach((severity, count) -> {
                if (count > 0) {
                    severities.add(count + " " + severity.id());
                }
            });
            clauses.add(plural(findings.size(), "finding") + " (" + String.join(", ", severities) + ") in "
                    + filesWithFindings + " of " + plural(totalFiles, "file"));
        }
        clauses.add(report.count(Outcome.PASS) + " passed");
        int suppressed = report.suppressed().size();
        if (suppressed > 0) {
            clauses.add(suppressed + " suppressed");
        }
        long unknown = report.count(Outcome.UNKNOWN);
        if (unknown > 0) {
            clauses.add(unknown + " unknown (known only after apply)");
        }
        if (report.baseline() != null) {
            clauses.add(report.baseline().matched() + " already in the baseline, "
                    + report.baseline().fixed().size() + " baseline " + (report.baseline().fixed().size() == 1
                    ? "entry" : "entries") + " fixed");
        }
        long errors = report.count(Outcome.ERROR);
        if (errors > 0) {
            clauses.add(plural(errors, "policy error"));
        }
        long notUnderstood = filesNotUnderstood(report);
        if (notUnderstood > 0) {
            clauses.add(plural(notUnderstood, "file") + " not understood");
        }
        return String.join("; ", clauses);
    }

    /**
     * Distinct files with a problem that means part of the file was not understood ({@link #isNotUnderstood}).
     */
    public static long filesNotUnderstood(ScanReport report) {
        return report.problems().stream().filter(ScanSummary::isNotUnderstood).map(Problem::file).distinct().count();
    }

    /**
     * Whether {@code problem} leaves part of its file unread or unjudged: parse errors, unreadable, skipped or not
     * scanned. A policy error is a policy's fault, already counted as an ERROR evaluation, not the file's; an invalid
     * suppression is about a comment or rule, and the file was judged all the same.
     */
    public static boolean isNotUnderstood(Problem problem) {
        return problem.kind() != Problem.Kind.POLICY_ERROR && problem.kind() != Problem.Kind.SUPPRESSION;
    }

    /** {@code HIGH}, {@code MEDIUM}...: how severities read in the human-facing reports. */
    public static String label(Severity severity) {
        return severity.name().toUpperCase(Locale.ROOT);
    }

    /** {@code 1 file}, {@code 2 files}. */
    public static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
