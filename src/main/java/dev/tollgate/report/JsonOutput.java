package dev.tollgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
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
 * per line, {@code []} for empty arrays, {@code \n} line ends whatever the platform, and a trailing newline. Fixing all
 * of these (rather than taking Jackson's defaults) is what makes the bytes identical across machines and golden files
 * stable.
 */
public final class JsonOutput {

    /** One level of indentation. */
    static final String INDENT = "  ";
    /** The line end; the only place a newline appears in the output, since JSON strings escape theirs. */
    static final String EOL = "\n";

    private JsonOutput() {
    }

    /** A pretty-printing writer for {@code mapper}, which must not close the caller's {@link Writer}. */
    public static ObjectWriter prettyWriter(ObjectMapper mapper) {
        DefaultIndenter indenter = new DefaultIndenter(INDENT, EOL);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return writer(mapper, new Layout(printer));
    }

    /**
     * A writer of values that go {@code depth} levels deep in a document written by {@code document}'s generator:
     * each is written as a document of its own, but indented as it would be there, and values written one after the
     * other with one {@code writeValues} sequence have nothing between them.
     */
    static ObjectWriter elementWriter(ObjectMapper mapper, Layout document, int depth) {
        return writer(mapper, document.at(depth));
    }

    private static ObjectWriter writer(ObjectMapper mapper, Layout layout) {
        return mapper.writer(layout)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.CLOSE_CLOSEABLE);
    }

    /** Writes {@code value} with {@code writer}, then the trailing newline; leaves {@code out} open. */
    public static void write(ObjectWriter writer, Object value, Writer out) throws IOException {
        writer.writeValue(out, value);
        out.write('\n');
        out.flush();
    }

    /**
     * The pretty printer of this layout: Jackson's, told apart by its class so that {@link ParallelArraySerializer}
     * knows a generator writes this layout, and able to start at a depth, so that a value written on its own comes out
     * indented as it would be in place.
     */
    static final class Layout extends DefaultPrettyPrinter {

        private static final long serialVersionUID = 1L;

        Layout(DefaultPrettyPrinter configured) {
            super(configured);
        }

        private Layout(Layout base, SerializableString rootSeparator, int depth) {
            super(base, rootSeparator);
            _nesting = depth;
        }

        /** Jackson gives each generator its own copy, since the printer counts the depth as it writes. */
        @Override
        public Layout createInstance() {
            return new Layout(this, _rootSeparator, _nesting);
        }

        /** How many objects and arrays are open: the indentation level of the next line, in {@link #INDENT}s. */
        int depth() {
            return _nesting;
        }

        /**
         * This layout starting {@code depth} levels deep, with nothing between root values (rather than the default
         * space): the layout of values written alone that go at that depth.
         */
        Layout at(int depth) {
            return new Layout(this, null, depth);
        }
    }
}
