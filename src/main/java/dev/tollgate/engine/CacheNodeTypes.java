package dev.tollgate.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Memory of Amazon ElastiCache node types. The table is data ({@code cache-node-types.yaml} next to this class), not
 * code, so that a new node generation is one line with its AWS-documented size.
 */
final class CacheNodeTypes {

    private static final String RESOURCE = "cache-node-types.yaml";
    /** Loaded once; immutable. */
    private static final Map<String, Double> MEMORY_GIB = load();

    private CacheNodeTypes() {
    }

    /** GiB of memory of {@code nodeType} ({@code cache.m6g.large} gives 6.38); -1 when the type is not in the table. */
    static double memoryGib(String nodeType) {
        Double gib = MEMORY_GIB.get(nodeType.strip().toLowerCase(Locale.ROOT));
        return gib == null ? -1 : gib;
    }

    private static Map<String, Double> load() {
        try (InputStream in = CacheNodeTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + RESOURCE);
            }
            Map<String, Double> table = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
            return Map.copyOf(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + RESOURCE, e);
        }
    }
}
