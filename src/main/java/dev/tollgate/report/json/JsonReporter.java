package dev.tollgate.report.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.JsonOutput;
import dev.tollgate.report.ParallelArraySerializer;
import dev.tollgate.report.Reporter;
import java.io.IOException;
import java.io.Writer;

/** The JSON report: the stable, documented document of {@link JsonReport}, pretty-printed with a trailing newline. */
public final class JsonReporter implements Reporter {

    private final ObjectWriter writer;

    public JsonReporter() {
        this(true);
    }

    /**
     * @param handWrittenFindings whether findings go through {@link FindingSerializers} (same bytes, less time) rather
     *     than Jackson's record serializer; false only to compare the two in tests
     */
    JsonReporter(boolean handWrittenFindings) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(ParallelArraySerializer.module(mapper));
        if (handWrittenFindings) {
            mapper.registerModule(FindingSerializers.module());
        }
        this.writer = JsonOutput.prettyWriter(mapper);
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        JsonOutput.write(writer, JsonReport.of(report), out);
    }
}
