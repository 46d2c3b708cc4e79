package dev.tollgate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code tollgate} command. {@link #run} returns the exit code so tests can call it in-process. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, System.getenv(), System.console() != null,
                PolicyPrefetch.forCommandLine(args)));
    }

    /**
     * Runs the command line.
     *
     * @param env the environment ({@code NO_COLOR} is honoured)
     * @param terminal whether standard output is a terminal (colour is used only then)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env,
            boolean terminal) {
        return run(args, out, err, env, terminal, PolicyPrefetch.none());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, java.util.Map, boolean)}, with the policies prefetched. */
    static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env, boolean terminal,
            PolicyPrefetch prefetch) {
        CommandLine cmd = new CommandLine(new TollgateCommand(new Console(out, err, env, terminal), prefetch));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("tollgate: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run 'tollgate --help' for usage.");
            return ExitCode.USAGE.code();
        });
        cmd.setExecutionExceptionHandler(
                (ex, c, parsed) -> internalError(ex, java.util.Arrays.asList(args).contains("--debug"), err));
        int code;
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli's handler sees only exceptions; running out of heap must not end in a stack trace either.
            err.println("tollgate: out of memory. Give the JVM more heap (java -Xmx2g -jar tollgate.jar ..., or "
                    + "TOLLGATE_JAVA_OPTS=-Xmx2g bin/tollgate ...), or scan fewer paths at once.");
            code = ExitCode.INTERNAL.code();
        } catch (StackOverflowError e) {
            err.println("tollgate: internal error: stack overflow. This is a bug in Tollgate; please report it.");
            code = ExitCode.INTERNAL.code();
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * What an exception that escaped a command prints: its class, and with {@code --debug} its frames, never its
     * message. An exception's message can quote the input it failed on, secrets included ({@link DebugTraces}), and
     * stderr ends up in CI logs.
     */
    static int internalError(Throwable ex, boolean debug, PrintWriter err) {
        err.println("tollgate: internal error: " + ex.getClass().getName());
        if (debug) {
            err.print(DebugTraces.withoutMessages(ex));
        } else {
            err.println("This is a bug in Tollgate. Re-run with --debug for details and report it.");
        }
        return ExitCode.INTERNAL.code();
    }
}
