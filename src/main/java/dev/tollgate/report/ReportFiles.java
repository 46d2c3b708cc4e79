package dev.tollgate.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the files reports are written to: UTF-8, with what UTF-8 cannot encode replaced by {@code ?}, as standard
 * output does. A YAML escape can put a lone surrogate ({@code "\uD800"}) into a resource's name, and a report naming it
 * must still be written: {@link Files#newBufferedWriter} refuses such a character, and the whole report was lost
 * ("cannot write ...: Input length = 1").
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** A buffered writer to {@code file}, created or truncated. */
    public static Writer newWriter(Path file) throws IOException {
        // An OutputStreamWriter given a Charset (not a CharsetEncoder) replaces malformed input rather than failing.
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
    }

    /** Writes {@code text} to {@code file} as {@link #newWriter} does. */
    public static void writeString(Path file, String text) throws IOException {
        try (Writer w = newWriter(file)) {
            w.write(text);
        }
    }
}
