package dev.tollgate.report;

import dev.tollgate.report.json.JsonReporter;
import dev.tollgate.report.junit.JunitReporter;
import dev.tollgate.report.markdown.MarkdownReporter;
import dev.tollgate.report.sarif.SarifReporter;
import dev.tollgate.report.text.TextReporter;
import java.util.List;

/** The entry point of reporting: the reporter for a format name. */
public final class Reporters {

    /** Format names accepted by {@code --format}. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif", "markdown", "junit");

    private Reporters() {
    }

    /**
     * The reporter for {@code format}.
     *
     * @param color whether the text format may use ANSI colour (only on a terminal, and never with NO_COLOR); the
     *     machine formats ignore it
     * @throws IllegalArgumentException for an unknown format
     */
    public static Reporter forFormat(String format, boolean color) {
        return forFormat(format, new Options(color, false));
    }

    /**
     * What a reporter may do beyond the defaults.
     *
     * @param color ANSI colour in the text format
     * @param includeSuppressed suppressed findings as SARIF results (other formats always list them)
     */
    /**
     * @param sarifUriPrefix the directory report paths are relative to, seen from the repository root (the working
     *     directory): SARIF's URIs start with it, since GitHub resolves them from the repository root; "" for none
     */
    public record Options(boolean color, boolean includeSuppressed, String sarifUriPrefix) {

        public Options(boolean color, boolean includeSuppressed) {
            this(color, includeSuppressed, "");
        }
    }

    public static Reporter forFormat(String format, Options options) {
        return switch (format) {
            case "text" -> new TextReporter(options.color());
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter(options.includeSuppressed(), false, options.sarifUriPrefix());
            case "markdown" -> new MarkdownReporter();
            case "junit" -> new JunitReporter();
            default -> throw new IllegalArgumentException(
                    "unknown format '" + format + "' (expected one of " + String.join(", ", FORMATS) + ")");
        };
    }
}
