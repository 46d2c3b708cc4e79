package dev.tollgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A parallel array is written byte for byte as Jackson writes the same list on one thread. */
class ParallelArraySerializerTest {

    /** Every kind of character JSON must escape or may pass through, and strings that look like layout. */
    private static final List<String> AWKWARD = List.of("plain", "", "say \"hi\"", "back\\slash", "line\nbreak",
            "crlf\r\n", "tab\there", "nul\u0000bell\u0007esc\u001b del\u007f", "café ünïcödé", "☃ snow",
            "😀 emoji",
            "\u2028line separator\u2029", "{\n  \"not\": \"json\"\n}", "  leading and trailing  ", "[]", "{}");

    record Element(String name, int index, List<String> tags, Map<String, Object> extra, List<Object> empty) {
    }

    record Document(String title, List<Element> elements, Nested nested, List<Element> last) {
    }

    record Nested(List<List<Element>> deeper, String after) {
    }

    private static Element element(int i) {
        String s = AWKWARD.get(i % AWKWARD.size());
        Map<String, Object> extra = i % 3 == 0 ? Map.of() : Map.of("value", s, "n", i);
        List<String> tags = i % 4 == 0 ? List.of() : List.of(s, "t" + i);
        return new Element(s + i, i, tags, extra, List.of());
    }

    /** The document with its lists as {@code list} makes them from the element indexes. */
    private static Document document(int size, Function<List<Integer>, List<Element>> list) {
        List<Integer> indexes = IntStream.range(0, size).boxed().toList();
        return new Document("t\"itle\n", list.apply(indexes),
                new Nested(List.of(list.apply(indexes), list.apply(indexes.subList(0, Math.min(1, size)))), "after"),
                list.apply(indexes));
    }

    private static String serial(int size) throws IOException {
        ObjectMapper plain = new ObjectMapper();
        return JsonOutput.prettyWriter(plain).writeValueAsString(document(size,
                indexes -> new ArrayList<>(indexes.stream().map(ParallelArraySerializerTest::element).toList())));
    }

    private static String parallel(int size, int chunk, int batch) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(ParallelArraySerializer.module(mapper, chunk, batch));
        return JsonOutput.prettyWriter(mapper).writeValueAsString(
                document(size, indexes -> ParallelArray.of(indexes, ParallelArraySerializerTest::element)));
    }

    @Test
    void theRealChunkSizeGivesTheBytesOfASerialWrite() throws IOException {
        int chunk = ParallelArraySerializer.CHUNK;
        int batch = ParallelArraySerializer.BATCH;
        for (int size : new int[] {0, 1, 2, batch, batch + 1, chunk, chunk + 1}) {
            assertEquals(serial(size), parallel(size, chunk, batch), "size " + size);
        }
    }

    @Test
    void manySmallChunksAndBatchesGiveTheBytesOfASerialWrite() throws IOException {
        for (int size : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 31}) {
            assertEquals(serial(size), parallel(size, 3, 2), "size " + size + ", chunks of 3, batches of 2");
            assertEquals(serial(size), parallel(size, 4, 4), "size " + size + ", chunks of 4, batches of 4");
            assertEquals(serial(size), parallel(size, 5, 1), "size " + size + ", chunks of 5, batches of 1");
        }
    }

    @Test
    void emptyArraysStayOnOneLine() throws IOException {
        String json = parallel(0, 3, 2);
        assertTrue(json.contains("\"elements\": [],\n"), json);
        assertTrue(json.contains("\"deeper\": [\n      [],\n      []\n    ],"), json);
    }

    @Test
    void anArrayAtTheRootToo() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(ParallelArraySerializer.module(mapper, 3, 2));
        for (int size : new int[] {0, 1, 3, 4, 10}) {
            List<Integer> indexes = IntStream.range(0, size).boxed().toList();
            assertEquals(
                    JsonOutput.prettyWriter(new ObjectMapper()).writeValueAsString(
                            indexes.stream().map(ParallelArraySerializerTest::element).toList()),
                    JsonOutput.prettyWriter(mapper).writeValueAsString(
                            ParallelArray.of(indexes, ParallelArraySerializerTest::element)),
                    "size " + size);
        }
    }

    /**
     * Each element is written on its own, at depth 0, by a generator of its own: the parallel path. A writer without
     * the {@link JsonOutput} layout gets the elements written in place, one after the other, with the same bytes.
     */
    @Test
    void elementsAreWrittenAloneWithTheLayoutAndInPlaceWithout() throws IOException {
        List<Boolean> alone = java.util.Collections.synchronizedList(new ArrayList<>());
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new SimpleModule().addSerializer(Element.class, new JsonSerializer<>() {
            @Override
            public void serialize(Element e, JsonGenerator gen, SerializerProvider provider) throws IOException {
                alone.add(gen.getOutputContext().inRoot());
                gen.writeString(e.name());
            }
        }));
        mapper.registerModule(ParallelArraySerializer.module(mapper, 3, 2));
        List<Integer> indexes = IntStream.range(0, 10).boxed().toList();

        String pretty = JsonOutput.prettyWriter(mapper).writeValueAsString(
                ParallelArray.of(indexes, ParallelArraySerializerTest::element));
        assertEquals(10, alone.size());
        assertFalse(alone.contains(false), "every element written alone: " + alone);

        alone.clear();
        String compact = mapper.writeValueAsString(ParallelArray.of(indexes, ParallelArraySerializerTest::element));
        assertEquals(10, alone.size());
        assertFalse(alone.contains(true), "every element written in place: " + alone);
        assertEquals(mapper.readTree(pretty), mapper.readTree(compact));
        assertEquals(new ObjectMapper().writeValueAsString(indexes.stream().map(i -> element(i).name()).toList()),
                compact);
    }

    @Test
    void elementsAreMadeWhenWrittenNotBefore() throws IOException {
        AtomicInteger made = new AtomicInteger();
        List<Element> array = ParallelArray.of(IntStream.range(0, 7).boxed().toList(), i -> {
            made.incrementAndGet();
            return element(i);
        });
        assertEquals(7, array.size());
        assertEquals(0, made.get());
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(ParallelArraySerializer.module(mapper, 3, 2));
        JsonOutput.prettyWriter(mapper).writeValueAsString(array);
        assertEquals(7, made.get(), "each element made once when written");
    }

    @Test
    void aFailingElementFailsTheWrite() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(ParallelArraySerializer.module(mapper, 3, 2));
        List<Element> array = ParallelArray.of(IntStream.range(0, 10).boxed().toList(), i -> {
            if (i == 7) {
                throw new IllegalStateException("element 7");
            }
            return element(i);
        });
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> JsonOutput.prettyWriter(mapper).writeValueAsString(array));
        assertTrue(e.getMessage().contains("element 7"), e.getMessage());
    }
}
