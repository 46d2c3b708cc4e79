package dev.tollgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Writes a {@link ParallelArray} with every core, byte for byte as Jackson writes a list on one thread.
 *
 * <p>The elements go in chunks of {@link #CHUNK}, and a chunk in batches of {@link #BATCH}: the batches of a chunk are
 * made and written in parallel (the common ForkJoin pool, as the scan uses), each by a generator of its own, of the
 * same mapper, whose {@link JsonOutput.Layout} starts at the depth of the array's elements, so that an element written
 * alone, as a root value, is indented as it would be in place. The elements are handed, in the array's order, to the
 * real generator with {@code writeRawValue}, which still writes the separator and line break before each one and
 * counts it, so the closing bracket and an empty array ({@code []}) come out as before. At most one chunk's text is
 * held at a time.
 *
 * <p>A generator that does not write the {@link JsonOutput} layout gets the elements one after the other, as Jackson
 * writes any list.
 */
public final class ParallelArraySerializer extends StdSerializer<ParallelArray<?>> {

    private static final long serialVersionUID = 1L;

    /** Elements per chunk: enough to keep both cores busy, few enough that a chunk's text is a few megabytes. */
    static final int CHUNK = 2048;
    /** Elements per generator: a generator costs about as much as writing an element. */
    static final int BATCH = 64;

    private final transient ObjectMapper mapper;
    private final int chunk;
    private final int batch;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ParallelArraySerializer(ObjectMapper mapper, int chunk, int batch) {
        super((Class) ParallelArray.class);
        this.mapper = mapper;
        this.chunk = chunk;
        this.batch = batch;
    }

    /**
     * The module to register in {@code mapper}; its elements are written with {@code mapper} (so with every serializer
     * and setting it has when they are written).
     */
    public static SimpleModule module(ObjectMapper mapper) {
        return module(mapper, CHUNK, BATCH);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SimpleModule module(ObjectMapper mapper, int chunk, int batch) {
        SimpleModule module = new SimpleModule("tollgate-parallel-arrays");
        module.addSerializer((Class) ParallelArray.class, new ParallelArraySerializer(mapper, chunk, batch));
        return module;
    }

    @Override
    public void serialize(ParallelArray<?> array, JsonGenerator gen, SerializerProvider provider) throws IOException {
        int size = array.size();
        gen.writeStartArray(array, size);
        if (gen.getPrettyPrinter() instanceof JsonOutput.Layout layout) {
            ObjectWriter alone = JsonOutput.elementWriter(mapper, layout, layout.depth());
            for (int from = 0; from < size; from += chunk) {
                writeChunk(array, from, Math.min(size, from + chunk), alone, gen);
            }
        } else {
            for (Object element : array) {
                provider.defaultSerializeValue(element, gen);
            }
        }
        gen.writeEndArray();
    }

    /**
     * Elements {@code from} to {@code to} (exclusive): batches made and written in parallel, handed to {@code gen} in
     * order, each as soon as it and those before it are done (by whichever thread finished last, one at a time, as
     * {@code forEachOrdered} guarantees), so that a batch goes out while later ones are still being made.
     */
    private void writeChunk(ParallelArray<?> array, int from, int to, ObjectWriter alone, JsonGenerator gen)
            throws IOException {
        try {
            IntStream.range(0, (to - from + batch - 1) / batch).parallel()
                    .mapToObj(b -> text(array, from + b * batch, Math.min(to, from + (b + 1) * batch), alone))
                    .forEachOrdered(text -> {
                        try {
                            for (int i = 0, start = 0; i < text.count; start = text.ends[i++]) {
                                gen.writeRawValue(text.chars, start, text.ends[i] - start);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Text text(ParallelArray<?> array, int from, int to, ObjectWriter alone) {
        Text text = new Text(to - from);
        try (SequenceWriter values = alone.writeValues(text)) {
            for (int i = from; i < to; i++) {
                values.write(array.get(i));
                values.flush();
                text.endElement();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /**
     * The text of a batch of elements, as chars (handed to the generator as they are: a string would be copied twice
     * more), and where each element ends.
     */
    private static final class Text extends Writer {
        /**
         * Room for a kilobyte an element to start with: a finding is about 800 characters, and a batch that began at
         * 4 KB grew four times, so that the growing copies were 7% of the bytes a corpus scan allocates.
         */
        private static final int CHARS_PER_ELEMENT = 1024;

        private char[] chars;
        private int length;
        private final int[] ends;
        private int count;

        Text(int elements) {
            ends = new int[elements];
            chars = new char[Math.max(64, elements * CHARS_PER_ELEMENT)];
        }

        @Override
        public void write(char[] from, int off, int len) {
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
            System.arraycopy(from, off, chars, length, len);
            length += len;
        }

        void endElement() {
            ends[count++] = length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
