package dev.tollgate.evidence;

import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Catalogues for evidence tests. The bundled checklist's {@code automation} values are being filled in over time (any
 * item without one is manual), so tests that need automated and partial items write their own checklist: a copy of
 * the bundled policies where every item a policy checks is automated, except one partial item.
 */
final class TestCatalogues {

    static final String PARTIAL_ITEM = "security.https-everywhere";

    private TestCatalogues() {
    }

    /** The bundled catalogue, as shipped. */
    static PolicyCatalog bundled() throws Exception {
        return BundledPolicies.load(List.of());
    }

    /** A copy of policies/ in {@code dir} whose checked items are automated ({@link #PARTIAL_ITEM} partial). */
    static PolicyCatalog automated(Path dir) throws Exception {
        Path source = Path.of("policies");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        PolicyCatalog bundled = PolicyCatalog.load(List.of(new PolicyCatalog.Source(source, "policies/")));
        Set<String> checked = new java.util.TreeSet<>();
        bundled.policies().forEach(p -> checked.addAll(p.checklist()));
        StringBuilder out = new StringBuilder();
        String current = null;
        for (String line : Files.readAllLines(dir.resolve("checklist.yaml"))) {
            if (line.strip().startsWith("automation:")) {
                continue; // replaced below, whatever the bundled checklist says today
            }
            if (line.startsWith("  - id: ")) {
                current = line.substring("  - id: ".length()).strip();
            }
            out.append(line).append('\n');
            if (current != null && line.startsWith("    text: ") && checked.contains(current)) {
                out.append("    automation: ").append(current.equals(PARTIAL_ITEM) ? "partial" : "automated")
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve("checklist.yaml"), out.toString());
        return PolicyCatalog.load(List.of(new PolicyCatalog.Source(dir, "policies/")));
    }

    static EvidenceExporter exporter(PolicyCatalog catalog, java.time.Clock clock, java.util.Map<String, String> env) {
        try {
            return new EvidenceExporter(catalog, PolicyEngine.compile(catalog.policies()), "9.9.9", clock, env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
