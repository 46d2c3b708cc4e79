package dev.tollgate.scan;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.Format;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.kubernetes.KubernetesLinks;
import dev.tollgate.parse.terraform.TerraformParser;
import dev.tollgate.parse.SourceText;
import dev.tollgate.suppress.FileDirectives;
import dev.tollgate.suppress.Suppressor;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.tollgate.policy.PolicyCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole pipeline for one scan: discovery, parsing, evaluation, and the sorted report.
 *
 * <p>Files are parsed and judged in parallel (Terraform: directories, then the files resources are written in;
 * Kubernetes: every file parsed, objects linked across files, then judged);
 * the report is sorted afterwards, so a parallel run gives the same bytes as a serial one.
 */
public final class Scanner {

    private final PolicyCatalog catalog;
    private final PolicyEngine engine;
    private final FileDiscovery discovery;
    private final Parsers parsers;
    private final String toolVersion;
    private final Suppressor suppressor;

    public Scanner(PolicyCatalog catalog, PolicyEngine engine, FileDiscovery discovery, Parsers parsers, String toolVersion) {
        this(catalog, engine, discovery, parsers, toolVersion, Suppressor.inlineOnly(LocalDate.now(ZoneOffset.UTC)));
    }

    public Scanner(PolicyCatalog catalog, PolicyEngine engine, FileDiscovery discovery, Parsers parsers,
            String toolVersion, Suppressor suppressor) {
        this.catalog = catalog;
        this.engine = engine;
        this.discovery = discovery;
        this.parsers = parsers;
        this.toolVersion = toolVersion;
        this.suppressor = suppressor;
    }

    /** The outcome of one file: what it gave, judged. */
    private record FileOutcome(ScannedFile file, List<Evaluation> evaluations, List<Problem> problems) {
    }

    public ScanReport scan(List<Path> roots) {
        return scan(discovery.discover(roots));
    }

    /**
     * Parses and judges files discovered earlier. Files may have changed or vanished since: each such file becomes a
     * problem, never an exception.
     */
    public ScanReport scan(Discovery found) {
        List<SourceFile> terraformFiles = found.files().stream()
                .filter(f -> f.type() == SourceFile.FileType.TERRAFORM).toList();
        List<ParsedFile> parsed = linkKubernetes(found.files().parallelStream()
                .filter(f -> f.type() != SourceFile.FileType.TERRAFORM)
                .map(f -> new ParsedFile(f, parsers.parse(f))).toList());
        List<FileOutcome> outcomes = new ArrayList<>(parsed.parallelStream().map(this::judgeFile).toList());
        if (!terraformFiles.isEmpty()) {
            outcomes.addAll(scanTerraform(terraformFiles));
        }

        List<Evaluation> evaluations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(found.skipped());
        List<ScannedFile> files = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            evaluations.addAll(o.evaluations());
            problems.addAll(o.problems());
            if (o.file() != null) {
                files.add(o.file());
            }
        }
        files.sort(java.util.Comparator.comparing(ScannedFile::path));
        evaluations.sort(Evaluation.REPORT_ORDER);
        // One malformed directive can cover several findings: report it once.
        List<Problem> distinct = problems.stream().distinct().sorted().toList();
        return new ScanReport(toolVersion, catalog.policies(), catalog.checklist(), evaluations, files, distinct);
    }

    /** One file as parsed, before judging. */
    private record ParsedFile(SourceFile file, ParseResult result) {
    }

    /**
     * Kubernetes objects refer to each other across files (a HorizontalPodAutoscaler to its Deployment, a
     * cert-manager Certificate to an Ingress's TLS secret): every file must be parsed before any is judged, so the
     * links are made here, between the two parallel phases. Each file keeps its own resources, in their order.
     */
    private static List<ParsedFile> linkKubernetes(List<ParsedFile> parsed) {
        List<Resource> all = new ArrayList<>();
        parsed.forEach(p -> all.addAll(p.result().resources()));
        List<Resource> linked = KubernetesLinks.link(all);
        if (linked == all) {
            return parsed;
        }
        List<ParsedFile> out = new ArrayList<>(parsed.size());
        int from = 0;
        for (ParsedFile p : parsed) {
            int to = from + p.result().resources().size();
            out.add(new ParsedFile(p.file(), new ParseResult(linked.subList(from, to), p.result().problems())));
            from = to;
        }
        return out;
    }

    private FileOutcome judgeFile(ParsedFile p) {
        SourceFile file = p.file();
        ParseResult parsed = p.result();
        List<Problem> problems = new ArrayList<>(parsed.problems());
        Set<String> formats = new LinkedHashSet<>();
        parsed.resources().forEach(r -> formats.add(r.format().id()));
        List<Evaluation> evaluations = judge(parsed.resources(), file, problems);
        String format = formats.isEmpty() ? defaultFormat(file) : String.join("+", formats);
        return new FileOutcome(new ScannedFile(file.displayPath(), format, parsed.resources().size()),
                evaluations, problems);
    }

    /**
     * Terraform is evaluated per directory (modules through their calls), then judged per file the resources are
     * written in: a module's resource is suppressed by the directives of the module's file.
     */
    private List<FileOutcome> scanTerraform(List<SourceFile> terraformFiles) {
        TerraformParser.Result result = parsers.parseTerraform(terraformFiles);
        Map<String, List<Resource>> byFile = new TreeMap<>();
        for (Resource r : result.resources()) {
            byFile.computeIfAbsent(r.location().file(), k -> new ArrayList<>()).add(r);
        }
        List<FileOutcome> outcomes = new ArrayList<>(byFile.entrySet().parallelStream().map(e -> {
            Path path = result.files().get(e.getKey());
            SourceFile file = new SourceFile(path != null ? path : Path.of(e.getKey()), e.getKey(),
                    SourceFile.FileType.TERRAFORM);
            List<Problem> problems = new ArrayList<>();
            List<Evaluation> evaluations = judge(e.getValue(), file, problems);
            return new FileOutcome(null, evaluations, problems);
        }).toList());
        // The report lists every discovered .tf file once, with the resources written in it (all calls counted).
        for (SourceFile f : terraformFiles) {
            int count = byFile.getOrDefault(f.displayPath(), List.of()).size();
            outcomes.add(new FileOutcome(new ScannedFile(f.displayPath(), Format.TERRAFORM.id(), count), List.of(),
                    List.of()));
        }
        outcomes.add(new FileOutcome(null, List.of(), result.problems()));
        return outcomes;
    }

    /** Judges the resources of one file, applying that file's suppression directives to failures. */
    private List<Evaluation> judge(List<Resource> resources, SourceFile file, List<Problem> problems) {
        List<Evaluation> evaluations = new ArrayList<>();
        FileDirectives directives = null;
        for (Resource r : resources) {
            List<Evaluation> judged = engine.evaluate(r);
            if (judged.stream().anyMatch(e -> e.outcome() == Outcome.FAIL)) {
                if (directives == null) {
                    // Read again only when there is something to suppress: most files have no failure.
                    SourceText.Read text = SourceText.read(file);
                    directives = suppressor.read(text.text() == null ? "" : text.text(), file.displayPath());
                    problems.addAll(directives.problems());
                }
                Suppressor.Applied applied = suppressor.apply(r, judged, directives);
                judged = applied.evaluations();
                problems.addAll(applied.problems());
            }
            for (Evaluation e : judged) {
                evaluations.add(e);
                if (e.outcome() == Outcome.ERROR) {
                    problems.add(Problem.at(e.location(), Problem.Kind.POLICY_ERROR, e.message()
                            + " (on " + e.resourceAddress() + ")"));
                }
            }
        }
        return evaluations;
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
