package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Conventions of the policy catalogue, as tests rather than review comments. */
class CatalogConventionsTest {

    @Test
    void bundledCatalog_loadsAndCompiles() throws Exception {
        // Ids equal file names, ids unique, checklist ids exist, expressions compile: the loader refuses otherwise.
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        assertFalse(catalog.policies().isEmpty());
        dev.tollgate.engine.PolicyEngine.compile(catalog.policies());
    }

    @Test
    void everyPolicy_hasFailAndPassFixtures() throws Exception {
        for (Policy p : PolicyFixturesTest.policies()) {
            for (String kind : List.of("fail", "pass")) {
                Path dir = PolicyFixturesTest.FIXTURES.resolve(p.id()).resolve(kind);
                assertTrue(Files.isDirectory(dir) && hasFiles(dir), p.id() + " has no " + dir);
            }
        }
    }

    @Test
    void everyFixtureFolder_belongsToAPolicy() throws Exception {
        Set<String> ids = PolicyFixturesTest.policies().stream().map(Policy::id).collect(Collectors.toSet());
        Set<String> orphans = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(PolicyFixturesTest.FIXTURES)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> n.startsWith("TG-") && !ids.contains(n)).forEach(orphans::add);
        }
        assertEquals(Set.of(), orphans, "fixture folders without a policy");
    }

    @Test
    void everyPolicy_namesAChecklistItemAndAFullDescription() throws Exception {
        for (Policy p : PolicyFixturesTest.policies()) {
            assertFalse(p.checklist().isEmpty(), p.id());
            assertFalse(p.description().equals(p.title()), p.id() + " has no description of its own");
            assertFalse(p.remediation().isBlank(), p.id() + " has no remediation");
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }
}
