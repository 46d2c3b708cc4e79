package dev.tollgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * The one JSON layout shared by the JSON and SARIF reporters: two-space indent, {@code "key": value}, one array element
 * per line, {@code []} for empty arrays, {@code \n} line ends whatever the platform, and a trailing newline. Fixing all of
 * these (rather than taking Jackson's defaults) is what makes the bytes identical across machines and golden files stable.
 */
public final class JsonOutput {

    private JsonOutput() {
    }

    /** A pretty-printing writer for {@code mapper}, which must not close the caller's {@link Writer}. */
    public static ObjectWriter prettyWriter(ObjectMapper mapper) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return mapper.writer(printer)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.CLOSE_CLOSEABLE);
    }

    /** Writes {@code value} with {@code writer}, then the trailing newline; leaves {@code out} open. */
    public static void write(ObjectWriter writer, Object value, Writer out) throws IOException {
        writer.writeValue(out, value);
        out.write('\n');
        out.flush();
    }
}
