package dev.tollgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.finding.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison for the reporters. The expected files live in {@code src/test/resources/dev/tollgate/report/}.
 * After an intended change of output, regenerate them with
 * {@code mvn -q -B test -Dtollgate.updateGolden=true}, then review the diff with {@code git diff} before committing:
 * the update run writes the files and still fails each test that changed, so an update is never silent.
 */
public final class Golden {

    public static final String UPDATE_PROPERTY = "tollgate.updateGolden";
    private static final Path DIR = Path.of("src", "test", "resources", "dev", "tollgate", "report");

    private Golden() {
    }

    /** Renders {@code report} with {@code reporter}. */
    public static String render(Reporter reporter, ScanReport report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return out.toString();
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (Boolean.getBoolean(UPDATE_PROPERTY) && !actual.equals(expected)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (expected == null) {
            throw new AssertionError(
                    "no golden file " + file + "; run with -D" + UPDATE_PROPERTY + "=true to create it");
        }
        assertEquals(expected, actual, "output differs from " + file + " (-D" + UPDATE_PROPERTY + "=true to update)");
    }
}
