package dev.tollgate.report.sarif;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.JsonOutput;
import dev.tollgate.report.Reporter;
import java.io.IOException;
import java.io.Writer;

/** SARIF 2.1.0 that GitHub code scanning accepts as is (one run; see {@link SarifLogBuilder} and {@link SarifJson}). */
public final class SarifReporter implements Reporter {

    /** Results per run above which GitHub code scanning rejects the whole upload. */
    public static final int GITHUB_MAX_RESULTS = SarifLogBuilder.GITHUB_MAX_RESULTS;

    private final ObjectWriter writer = SarifJson.writer();
    private final boolean includeSuppressed;
    private final boolean includePasses;
    /** The scan root's directory relative to the repository root (the working directory), or "". */
    private final String uriPrefix;

    /** Findings only: what GitHub code scanning wants. */
    public SarifReporter() {
        this(false, false);
    }

    /**
     * @param includeSuppressed write suppressed findings as results with {@code suppressions} (GitHub shows them)
     * @param includePasses also write each passing evaluation as a {@code kind: pass} result (audit evidence)
     */
    public SarifReporter(boolean includeSuppressed, boolean includePasses) {
        this(includeSuppressed, includePasses, "");
    }

    /**
     * @param uriPrefix the directory the reports' paths are relative to, as seen from the repository root (the
     *     working directory); GitHub resolves each URI from the repository root, so every URI starts with it
     */
    public SarifReporter(boolean includeSuppressed, boolean includePasses, String uriPrefix) {
        this.includeSuppressed = includeSuppressed;
        this.includePasses = includePasses;
        this.uriPrefix = uriPrefix;
    }

    /**
     * How many findings a log written for {@code report} leaves out: GitHub code scanning rejects a run of more than
     * 25,000 results, so only the most severe are written (a notification in the log says so). Zero for a log with
     * passes, which is audit evidence and never cut.
     */
    public int resultsLeftOut(ScanReport report) {
        return includePasses ? 0 : SarifLogBuilder.resultsLeftOut(report, includeSuppressed);
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        JsonOutput.write(writer, SarifLogBuilder.build(report, includeSuppressed, includePasses, uriPrefix), out);
    }
}
