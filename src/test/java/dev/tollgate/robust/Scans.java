package dev.tollgate.robust;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.report.Reporters;
import dev.tollgate.scan.Scanner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Scanning helpers shared by the robustness tests: the bundled policies compiled once, reports as comparable text. */
final class Scans {

    static final PolicyCatalog CATALOG;
    static final PolicyEngine ENGINE;

    static {
        try {
            CATALOG = BundledPolicies.load(List.of());
            ENGINE = PolicyEngine.compile(CATALOG.policies());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Scans() {
    }

    static Scanner scanner() {
        return new Scanner(CATALOG, ENGINE, new FileDiscovery(), new Parsers(), "test");
    }

    static ScanReport scan(Path... roots) {
        return scanner().scan(List.of(roots));
    }

    /** Every evaluation (pass, fail, error) of files under {@code prefix}, one line each, in report order. */
    static String evaluations(ScanReport report, String prefix) {
        return report.evaluations().stream()
                .filter(e -> e.location().file().startsWith(prefix))
                .map(Scans::line)
                .collect(Collectors.joining("\n"));
    }

    static String line(Evaluation e) {
        return e.policyId() + " " + e.outcome() + " " + e.location().file() + ":" + e.location().line() + ":"
                + e.location().column() + " " + e.message();
    }

    /** The problems of one file. */
    static List<Problem> problems(ScanReport report, String file) {
        return report.problems().stream().filter(p -> p.file().equals(file)).toList();
    }

    static String render(ScanReport report, String format) {
        try {
            StringWriter w = new StringWriter();
            Reporters.forFormat(format, false).write(report, w);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code from} (a file or a directory tree) to {@code to}. */
    static void copy(Path from, Path to) {
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
