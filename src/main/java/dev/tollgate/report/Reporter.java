package dev.tollgate.report;

import dev.tollgate.finding.ScanReport;
import java.io.IOException;
import java.io.Writer;

/** Renders a scan report in one format. Implementations are stateless and never print a secret's value. */
public interface Reporter {

    void write(ScanReport report, Writer out) throws IOException;
}
