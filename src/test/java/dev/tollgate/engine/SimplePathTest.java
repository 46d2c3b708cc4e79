package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.Resource;
import dev.tollgate.parse.Parsers;
import dev.tollgate.model.SourceFile;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SimplePath} must select exactly what json-path selects: over every resource of the bundled fixtures with every
 * bundled policy's paths, and over seeded random documents with paths that exercise each step.
 */
class SimplePathTest {

    private static final List<String> PATHS = List.of("$", "$[*]", "$.*", "$.a", "$.a.b", "$['a']", "$[\"a\"]",
            "$['a b']", "$.a[*]", "$.a[0]", "$.a[3]", "$..*", "$..a", "$..a[*]", "$..a[*].b[*]", "$..a..b", "$.a.*.b",
            "$..['b']", "$[0]", "$[*].a", "$.x-y", "$.a[?(@.b == 'v1')]", "$..a[*].c[?(@.b in ['v1', 'v2'])]",
            "$[?(@.a == 'v3')]", "$.a[?(@.b in ['v1'])].c", "$..a[?(@.c == 'v2')]");

    @Test
    void compilesTheCommonSyntaxAndLeavesTheRestToJsonPath() {
        for (String p : PATHS) {
            assertNotNull(SimplePath.compile(p), p);
        }
        for (String p : List.of("$[?(@.a)]", "$.a[-1]", "$['a','b']", "$.a[1:2]", "$.a.length()", "$..[0]",
                "$['it\\'s']", "a.b", "$.a b", "$..*.a", "$..a[?(@.b > 1)]",
                "$.a[?(@.b == 'x' && @.c)]")) {
            assertNull(SimplePath.compile(p), p);
        }
    }

    @Test
    void selectsWhatJsonPathSelects_onEveryFixtureResource() throws Exception {
        List<String> paths = new ArrayList<>(PATHS);
        for (Policy p : BundledPolicies.load(List.of()).policies()) {
            paths.addAll(p.select());
        }
        Parsers parsers = new Parsers();
        List<SourceFile> files = new FileDiscovery().discover(List.of(Path.of("fixtures"))).files();
        List<Resource> resources = new ArrayList<>();
        resources.addAll(parsers.parseTerraform(files.stream().filter(f -> f.type() == SourceFile.FileType.TERRAFORM)
                .toList()).resources());
        files.stream().filter(f -> f.type() != SourceFile.FileType.TERRAFORM)
                .forEach(f -> resources.addAll(parsers.parse(f).resources()));
        int compared = 0;
        for (Resource r : resources) {
            for (String path : new LinkedHashSet<>(paths)) {
                SimplePath simple = SimplePath.compile(path);
                if (simple != null) {
                    assertSame(path, r.address(), Selector.selectGeneral(path, r.data()), simple, r.data());
                    compared++;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared > 10_000, "compared " + compared);
    }

    @Test
    void selectsWhatJsonPathSelects_onRandomDocuments() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            Object doc = randomNode(random, 0);
            for (String path : PATHS) {
                assertSame(path, "document " + n + ": " + doc, Selector.selectGeneral(path, doc),
                        SimplePath.compile(path), doc);
            }
        }
    }

    @Test
    void aFilterMeetingAScalarSelectsNothing_ratherThanThrowing() {
        Map<String, Object> data = Map.of("spec", Map.of("containers", List.of(Map.of("name", "web", "env", true))));
        // json-path throws InvalidPathException here despite SUPPRESS_EXCEPTIONS; a user's filter must not end the
        // scan.
        assertEquals(List.of(), Selector.compile(List.of("$..containers[*].env[?(@.name > 'a')]")).select(data));
        assertEquals(List.of(), Selector.compile(List.of("$..containers[*].env[?(@.name == 'DEBUG')]")).select(data));
    }

    private static void assertSame(String path, String what, List<String> expected, SimplePath simple, Object data) {
        Set<String> actual = new LinkedHashSet<>();
        simple.select(data, actual);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), path + " on " + what);
        // A path that cannot repeat a node is selected without a map to put repeats away (Selector.selectList).
        List<String> each = new ArrayList<>();
        simple.select(data, each);
        if (!simple.mayRepeat()) {
            assertEquals(List.copyOf(actual), each, path + " selects a node twice on " + what);
        }
        // A deep scan shared between paths gives the same pointers in the same order, fresh or reused.
        SimplePath.DeepScans scans = new SimplePath.DeepScans();
        for (int reuse = 0; reuse < 2; reuse++) {
            Set<String> shared = new LinkedHashSet<>();
            simple.select(data, shared, false, scans);
            assertEquals(List.copyOf(actual), List.copyOf(shared), path + " with shared deep scans on " + what);
        }
    }

    private static Object randomNode(SplittableRandom random, int depth) {
        // A resource's data is a map or a list at the top, never a scalar or null.
        int kind = depth == 0 ? 3 + random.nextInt(3) : depth >= 4 ? random.nextInt(3) : random.nextInt(6);
        switch (kind) {
            case 0:
                return "v" + random.nextInt(10);
            case 1:
                return random.nextInt(3) == 0 ? null : (Object) (long) random.nextInt(100);
            case 2:
                return random.nextBoolean();
            case 3:
            case 4: {
                Map<String, Object> m = new LinkedHashMap<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    String key = List.of("a", "b", "c", "a b", "x-y", "~k", "s/t").get(random.nextInt(7));
                    m.put(key, randomNode(random, depth + 1));
                }
                return m;
            }
            default: {
                List<Object> l = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    l.add(randomNode(random, depth + 1));
                }
                return l;
            }
        }
    }
}
