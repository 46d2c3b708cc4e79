package dev.tollgate.parse.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    /** PG_TAG is set by the project's .env in these cases; nothing else is. */
    private final Interpolation withEnvFile = new Interpolation(Set.of("PG_TAG"));

    /** Expected "(kept)": the string is not settled by the repository and stays as written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', nullValues = "(kept)", value = {
        "postgres:16                       | postgres:16",
        "postgres:${PG_VERSION:-11}        | postgres:11",
        "postgres:${PG_VERSION-11}-alpine  | postgres:11-alpine",
        "${DEBUG:-True}                    | True",
        "'${EMPTY:-}'                      | ''",
        "${A:-${B:-nested}}                | nested",
        "${A:-x${B:-y}z}                   | xyz",
        "${A:+--debug}                     | ''",
        "pa$$word                          | pa$word",
        "$${NOT_A_VARIABLE}                | ${NOT_A_VARIABLE}",
        "postgres:${PG_TAG:-11}            | (kept)",
        "${A:-${PG_TAG}}                   | (kept)",
        "${PG_VERSION}                     | (kept)",
        "$PG_VERSION                       | (kept)",
        "${PG_VERSION:?set the version}    | (kept)",
        "${PG_VERSION?set it}              | (kept)",
        "${UNCLOSED:-11                    | (kept)",
        "${:-11}                           | (kept)",
        "${9LIVES:-x}                      | (kept)",
        "${A:x}                            | (kept)",
        "cost: $5                          | (kept)",
        "trailing $                        | (kept)",
        "${A:-${B:-${C:-${D:-${E:-${F:-${G:-${H:-${I:-${J:-deep}}}}}}}}}} | (kept)",
    })
    void resolves(String written, String expected) {
        assertEquals(expected, withEnvFile.resolve(written), written);
    }

    @Test
    void anUnreadableProjectEnvFileLeavesEveryReference() {
        assertEquals(null, Interpolation.NONE.resolve("postgres:${PG_VERSION:-11}"));
        assertEquals("postgres:16", Interpolation.NONE.resolve("postgres:16"));
    }

    @Test
    void newCollectionsOnlyWhereAStringChanged() {
        Map<String, Object> untouched = Map.of("image", "nginx:1.25", "ports", List.of("80:80"));
        assertSame(untouched, withEnvFile.apply(untouched));
        Map<String, Object> service = Map.of("image", "postgres:${V:-11}", "ports", List.of("80:80"));
        Object applied = withEnvFile.apply(Map.of("db", service));
        assertEquals(Map.of("db", Map.of("image", "postgres:11", "ports", List.of("80:80"))), applied);
        assertSame(service.get("ports"), ((Map<?, ?>) ((Map<?, ?>) applied).get("db")).get("ports"));
        assertEquals("postgres:${V:-11}", service.get("image")); // the loader's map is never modified
    }
}
