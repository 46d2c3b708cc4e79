package dev.tollgate.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The java-sarif 2.0 traps (shared notes "sarif-for-github" §8), each pinned by a test against SarifJson. */
class SarifJsonTest {

    private static JsonNode write(Object model) throws Exception {
        return new ObjectMapper().readTree(SarifJson.writer().writeValueAsString(model));
    }

    @Test
    void valuesEqualToTheSchemaDefaultAreStillWritten() throws Exception {
        JsonNode result = write(new Result().withRuleId("r").withRuleIndex(0).withLevel(Result.Level.WARNING)
                .withMessage(new Message().withText("m")));
        assertEquals("warning", result.path("level").asText(null));
        assertEquals("fail", result.path("kind").asText(null));
        assertEquals(0, result.path("ruleIndex").asInt(-1), "index 0 is a real index");
    }

    @Test
    void unsetSentinelsAndPrefilledDefaultsAreLeftOut() throws Exception {
        JsonNode result = write(new Result().withMessage(new Message().withText("m")));
        assertTrue(result.path("ruleIndex").isMissingNode(), result.toString());
        assertTrue(result.path("rank").isMissingNode(), result.toString());
        JsonNode run = write(new Run().withResults(List.of()));
        assertTrue(run.path("language").isMissingNode(), run.toString());
        assertTrue(run.path("newlineSequences").isMissingNode(), run.toString());
    }

    @Test
    void emptyResultsAreWrittenButOtherEmptyListsAreNot() throws Exception {
        JsonNode run = write(new Run().withResults(List.of()).withInvocations(List.of()));
        assertTrue(run.path("results").isArray(), run.toString());
        assertFalse(run.has("invocations"), run.toString());
    }

    @Test
    void datesAreIsoStringsInUtc() throws Exception {
        JsonNode invocation = write(new Invocation().withExecutionSuccessful(true)
                .withStartTimeUtc(new Date(1_790_000_000_000L)));
        assertEquals("2026-09-21T14:13:20.000Z", invocation.path("startTimeUtc").asText(null));
    }
}
