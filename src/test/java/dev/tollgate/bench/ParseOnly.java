package dev.tollgate.bench;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The parse-only floor for benchmarks: the scan's discovery and parsing, done as {@code Scanner} does it, with no
 * policy loaded, compiled or evaluated and no report written.
 *
 * <p>Parsing follows {@code Scanner.scan}: every file but Terraform is parsed on its own, in a parallel stream; then
 * every {@code .tf} file goes at once through {@code Parsers.parseTerraform(files, eachRoot)}, which evaluates each
 * root once (modules through their calls) and hands over each root's result as it is done. Parsing {@code .tf} files
 * one by one, as this class once did, evaluates a directory once per file in it and a module without its callers'
 * inputs: more work, other resources and thousands of problems the scan never has, so not a floor of the scan.
 *
 * <p>Not included: {@code Scanner}'s first pass for cross-file Kubernetes links (it reads every YAML file's text once
 * more to find the few that declare an HPA or a Certificate), since that is the scan's work, not parsing.
 *
 * <p>Why a main in the test tree rather than a CLI flag: it is a maintenance measurement, not something a user of
 * {@code tollgate scan} should ever see in {@code --help}, and {@code --policies EMPTY_DIR} would still load and
 * compile the bundled policies. It runs with the shaded jar on the class path (see {@code bench/run}). Usage:
 * {@code ParseOnly PATH...}; prints one summary line so the work cannot be optimised away.
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
        List<SourceFile> terraformFiles = found.files().stream()
                .filter(f -> f.type() == SourceFile.FileType.TERRAFORM).toList();
        Set<String> threads = ConcurrentHashMap.newKeySet(); // shows whether the parallel stream really spread out
        List<Counts> results = found.files().parallelStream()
                .filter(f -> f.type() != SourceFile.FileType.TERRAFORM)
                .map(f -> {
                    threads.add(Thread.currentThread().getName());
                    return Counts.of(parsers.parse(f));
                })
                .toList();
        long resources = results.stream().mapToLong(Counts::resources).sum();
        long problems = found.skipped().size() + results.stream().mapToLong(Counts::problems).sum();
        if (!terraformFiles.isEmpty()) {
            // Root by root, as the scan does: each root's resources are garbage once counted.
            LongAdder tfResources = new LongAdder();
            LongAdder tfProblems = new LongAdder();
            parsers.parseTerraform(terraformFiles, root -> {
                tfResources.add(root.resources().size());
                tfProblems.add(root.problems().size());
            });
            resources += tfResources.sum();
            problems += tfProblems.sum();
        }
        System.out.printf("parse-only: %d files (%d Terraform), %d resources, %d problems, parsed on %d threads%n",
                found.files().size(), terraformFiles.size(), resources, problems, threads.size());
    }
}
