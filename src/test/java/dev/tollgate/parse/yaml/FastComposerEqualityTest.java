package dev.tollgate.parse.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.parse.InternalErrors;
import dev.tollgate.parse.yaml.fast.FastComposer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fast composer gives SnakeYAML's node trees, field by field, wherever it answers: on every YAML file of the
 * repository and on hand-picked texts at the edges of what it reads; and it declines what it must. Random texts:
 * {@link FastComposerProperties}; corpora outside the repository: {@link FastComposerCorpus}.
 */
class FastComposerEqualityTest {

    private final YamlLoader loader = new YamlLoader();

    private static List<Path> repositoryYaml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("fixtures", "policies", "src/test/resources", "src/main/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyYamlFileOfTheRepository_sameTreesAsSnakeYaml() throws IOException {
        List<Path> files = repositoryYaml();
        int taken = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path file : files) {
            FastComposerCheck check = FastComposerCheck.of(loader, Files.readString(file));
            if (check.taken()) {
                taken++;
            }
            if (check.mismatch() != null) {
                mismatches.add(file + ": " + check.mismatch());
            }
        }
        assertEquals(List.of(), mismatches);
        // Not a speed test: a guard that the fast path still reads what the project writes (it took 270 of 271).
        assertTrue(taken * 10 >= files.size() * 9, "the fast path took only " + taken + " of " + files.size());
    }

    @Test
    void everyYamlFileOfTheRepository_sameDocumentsAndProblemsWithAndWithoutTheFastPath() throws IOException {
        YamlLoader snakeYamlOnly = new YamlLoader(YamlLoader.Limits.defaults(), InternalErrors.ignore(), false);
        for (Path file : repositoryYaml()) {
            String text = Files.readString(file);
            YamlStream fast = loader.load(text, file.toString());
            YamlStream slow = snakeYamlOnly.load(text, file.toString());
            assertEquals(slow.documents(), fast.documents(), file.toString());
            assertEquals(slow.problems(), fast.problems(), file.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "# only a comment\n",
        "\n\n   \n",
        "---\n",
        "---",
        "--- # a comment\n",
        "a: 1\n---\n",
        "a: 1\n---\n---\nb: 2\n",
        "a: 1\n...\n---\nb: 2\n...\n",
        "---\n...\n",
        "a: 1\n... # end\n...\n",
        "a:\n- x\n- y\nb: 2\n",
        "a:\n  - x\n  -   y\nb:\n",
        "- a: 1\n  b: 2\n- c: 3\n-   d: 4\n    e: [5]\n",
        "  a: 1\n  b: 2\n",
        "a: 1\na: 2\n",
        "labels: &l\n  a: b\nsel: *l\nother: *l\n",
        "x: &x 1\na: &m\n  k: *x\nb: *m\n",
        "a: &a\n  b: *a\n",
        "d: &d {a: 1}\ns:\n  <<: *d\n  b: 2\n",
        "k: |\n  line\n\n  more\n",
        "k: |+\n  line\n\n\nn: 1\n",
        "k: |-\n  line\n   deeper\n  # kept\n# a comment\nn: 1\n",
        "k: >\n  a\n  b\n\n  c\n   d\n  e\n",
        "k: >-\n\n  a\n",
        "- |\n  x\n- >\n  y\n",
        "k: |\n",
        "k: |\n  x",
        "cmd: [\"sh\", \"-c\", 'echo ''hi''']\nres: {cpu: 100m, memory: 128Mi}\nnone: []\nempty: {}\n",
        "n: [[a, b], {c: d}, [ ]]\n",
        "s: \"tab\\tnew\\nquote\\\"back\\\\\"\n",
        "v: a#b c:d e,f [g] {h}\n",
        "v: x   # trailing\n# comment\n  # indented comment\nw: y\n",
        "on: yes\nNo: off\n1: 2\n~: null\n0x1F: 1_000\n2001-12-14: 1.5e3\n",
        "k: -1\nl: -x\nm: --\n",
        "\"quoted key\": 1\n'single': 2\n\"a: b\": 3\n",
        "é: ü\nΩ: \"日本\"\n",
    })
    void handPickedTexts_areTakenAndEqual(String text) {
        FastComposerCheck check = FastComposerCheck.of(loader, text);
        assertNull(check.declined(), "declined: " + text);
        assertNull(check.mismatch(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: b\n  c\n",                  // a plain scalar continued on the next line
        "a:\n  b\n",                    // a scalar on the line after its key
        "a: 'x\n  y'\n",                // a quoted scalar over two lines
        "a:\tb\n",                      // a tab
        "a: 1\r\nb: 2\r\n",             // CR LF line breaks
        "a: x\uFEFF\n",                 // a byte-order mark not at a line's start (YamlLoader drops those)
        "a: \uD83D\uDE00\n",            // a character outside the BMP
        "%YAML 1.1\n---\na: 1\n",       // a directive
        "a: !!str 1\n",                 // a tag
        "a: b: c\n",                    // an error
        "? a\n: b\n",                   // a complex key
        "a: *undefined\n",              // an undefined alias
        "a: 1\n...\nb: 2\n",            // a document after '...' without '---'
        "a: 1\nb\n",                    // a line that is not a key
        "a: [1,\n  2]\n",               // a flow collection over two lines
        "a: [a, ]\n",                   // a trailing comma
        "a: {b:c}\n",                   // ':' without a space in a flow mapping
        "a: \"\\x41\"\n",               // a hexadecimal escape
        "a: |2\n   x\n",                // an indentation indicator
        "-\n  a: 1\n",                  // an entry on the next line
        "- - a\n",                      // a nested sequence on one line
        "a: &x\nb: 1\n",                // an anchored empty value
        "plain scalar\n",               // a document that is only a scalar
        "{a: 1}\n",                     // a flow document
        "- a\nb: 1\n",                  // a key beside a root sequence
    })
    void textsOutsideTheSubset_areDeclined(String text) {
        assertNotNull(FastComposerCheck.of(loader, text).declined(), text);
    }

    @Test
    void aliasesToCollectionsBeyondTheLimit_areDeclined() {
        YamlLoader strict = new YamlLoader(new YamlLoader.Limits(2, 256, 100_000, 1 << 20));
        FastComposer fast = new FastComposer(strict.resolver(), strict.loaderOptions());
        assertNotNull(fast.compose("a: &a {x: 1}\nb: *a\nc: *a\n"));
        assertNull(fast.compose("a: &a {x: 1}\nb: *a\nc: *a\nd: *a\n"));
        assertNotNull(fast.compose("a: &a 1\nb: *a\nc: *a\nd: *a\n"), "aliases to scalars are not counted");
        // The limit is per document, as YamlLoader uses one composer per document.
        assertNotNull(fast.compose("a: &a {x: 1}\nb: *a\nc: *a\n---\na: &a {x: 1}\nb: *a\nc: *a\n"));
    }

    @Test
    void nestingDeeperThanTheLimit_isDeclined() {
        YamlLoader strict = new YamlLoader(new YamlLoader.Limits(10, 6, 100_000, 1 << 20));
        FastComposer fast = new FastComposer(strict.resolver(), strict.loaderOptions());
        assertNotNull(fast.compose("a:\n  b: 1\n"));
        assertNull(fast.compose("a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g: 1\n"));
    }

    @Test
    void aliasesShareTheAnchoredNode_andMergeKeysMarkTheMapping() {
        List<Node> roots = new FastComposer(loader.resolver(), loader.loaderOptions())
                .compose("d: &d\n  a: 1\ns:\n  <<: *d\n  b:\n  - *d\n");
        MappingNode root = (MappingNode) roots.get(0);
        Node anchored = root.getValue().get(0).getValueNode();
        MappingNode s = (MappingNode) root.getValue().get(1).getValueNode();
        assertSame(anchored, s.getValue().get(0).getValueNode());
        assertSame(anchored, ((SequenceNode) s.getValue().get(1).getValueNode()).getValue().get(0));
        assertTrue(s.isMerged());
        assertFalse(root.isMerged());
    }
}
