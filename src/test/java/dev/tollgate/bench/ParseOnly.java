package dev.tollgate.bench;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.ParseResult;
import dev.tollgate.parse.Parsers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parse-only floor for benchmarks: the scan's discovery and parsing, in parallel exactly as {@code Scanner} does
 * it, with no policy loaded, compiled or evaluated and no report written.
 *
 * <p>Why a main in the test tree rather than a CLI flag: it is a maintenance measurement, not something a user of
 * {@code tollgate scan} should ever see in {@code --help}, and {@code --policies EMPTY_DIR} would still load and
 * compile the bundled policies. It runs from {@code target/test-classes} with the shaded jar on the class path (see
 * {@code bench/run}). Usage: {@code ParseOnly PATH...}; prints one summary line so the work cannot be optimised away.
 */
public final class ParseOnly {

    private ParseOnly() {
    }

    private record Counts(int resources, int problems) {
        static Counts of(ParseResult r) {
            return new Counts(r.resources().size(), r.problems().size());
        }
    }

    public static void main(String[] args) {
        List<Path> roots = Arrays.stream(args.length == 0 ? new String[] {"."} : args).map(Path::of).toList();
        Parsers parsers = new Parsers();
        Discovery found = new FileDiscovery().discover(roots);
        // Like Scanner, keep only what a file gave in summary, so that resources are garbage as soon as a file is done.
        Set<String> threads = ConcurrentHashMap.newKeySet(); // shows whether the parallel stream really spread out
        List<Counts> results = found.files().parallelStream()
                .map(f -> {
                    threads.add(Thread.currentThread().getName());
                    return Counts.of(parsers.parse(f));
                })
                .toList();
        long resources = results.stream().mapToLong(Counts::resources).sum();
        long problems = found.skipped().size() + results.stream().mapToLong(Counts::problems).sum();
        System.out.printf("parse-only: %d files, %d resources, %d problems, parsed on %d threads%n",
                found.files().size(), resources, problems, threads.size());
    }
}
