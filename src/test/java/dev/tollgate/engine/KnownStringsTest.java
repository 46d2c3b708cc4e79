package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** known_string_at: strings by JSON pointer, with unknowns (Java nulls in CEL data) read as "". */
class KnownStringsTest {

    private static Map<String, Object> data() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("TOKEN", "abc");
        variables.put("COMPUTED", null); // an unknown, as CelValues gives it
        Map<String, Object> data = new HashMap<>();
        data.put("environment", List.of(Map.of("variables", variables)));
        data.put("a/b", "slash");
        data.put("port", 8080L);
        data.put("unset", com.google.protobuf.NullValue.NULL_VALUE);
        data.put("whole", null);
        return data;
    }

    @Test
    void stringsAreFoundByPointer() {
        assertEquals("abc", KnownStrings.at(data(), "/environment/0/variables/TOKEN"));
        assertEquals("slash", KnownStrings.at(data(), "/a~1b"));
    }

    @Test
    void unknownsMissingPathsAndOtherTypesGiveEmpty() {
        assertEquals("", KnownStrings.at(data(), "/environment/0/variables/COMPUTED"));
        assertEquals("", KnownStrings.at(data(), "/whole/inner"));
        assertEquals("", KnownStrings.at(data(), "/environment/1/variables"));
        assertEquals("", KnownStrings.at(data(), "/environment/x"));
        assertEquals("", KnownStrings.at(data(), "/port"));
        assertEquals("", KnownStrings.at(data(), "/unset"));
        assertEquals("", KnownStrings.at(data(), "/missing"));
        assertEquals("", KnownStrings.at(data(), ""));
        assertEquals("", KnownStrings.at(null, "/x"));
    }
}
