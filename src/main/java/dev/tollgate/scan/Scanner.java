package dev.tollgate.scan;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.Redactor;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Format;
import dev.tollgate.model.ParallelSort;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.kubernetes.KubernetesLinks;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.suppress.FileDirectives;
import dev.tollgate.suppress.Suppressor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The whole pipeline for one scan: discovery, parsing, evaluation, and the sorted report.
 *
 * <p>Files are parsed, judged and dropped one at a time, in parallel, so that memory holds one file's resources (or
 * one Terraform root's) per thread rather than the repository's:
 * <ol>
 *   <li>files that may declare a Kubernetes link source (a HorizontalPodAutoscaler, a cert-manager Certificate) are
 *       parsed first and only those objects kept, since the objects they refer to, in any file, must see them;</li>
 *   <li>every non-Terraform file is parsed (those of step 1 again), linked, judged and dropped;</li>
 *   <li>Terraform is evaluated per root (modules through their calls), and each root's resources are judged per file
 *       they are written in, then dropped.</li>
 * </ol>
 * Only what the reports need stays: failures, errors, unknowns and, depending on {@link PolicyEngine.Passes}, one
 * pass per policy and resource or just the number of passes. The report is sorted afterwards, so a parallel run gives
 * the same bytes as a serial one.
 */
public final class Scanner {

    private final PolicyCatalog catalog;
    private final PolicyEngine engine;
    private final FileDiscovery discovery;
    private final Parsers parsers;
    private final String toolVersion;
    private final Suppressor suppressor;
    private final PolicyEngine.Passes passes;

    public Scanner(PolicyCatalog catalog, PolicyEngine engine, FileDiscovery discovery, Parsers parsers,
            String toolVersion) {
        this(catalog, engine, discovery, parsers, toolVersion, Suppressor.inlineOnly(LocalDate.now(ZoneOffset.UTC)));
    }

    public Scanner(PolicyCatalog catalog, PolicyEngine engine, FileDiscovery discovery, Parsers parsers,
            String toolVersion, Suppressor suppressor) {
        this(catalog, engine, discovery, parsers, toolVersion, suppressor, PolicyEngine.Passes.PER_RESOURCE);
    }

    /**
     * @param passes which passes to keep: {@link PolicyEngine.Passes#PER_RESOURCE} for reports that list them (JUnit,
     *     evidence), {@link PolicyEngine.Passes#COUNT_ONLY} when only their number is shown
     */
    public Scanner(PolicyCatalog catalog, PolicyEngine engine, FileDiscovery discovery, Parsers parsers,
            String toolVersion, Suppressor suppressor, PolicyEngine.Passes passes) {
        this.catalog = catalog;
        this.engine = engine;
        this.discovery = discovery(discovery);
        this.parsers = parsers;
        this.toolVersion = toolVersion;
        this.suppressor = suppressor;
        this.passes = passes == PolicyEngine.Passes.EACH_ELEMENT ? PolicyEngine.Passes.PER_RESOURCE : passes;
    }

    /**
     * {@code discovery} as a scan needs it: also marking the files that may declare a Kubernetes link source, read from
     * the bytes it reads anyway, so that the scan's first step does not read every YAML file. For callers that discover
     * before they build the scanner (on another thread); a scan of a discovery made without it reads every YAML file.
     */
    public static FileDiscovery discovery(FileDiscovery discovery) {
        return discovery.withMarker(Set.of(SourceFile.FileType.YAML), KubernetesLinks::mayHoldLinkSource);
    }

    public ScanReport scan(List<Path> roots) {
        return scan(discovery.discover(roots));
    }

    /**
     * Parses and judges files discovered earlier. Files may have changed or vanished since: each such file becomes a
     * problem, never an exception.
     */
    public ScanReport scan(Discovery found) {
        Results results = new Results();
        results.problems.addAll(found.skipped());
        List<SourceFile> terraformFiles = new ArrayList<>();
        List<SourceFile> others = new ArrayList<>();
        for (SourceFile f : found.files()) {
            (f.type() == SourceFile.FileType.TERRAFORM ? terraformFiles : others).add(f);
        }

        // 1. Link sources first: in every file whose text may declare one, the documents that may are parsed, and
        //    only their HPAs and Certificates kept (a few small objects; keeping whole files held most of a large
        //    repository). Should the documents not parse on their own, the whole file is parsed.
        Queue<Resource> sources = new ConcurrentLinkedQueue<>();
        //    Discovery has usually looked for the markers already, in the bytes it read for the binary check
        //    ({@link #discovery(FileDiscovery)}): only the files it could not rule out are read here.
        others.parallelStream().filter(f -> f.type() == SourceFile.FileType.YAML && found.mayBeMarked(f)).forEach(f -> {
            SourceText.Read read = SourceText.read(f);
            if (read.text() != null && KubernetesLinks.mayHoldLinkSource(read.text())) {
                ParseResult marked = parsers.parse(f,
                        new SourceText.Read(KubernetesLinks.linkSourceDocuments(read.text()), null));
                ParseResult parsed = marked.problems().isEmpty() ? marked : parsers.parse(f, read);
                parsed.resources().stream().filter(KubernetesLinks::isLinkSource).forEach(sources::add);
            }
        });
        KubernetesLinks.Links links = KubernetesLinks.collect(List.copyOf(sources));

        // 2. Every file but Terraform: parsed (again, for those of step 1), linked, judged, dropped.
        others.parallelStream().forEach(f -> {
            SourceText.Read read = SourceText.read(f);
            judgeFile(new ParsedFile(f, read, parsers.parse(f, read)), links, results);
        });
        // 3. Terraform, root by root.
        if (!terraformFiles.isEmpty()) {
            scanTerraform(terraformFiles, results);
        }
        return results.report(toolVersion, catalog);
    }

    /** What the parallel steps gather; everything else is dropped as soon as it is judged. */
    private static final class Results {
        /**
         * Each judged file's evaluations, a list a file: gathered one by one in a concurrent queue, tens of thousands
         * were then copied out of it by a loop the JVM interprets (it runs once a scan), at the end of the scan.
         */
        final Queue<List<Evaluation>> evaluations = new ConcurrentLinkedQueue<>();
        final Queue<Problem> problems = new ConcurrentLinkedQueue<>();
        final Queue<ScannedFile> files = new ConcurrentLinkedQueue<>();
        final LongAdder unlistedPasses = new LongAdder();

        /**
         * The problem with credentials masked that need no context: keys in well-known formats (AWS access keys,
         * Stripe live keys, private keys) and URL passwords. A problem may quote the configuration (an unknown name,
         * a module source, an expression that cannot be evaluated), and whatever a parser quotes, such a value never
         * reaches a report.
         */
        private static Problem withoutKeys(Problem p) {
            String message = Redactor.maskCredentials(p.message());
            return message.equals(p.message()) ? p : new Problem(p.file(), p.line(), p.column(), p.kind(), message);
        }

        ScanReport report(String toolVersion, PolicyCatalog catalog) {
            ScannedFile[] byPath = files.toArray(new ScannedFile[0]);
            ParallelSort.sort(byPath, Comparator.comparing(ScannedFile::path));
            List<ScannedFile> sortedFiles = Arrays.asList(byPath);
            List<Evaluation> all = new ArrayList<>();
            for (List<Evaluation> judged : evaluations) {
                all.addAll(judged);
            }
            List<Evaluation> sorted = Evaluation.sortedForReport(all);
            // One malformed directive can cover several findings: report it once.
            List<Problem> distinct = problems.stream().map(Results::withoutKeys).distinct().sorted().toList();
            return new ScanReport(toolVersion, catalog.policies(), catalog.checklist(), sorted, sortedFiles, distinct,
                    null, unlistedPasses.sum());
        }
    }

    /** One file as read and parsed, before judging. */
    private record ParsedFile(SourceFile file, SourceText.Read text, ParseResult result) {
    }

    private void judgeFile(ParsedFile p, KubernetesLinks.Links links, Results results) {
        SourceFile file = p.file();
        ParseResult parsed = p.result();
        results.problems.addAll(parsed.problems());
        Set<String> formats = new LinkedHashSet<>();
        List<Resource> resources = new ArrayList<>(parsed.resources().size());
        for (Resource r : parsed.resources()) {
            formats.add(r.format().id());
            resources.add(links.apply(r));
        }
        judge(resources, file, new Directives(file, p.text()), results);
        String format = formats.isEmpty() ? defaultFormat(file) : String.join("+", formats);
        results.files.add(new ScannedFile(file.displayPath(), format, resources.size()));
    }

    /**
     * Terraform is evaluated per root (modules through their calls); each root's resources are judged per file they
     * are written in: a module's resource is suppressed by the directives of the module's file.
     */
    private void scanTerraform(List<SourceFile> terraformFiles, Results results) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        // A module file is judged once per call; its directives are read once.
        Map<String, Directives> directives = new ConcurrentHashMap<>();
        parsers.parseTerraform(terraformFiles, root -> {
            results.problems.addAll(root.problems());
            Map<String, List<Resource>> byFile = new TreeMap<>();
            for (Resource r : root.resources()) {
                byFile.computeIfAbsent(r.location().file(), k -> new ArrayList<>()).add(r);
            }
            byFile.forEach((shown, resources) -> {
                counts.merge(shown, resources.size(), Integer::sum);
                Path path = root.files().get(shown);
                SourceFile file = new SourceFile(path != null ? path : Path.of(shown), shown,
                        SourceFile.FileType.TERRAFORM);
                judge(resources, file, directives.computeIfAbsent(shown, k -> new Directives(file, null)), results);
            });
        });
        // The report lists every discovered .tf file once, with the resources written in it (all calls counted).
        for (SourceFile f : terraformFiles) {
            results.files.add(new ScannedFile(f.displayPath(), Format.TERRAFORM.id(),
                    counts.getOrDefault(f.displayPath(), 0)));
        }
    }

    /**
     * A file's suppression directives, read only when something there fails: most files have no failure. The text is
     * the one already read for parsing when there is one, else the file is read again.
     */
    private final class Directives {
        private final SourceFile file;
        private SourceText.Read text;
        private FileDirectives read;
        private boolean problemsReported;

        Directives(SourceFile file, SourceText.Read text) {
            this.file = file;
            this.text = text;
        }

        synchronized FileDirectives get(Results results) {
            if (read == null) {
                SourceText.Read t = text != null ? text : SourceText.read(file);
                read = suppressor.read(t.text() == null ? "" : t.text(), file.displayPath());
                text = null;
            }
            if (!problemsReported) {
                problemsReported = true;
                results.problems.addAll(read.problems());
            }
            return read;
        }
    }

    /** Judges the resources of one file, applying that file's suppression directives to failures. */
    private void judge(List<Resource> resources, SourceFile file, Directives directives, Results results) {
        List<Evaluation> kept = new ArrayList<>();
        for (Resource r : resources) {
            PolicyEngine.Judgement judgement = engine.judge(r, passes);
            List<Evaluation> judged = judgement.evaluations();
            if (passes == PolicyEngine.Passes.COUNT_ONLY) {
                results.unlistedPasses.add(judgement.passes());
            }
            if (judged.stream().anyMatch(e -> e.outcome() == Outcome.FAIL)) {
                Suppressor.Applied applied = suppressor.apply(r, judged, directives.get(results));
                judged = applied.evaluations();
                results.problems.addAll(applied.problems());
            }
            for (Evaluation e : judged) {
                kept.add(e);
                if (e.outcome() == Outcome.ERROR) {
                    results.problems.add(Problem.at(e.location(), Problem.Kind.POLICY_ERROR, e.message()
                            + " (on " + e.resourceAddress() + ")"));
                }
            }
        }
        if (!kept.isEmpty()) {
            results.evaluations.add(kept);
        }
    }

    private static String defaultFormat(SourceFile file) {
        return switch (file.type()) {
            case YAML -> "yaml";
            case COMPOSE_YAML -> "compose";
            case DOTENV -> "dotenv";
            case TERRAFORM, TERRAFORM_PLAN -> "terraform";
        };
    }
}
