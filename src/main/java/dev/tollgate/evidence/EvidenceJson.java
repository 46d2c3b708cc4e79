package dev.tollgate.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.tollgate.report.JsonOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes and reads evidence.json with the project's one JSON layout (see {@link JsonOutput}). */
final class EvidenceJson {

    private EvidenceJson() {
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // Newer evidence may carry fields this version does not know; verify only needs the digests.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static void write(EvidenceDocument document, Writer out) throws IOException {
        JsonOutput.write(JsonOutput.prettyWriter(mapper()), document, out);
    }

    static EvidenceDocument read(Path file) throws IOException {
        return mapper().readValue(file.toFile(), EvidenceDocument.class);
    }
}
