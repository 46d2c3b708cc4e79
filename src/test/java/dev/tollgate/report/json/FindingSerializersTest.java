package dev.tollgate.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.report.JsonOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written serializers write what Jackson's record serializer writes, for every field, null or not, however
 * awkward the strings are.
 */
class FindingSerializersTest {

    private static final String AWKWARD = "\"quoted\" back\\slash \u00e9\u2028 tab\t nul\u0000 bell\u0007 del\u007f 😀";

    private static List<JsonReport.Finding> findings() {
        JsonReport.Finding awkward = new JsonReport.Finding("TG-" + AWKWARD, "Title " + AWKWARD, "high",
                List.of("item." + AWKWARD, "plain"), "dir/" + AWKWARD + ".yaml", 3, 7,
                new JsonReport.Resource("addr " + AWKWARD, "Kind", AWKWARD), "/a~1b/" + AWKWARD, "msg " + AWKWARD,
                "0123abcd:1", List.of(new JsonReport.Place("main " + AWKWARD + ".tf", 9)));
        JsonReport.Finding nulls = new JsonReport.Finding(null, null, null, Arrays.asList("x", null), null, 0, 0,
                new JsonReport.Resource(null, null, null), null, null, null, null);
        JsonReport.Finding noResource = new JsonReport.Finding("TG-X", "t", "low", null, "f", 1, 1, null, "", "m",
                "f:1", List.of());
        return List.of(awkward, nulls, noResource);
    }

    private static String write(ObjectMapper mapper) throws IOException {
        return JsonOutput.prettyWriter(mapper).writeValueAsString(findings());
    }

    @Test
    void handWrittenGivesTheRecordSerializersBytes() throws IOException {
        ObjectMapper handWritten = new ObjectMapper();
        handWritten.registerModule(FindingSerializers.module());
        assertEquals(write(new ObjectMapper()), write(handWritten));
    }
}
