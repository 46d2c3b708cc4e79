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
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.PolicyCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole pipeline for one scan: discovery, parsing, evaluation, and the sorted report.
 *
 * <p>Files are parsed and judged in parallel; the report is sorted afterwards, so a parallel run gives the same
 * bytes as a serial one.
 */
public final class Scanner {

    private final PolicyCatalog catalog;
    private final PolicyEngine engine;
    private final FileDiscovery discovery;
    private final Parsers parsers;
    private final String toolVersion;

    public Scanner(PolicyCatalog catalog, PolicyEngine engine, FileDiscovery discovery, Parsers parsers, String toolVersion) {
        this.catalog = catalog;
        this.engine = engine;
        this.discovery = discovery;
        this.parsers = parsers;
        this.toolVersion = toolVersion;
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
        List<FileOutcome> outcomes = found.files().parallelStream().map(this::scanFile).toList();

        List<Evaluation> evaluations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(found.skipped());
        List<ScannedFile> files = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            evaluations.addAll(o.evaluations());
            problems.addAll(o.problems());
            files.add(o.file());
        }
        evaluations.sort(Evaluation.REPORT_ORDER);
        problems.sort(null);
        return new ScanReport(toolVersion, catalog.policies(), catalog.checklist(), evaluations, files, problems);
    }

    private FileOutcome scanFile(SourceFile file) {
        ParseResult parsed = parsers.parse(file);
        List<Evaluation> evaluations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(parsed.problems());
        Set<String> formats = new LinkedHashSet<>();
        for (Resource r : parsed.resources()) {
            formats.add(r.format().id());
            for (Evaluation e : engine.evaluate(r)) {
                evaluations.add(e);
                if (e.outcome() == Outcome.ERROR) {
                    problems.add(Problem.at(e.location(), Problem.Kind.POLICY_ERROR, e.message()
                            + " (on " + e.resourceAddress() + ")"));
                }
            }
        }
        String format = formats.isEmpty() ? defaultFormat(file) : String.join("+", formats);
        return new FileOutcome(new ScannedFile(file.displayPath(), format, parsed.resources().size()),
                evaluations, problems);
    }

    private static String defaultFormat(SourceFile file) {
        return switch (file.type()) {
            case YAML -> "yaml";
            case COMPOSE_YAML -> "compose";
            case DOTENV -> "dotenv";
            case TERRAFORM -> "terraform";
        };
    }
}
