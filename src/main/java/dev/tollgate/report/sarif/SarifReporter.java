package dev.tollgate.report.sarif;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.JsonOutput;
import dev.tollgate.report.Reporter;
import java.io.IOException;
import java.io.Writer;

/** SARIF 2.1.0 that GitHub code scanning accepts as is (one run; see {@link SarifLogBuilder} and {@link SarifJson}). */
public final class SarifReporter implements Reporter {

    private final ObjectWriter writer = SarifJson.writer();
    private final boolean includeSuppressed;
    private final boolean includePasses;

    /** Findings only: what GitHub code scanning wants. */
    public SarifReporter() {
        this(false, false);
    }

    /**
     * @param includeSuppressed write suppressed findings as results with {@code suppressions} (GitHub shows them)
     * @param includePasses also write each passing evaluation as a {@code kind: pass} result (audit evidence)
     */
    public SarifReporter(boolean includeSuppressed, boolean includePasses) {
        this.includeSuppressed = includeSuppressed;
        this.includePasses = includePasses;
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        JsonOutput.write(writer, SarifLogBuilder.build(report, includeSuppressed, includePasses), out);
    }
}
