package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.parse.InternalErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --debug's stack traces: to stderr only, whole, and without the exceptions' messages. */
class DebugTracesTest {

    private static final String SECRET = "Zr8-Lq2-Wm7-Vx4";

    @Test
    void theTraceNamesClassesAndFrames_neverMessages() {
        RuntimeException bug = new IllegalStateException("bad value " + SECRET,
                new NumberFormatException("For input string: \"" + SECRET + "\""));
        bug.addSuppressed(new IllegalArgumentException(SECRET));

        String trace = DebugTraces.withoutMessages(bug);

        assertFalse(trace.contains(SECRET), trace);
        assertTrue(trace.startsWith("java.lang.IllegalStateException" + System.lineSeparator()), trace);
        assertTrue(trace.contains("\tat dev.tollgate.cli.DebugTracesTest.theTraceNamesClassesAndFrames_neverMessages("),
                trace);
        assertTrue(trace.contains("Caused by: java.lang.NumberFormatException"), trace);
        assertTrue(trace.contains("\tSuppressed: java.lang.IllegalArgumentException"), trace);
    }

    @Test
    void aCauseLoopEnds() {
        RuntimeException a = new RuntimeException();
        RuntimeException b = new RuntimeException(a);
        a.initCause(b);
        String trace = DebugTraces.withoutMessages(a);
        assertEquals(2, trace.split("java.lang.RuntimeException", -1).length - 1, trace);
    }

    @Test
    void withDebugTheTraceGoesToStderr_andStdoutGetsNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), Map.of(), false);

        DebugTraces.of(true, console).caught("deploy/compose.yml", new IllegalStateException(SECRET));

        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("tollgate: debug: internal error while reading deploy/compose.yml"),
                err.toString());
        assertTrue(err.toString().contains("java.lang.IllegalStateException"), err.toString());
        assertFalse(err.toString().contains(SECRET), err.toString());
    }

    @Test
    void withoutDebugNothingIsPrinted() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), Map.of(), false);

        InternalErrors sink = DebugTraces.of(false, console);
        sink.caught("a.yaml", new IllegalStateException(SECRET));

        assertSame(InternalErrors.ignore().getClass(), sink.getClass());
        assertEquals("", out.toString());
        assertEquals("", err.toString());
    }
}
