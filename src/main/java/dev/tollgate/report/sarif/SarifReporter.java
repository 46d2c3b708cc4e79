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

    public SarifReporter() {
        this(false);
    }

    /** @param includeSuppressed write suppressed findings as results with {@code suppressions} (GitHub shows them) */
    public SarifReporter(boolean includeSuppressed) {
        this.includeSuppressed = includeSuppressed;
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        JsonOutput.write(writer, SarifLogBuilder.build(report, includeSuppressed), out);
    }
}
