package dev.tollgate.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.parse.terraform.TerraformOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bug of ours caught while parsing: a located problem for the report, the exception for --debug, nothing else. */
class ParsersInternalErrorTest {

    private record Caught(String where, Throwable error) {
    }

    @Test
    void aParserBugBecomesAProblemOnTheFile_andItsExceptionGoesToTheSink() {
        List<Caught> caught = new ArrayList<>();
        Parsers parsers = new Parsers(TerraformOptions.none(), (where, e) -> caught.add(new Caught(where, e)));
        IllegalStateException bug = new IllegalStateException("For input string: \"hunter2-Zr8Lq2Wm7\"");

        ParseResult r = parsers.guarded("deploy/compose.yml", () -> {
            throw bug;
        });

        assertTrue(r.resources().isEmpty());
        assertEquals(1, r.problems().size());
        Problem p = r.problems().get(0);
        assertEquals("deploy/compose.yml", p.file());
        assertEquals(Problem.Kind.PARSE_ERROR, p.kind());
        assertTrue(p.message().startsWith("internal parser error: IllegalStateException"), p.message());
        assertFalse(p.message().contains("hunter2"), "the exception's message can quote the input: " + p.message());
        assertEquals(1, caught.size());
        assertEquals("deploy/compose.yml", caught.get(0).where());
        assertSame(bug, caught.get(0).error());
    }

    @Test
    void aStackOverflowIsCaughtToo() {
        List<Caught> caught = new ArrayList<>();
        Parsers parsers = new Parsers(TerraformOptions.none(), (where, e) -> caught.add(new Caught(where, e)));
        ParseResult r = parsers.guarded("a.yaml", () -> {
            throw new StackOverflowError();
        });
        assertTrue(r.problems().get(0).message().contains("StackOverflowError"));
        assertEquals(1, caught.size());
    }

    @Test
    void withoutASinkNothingIsHandedOn_andTheProblemIsTheSame() {
        ParseResult r = new Parsers().guarded("a.env", () -> {
            throw new IllegalArgumentException("x");
        });
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().startsWith("internal parser error: IllegalArgumentException"));
    }

    @Test
    void aResultPassesThroughUntouched() {
        List<Caught> caught = new ArrayList<>();
        ParseResult ok = ParseResult.empty();
        assertSame(ok, new Parsers(TerraformOptions.none(), (w, e) -> caught.add(new Caught(w, e)))
                .guarded("a", () -> ok));
        assertTrue(caught.isEmpty());
    }
}
