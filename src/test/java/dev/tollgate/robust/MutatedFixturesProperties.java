package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.scan.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every fixture of every format (Kubernetes, compose, env templates; Terraform files are listed, not parsed),
 * mutated at random: characters and lines deleted, duplicated, swapped, the file truncated, brackets, quotes,
 * anchors, document markers, heredoc markers, tabs, CRs and BOMs inserted. Parsing must never throw out of
 * {@link Parsers#parse}, never fall back to its "internal parser error" safety net (that is a parser bug, not a
 * message for a user), and every problem and resource must point into the file. Evaluating what was parsed against
 * every bundled policy must not throw either, and a scan of the mutated file's folder must finish.
 */
class MutatedFixturesProperties {

    private static final Path FIXTURES = Path.of("fixtures");
    private static final List<Path> FILES = fixtureFiles();
    private static final List<String> INSERTS = List.of("[", "]", "{", "}", "\"", "'", ":", ": ", "- ", "-", "#",
            "&a ", "*a", "<<: *a\n", "<<EOF\n", "<<-EOT\n", "EOT\n", "---\n", "...\n", "\t", "\r", "\r\n", "\n",
            "\uFEFF", "\\", "${", "}", "=", "export ", "!!binary ", "!custom ", "? ", "|", ">-", "%YAML 1.1\n",
            "\u0000", "\u2028", "😀", "apiVersion: v1\nkind: List\nitems: 3\n", "services: []\n");

    private static final PolicyCatalog CATALOG;
    private static final PolicyEngine ENGINE;

    static {
        try {
            CATALOG = BundledPolicies.load(List.of());
            ENGINE = PolicyEngine.compile(CATALOG.policies());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Path work;

    /** One edit of a file; positions are taken modulo the text's length so every edit applies. */
    record Mutation(int op, int a, int b, String insert) {

        String apply(String s) {
            if (s.isEmpty()) {
                return insert;
            }
            int i = Math.floorMod(a, s.length());
            int j = Math.floorMod(b, s.length());
            int lo = Math.min(i, j);
            int hi = Math.max(i, j);
            return switch (op) {
                case 0 -> s.substring(0, lo) + s.substring(Math.min(s.length(), lo + 1 + (hi - lo) % 40));
                case 1 -> s.substring(0, hi) + s.substring(lo, hi) + s.substring(hi);
                case 2 -> swapChars(s, i, j);
                case 3 -> swapLines(s, a, b);
                case 4 -> duplicateLine(s, a);
                case 5 -> s.substring(0, i);
                default -> s.substring(0, i) + insert + s.substring(i);
            };
        }

        private static String swapChars(String s, int i, int j) {
            char[] c = s.toCharArray();
            char t = c[i];
            c[i] = c[j];
            c[j] = t;
            return new String(c);
        }

        private static String swapLines(String s, int a, int b) {
            List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
            int i = Math.floorMod(a, lines.size());
            int j = Math.floorMod(b, lines.size());
            String t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
            return String.join("\n", lines);
        }

        private static String duplicateLine(String s, int a) {
            List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
            int i = Math.floorMod(a, lines.size());
            lines.add(i, lines.get(i));
            return String.join("\n", lines);
        }
    }

    @Provide
    Arbitrary<Path> fixture() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.of(INSERTS)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 1000)
    void parsingNeverThrowsAndEveryProblemIsLocated(@ForAll("fixture") Path fixture,
            @ForAll("mutations") List<Mutation> mutations) throws IOException {
        String text = Files.readString(fixture, StandardCharsets.UTF_8);
        for (Mutation m : mutations) {
            text = m.apply(text);
        }
        Path dir = copyFolder(fixture);
        Path file = dir.resolve(fixture.getFileName().toString());
        // Deleting or swapping single chars can split a surrogate pair (an inserted emoji); writeString throws on
        // the lone half, getBytes writes it as '?', so the try tests the parsers and not the test's own encoding.
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        String shown = "m/" + fixture.getFileName();
        SourceFile source = new SourceFile(file, shown, typeOf(fixture));

        ParseResult parsed = assertDoesNotThrow(() -> new Parsers().parse(source));
        // Lines as the parsers count them (LineMap, DotenvReader): a lone \r ends a line too, as in editors.
        int lines = text.split("\r\n|\r|\n", -1).length;
        for (Problem p : parsed.problems()) {
            // Our bug reports start "internal error" / "internal parser error"; a mutated name (var.internal_x) may
            // contain the word anywhere else.
            assertFalse(p.message().startsWith("internal "), () -> "parser bug surfaced as: " + p);
            assertFalse(p.message().isBlank(), () -> "unnamed problem: " + p);
            if (p.file().equals(shown)) {
                assertTrue(p.line() <= lines + 1, () -> "problem beyond the end of the file: " + p);
            }
        }
        for (Resource r : parsed.resources()) {
            assertTrue(r.location().line() >= 1 && r.location().line() <= lines + 1,
                    () -> "resource at " + r.location());
            assertDoesNotThrow(() -> ENGINE.evaluate(r), () -> "evaluation threw on " + r.address());
        }

        Scanner scanner = new Scanner(CATALOG, ENGINE, new FileDiscovery(), new Parsers(), "test");
        ScanReport report = assertDoesNotThrow(() -> scanner.scan(List.of(dir)));
        String name = fixture.getFileName().toString();
        assertTrue(report.files().stream().anyMatch(f -> f.path().equals(name))
                || report.problems().stream().anyMatch(p -> p.file().equals(name)),
                "the mutated file was scanned, or reported as skipped with its reason");
    }

    private static SourceFile.FileType typeOf(Path fixture) {
        Discovery d = new FileDiscovery().discover(List.of(fixture));
        return d.files().get(0).type();
    }

    /** A fresh copy of the fixture's folder, so that env_file references still resolve. */
    private static Path copyFolder(Path fixture) throws IOException {
        if (work == null) {
            work = Files.createTempDirectory("tollgate-mutated");
        }
        Path dir = Files.createTempDirectory(work, "try");
        try (Stream<Path> siblings = Files.list(fixture.getParent())) {
            for (Path p : siblings.filter(Files::isRegularFile).toList()) {
                Files.copy(p, dir.resolve(p.getFileName().toString()));
            }
        }
        return dir;
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        if (work != null) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Path> fixtureFiles() {
        try (Stream<Path> all = Files.walk(FIXTURES)) {
            List<Path> files = all.filter(Files::isRegularFile).sorted().toList();
            return files.stream().filter(f -> !new FileDiscovery().discover(List.of(f)).files().isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
