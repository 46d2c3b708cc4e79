package dev.tollgate.parse.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    private static final String FILE = "deploy/app.yaml";

    private final YamlLoader loader = new YamlLoader();

    // ---- helpers -----------------------------------------------------------------------------------------------

    private YamlStream load(String yaml) {
        return loader.load(yaml, FILE);
    }

    /** Loads a single-document file that must read without problems. */
    private YamlDocument one(String yaml) {
        YamlStream s = load(yaml);
        assertEquals(List.of(), s.problems(), "problems");
        assertEquals(1, s.documents().size(), "documents");
        return s.documents().get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Map<String, Object> root(YamlDocument d) {
        return map(d.root());
    }

    private static void assertAt(int line, int column, SourceLocation actual) {
        assertEquals(new SourceLocation(FILE, line, column), actual);
    }

    private static void assertAt(int line, int column, YamlDocument doc, String pointer) {
        assertAt(line, column, doc.locations().byPointer().get(pointer));
    }

    private static Problem onlyProblem(YamlStream s) {
        assertEquals(1, s.problems().size(), () -> "expected one problem, got " + s.problems());
        Problem p = s.problems().get(0);
        assertEquals(FILE, p.file());
        assertEquals(Problem.Kind.PARSE_ERROR, p.kind());
        return p;
    }

    // ---- streams -----------------------------------------------------------------------------------------------

    @Nested
    class Streams {

        @Test
        void everyDocumentOfAStreamIsRead() {
            YamlStream s = load("""
                    a: 1
                    ---
                    b: 2
                    ---
                    # a comment-only document
                    ---
                    c: 3
                    ---
                    """);
            assertEquals(List.of(), s.problems());
            assertEquals(3, s.documents().size());
            assertEquals(Map.of("a", 1L), root(s.documents().get(0)));
            assertEquals(Map.of("b", 2L), root(s.documents().get(1)));
            assertEquals(Map.of("c", 3L), root(s.documents().get(2)));
            assertAt(1, 1, s.documents().get(0).start());
            assertAt(3, 1, s.documents().get(1).start());
            assertAt(7, 1, s.documents().get(2).start());
        }

        @Test
        void emptyInputsGiveNoDocumentsAndNoProblems() {
            for (String yaml : List.of("", "\n", "# only a comment\n", "---\n", "---\n---\n", "--- ~\n")) {
                YamlStream s = load(yaml);
                assertEquals(List.of(), s.documents(), yaml);
                assertEquals(List.of(), s.problems(), yaml);
            }
        }

        @Test
        void documentStartsAtItsContentNotItsMarker() {
            YamlStream s = load("""
                    ---
                    # leading comment

                    kind: Service
                    """);
            assertAt(4, 1, s.documents().get(0).start());
        }

        @Test
        void scalarAndListDocumentsAreKept() {
            YamlStream s = load("--- hello\n---\n- 1\n- 2\n");
            assertEquals("hello", s.documents().get(0).root());
            assertEquals(List.of(1L, 2L), s.documents().get(1).root());
        }

        @Test
        void anUnrenderedHelmTemplateSaysSo() {
            YamlStream s = load("""
                    {{- if .Values.ingress.enabled }}
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata:
                      name: {{ include "shop.fullname" . }}
                    {{- end }}
                    """);
            Problem p = onlyProblem(s);
            assertTrue(p.message().startsWith("invalid YAML: "), p.message());
            assertTrue(p.message().endsWith("(the file holds {{ }} template directives: render a Helm chart with"
                    + " `helm template` and scan the output)"), p.message());
        }

        @Test
        void aHelmTemplateThatParsesWithAMapForAKeySaysSoToo() {
            // cert-manager's issuer chart template, scanned without its Chart.yaml
            YamlStream s = load("""
                    apiVersion: cert-manager.io/v1
                    kind: ClusterIssuer
                    spec:
                      acme:
                        email: {{ .Values.letsencrypt.email }}
                    """);
            Problem p = onlyProblem(s);
            assertEquals(5, p.line());
            assertTrue(p.message().startsWith("complex YAML mapping key (a map or list used as a key) skipped (the file"
                    + " holds {{ }} template directives: render a Helm chart"), p.message());
            assertFalse(onlyProblem(load("a:\n  ? {b: 1}\n  : c\n")).message().contains("template"));
        }

        @Test
        void aPlainSyntaxErrorGetsNoTemplateHint() {
            assertFalse(onlyProblem(load("a: [1, 2\n")).message().contains("template"));
        }

        @Test
        void documentsBeforeASyntaxErrorAreKept() {
            YamlStream s = load("""
                    a: 1
                    ---
                    b: 2
                    ---
                    c: [1, 2
                    """);
            assertEquals(2, s.documents().size());
            Problem p = onlyProblem(s);
            // The flow sequence is still open at the end of the stream: placed at the end of the last line, not on
            // the line after the final line break, which the file does not have.
            assertEquals(5, p.line());
            assertEquals(9, p.column());
        }

        @Test
        void anErrorAtTheEndOfTheStreamIsOnTheLastLineWhateverTheLineBreaks() {
            Problem lf = onlyProblem(load("apiVersion: v1\nmetadata: {name: x\n"));
            assertEquals(List.of(2, 19), List.of(lf.line(), lf.column()));
            Problem crlf = onlyProblem(load("apiVersion: v1\r\nmetadata: {name: x\r\n\r\n"));
            assertEquals(List.of(3, 1), List.of(crlf.line(), crlf.column()), "an empty last line is still a line");
            Problem none = onlyProblem(load("apiVersion: v1\nmetadata: {name: x"));
            assertEquals(2, none.line(), "no final line break: the mark is already on the last line");
        }
    }

    // ---- locations ---------------------------------------------------------------------------------------------

    @Nested
    class Locations {

        private static final String POD = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                    -   name: sidecar
                        image: busybox
                  ports: [80, 443]
                """;

        @Test
        void mapEntriesAreLocatedAtTheirKeys() {
            YamlDocument d = one(POD);
            assertAt(1, 1, d, "");
            assertAt(1, 1, d, "/apiVersion");
            assertAt(3, 1, d, "/metadata");
            assertAt(4, 3, d, "/metadata/name");
            assertAt(6, 3, d, "/spec/containers");
            assertAt(8, 7, d, "/spec/containers/0/image");
            assertAt(10, 9, d, "/spec/containers/1/image");
            assertAt(1, 1, d.start());
        }

        @Test
        void listItemsAreLocatedWhereTheItemStarts() {
            YamlDocument d = one(POD);
            assertAt(7, 7, d, "/spec/containers/0");
            assertAt(9, 9, d, "/spec/containers/1");
            assertAt(11, 11, d, "/spec/ports/0");
            assertAt(11, 15, d, "/spec/ports/1");
        }

        @Test
        void crlfLineEndingsKeepExactLines() {
            YamlDocument lf = one(POD);
            YamlDocument crlf = one(POD.replace("\n", "\r\n"));
            assertEquals(lf.root(), crlf.root()); // no stray \r in values
            assertEquals(lf.locations(), crlf.locations());
            assertAt(8, 7, crlf, "/spec/containers/0/image");
        }

        @Test
        void lonelyCarriageReturnIsAlsoALineBreak() {
            YamlDocument d = one("a: 1\rb: 2\r");
            assertAt(2, 1, d, "/b");
        }

        @Test
        void keysWithSlashesAndTildesAreEscapedInPointers() {
            YamlDocument d = one("""
                    annotations:
                      nginx.ingress.kubernetes.io/rewrite-target: /
                      ~weird: 1
                    """);
            assertAt(2, 3, d, "/annotations/nginx.ingress.kubernetes.io~1rewrite-target");
            assertAt(3, 3, d, "/annotations/~0weird");
        }

        @Test
        void findFallsBackToTheNearestRecordedAncestor() {
            YamlDocument d = one(POD);
            assertAt(8, 7, d.locations().find("/spec/containers/0/image/not/there"));
        }
    }

    // ---- aliases and merge keys --------------------------------------------------------------------------------

    @Nested
    class Aliases {

        private static final String DEPLOYMENT = """
                metadata:
                  labels: &labels
                    app: web
                    tier: front
                spec:
                  selector:
                    matchLabels: *labels
                  template:
                    metadata:
                      labels: *labels
                """;

        @Test
        void aliasResolvesToTheAnchoredMap() {
            Map<String, Object> root = root(one(DEPLOYMENT));
            Map<String, Object> spec = map(root.get("spec"));
            assertEquals(Map.of("app", "web", "tier", "front"), map(spec.get("selector")).get("matchLabels"));
            assertEquals(Map.of("app", "web", "tier", "front"),
                    map(map(spec.get("template")).get("metadata")).get("labels"));
        }

        @Test
        void everyAliasUseIsItsOwnCopy() {
            Map<String, Object> root = root(one(DEPLOYMENT));
            Object labels = map(root.get("metadata")).get("labels");
            Object matchLabels = map(map(root.get("spec")).get("selector")).get("matchLabels");
            assertNotSame(labels, matchLabels);
        }

        @Test
        void locationsExistUnderTheAliasedPath() {
            YamlDocument d = one(DEPLOYMENT);
            // The alias's own entry is located at its key; what is under it, where the anchored value is written.
            assertAt(7, 5, d, "/spec/selector/matchLabels");
            assertAt(3, 5, d, "/spec/selector/matchLabels/app");
            assertAt(4, 5, d, "/spec/selector/matchLabels/tier");
            assertAt(10, 7, d, "/spec/template/metadata/labels");
            assertAt(3, 5, d, "/spec/template/metadata/labels/app");
        }

        @Test
        void scalarAndListAliases() {
            YamlDocument d = one("""
                    image: &img nginx:1.27
                    ports: &ports [80, 443]
                    copy:
                      image: *img
                      ports: *ports
                    """);
            assertEquals(Map.of("image", "nginx:1.27", "ports", List.of(80L, 443L)), root(d).get("copy"));
            assertAt(2, 16, d, "/copy/ports/0");
        }

        @Test
        void anchorsDoNotReachIntoLaterDocuments() {
            YamlStream s = load("a: &x {k: v}\n---\nb: *x\n");
            assertEquals(1, s.documents().size());
            Problem p = onlyProblem(s);
            assertEquals(3, p.line());
            assertTrue(p.message().contains("undefined alias"), p.message());
        }

        @Test
        void recursiveAliasIsCutNotFollowed() {
            YamlDocument d = one("a: &a [1, *a]\n");
            assertEquals(java.util.Arrays.asList(1L, null), root(d).get("a"));
        }

        @Test
        void mergeKeyWithExplicitKeysWinning() {
            YamlDocument d = one("""
                    defaults: &defaults
                      host: localhost
                      port: 5432
                    db:
                      <<: *defaults
                      host: db.internal
                    before:
                      host: first
                      <<: *defaults
                    """);
            assertEquals(Map.of("host", "db.internal", "port", 5432L), root(d).get("db"));
            assertEquals(Map.of("host", "first", "port", 5432L), root(d).get("before"));
            assertFalse(map(root(d).get("db")).containsKey("<<"));
            assertAt(6, 3, d, "/db/host"); // the explicit key
            assertAt(3, 3, d, "/db/port"); // merged: where it is written
        }

        @Test
        void mergeKeyListEarlierMapsWin() {
            YamlDocument d = one("""
                    a: &a {x: a1, y: a2}
                    b: &b {y: b2, z: b3}
                    c:
                      <<: [*a, *b]
                      z: own
                    """);
            assertEquals(Map.of("x", "a1", "y", "a2", "z", "own"), root(d).get("c"));
            assertAt(1, 15, d, "/c/y");
            assertAt(5, 3, d, "/c/z");
        }

        @Test
        void mergesChainThroughMergedAnchors() {
            YamlDocument d = one("""
                    base: &base {a: 1}
                    mid: &mid
                      <<: *base
                      b: 2
                    top:
                      <<: *mid
                      c: 3
                    """);
            assertEquals(Map.of("a", 1L, "b", 2L, "c", 3L), root(d).get("top"));
            assertEquals(Map.of("a", 1L, "b", 2L), root(d).get("mid")); // the anchor is not altered by being merged
        }

        @Test
        void quotedMergeKeyIsAnOrdinaryKey() {
            YamlDocument d = one("\"<<\": x\n");
            assertEquals(Map.of("<<", "x"), root(d));
        }

        @Test
        void badMergeValueIsReportedAndIgnored() {
            YamlStream s = load("""
                    a: 1
                    m:
                      <<: 5
                      k: v
                    """);
            assertEquals(Map.of("a", 1L, "m", Map.of("k", "v")), root(s.documents().get(0)));
            Problem p = onlyProblem(s);
            assertEquals(3, p.line());
            assertEquals(7, p.column());
        }

        @Test
        void selfMergeIsReportedAndIgnored() {
            YamlStream s = load("a: &a {x: 1, <<: *a}\n");
            assertEquals(Map.of("a", Map.of("x", 1L)), root(s.documents().get(0)));
            assertEquals(1, onlyProblem(s).line());
        }
    }

    // ---- hostile input -----------------------------------------------------------------------------------------

    @Nested
    class Limits {

        private static String billionLaughs() {
            StringBuilder sb = new StringBuilder(
                    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            for (char c = 'b'; c <= 'i'; c++) {
                char p = (char) (c - 1);
                sb.append(c).append(": &").append(c).append(" [");
                for (int i = 0; i < 9; i++) {
                    sb.append(i == 0 ? "" : ",").append('*').append(p);
                }
                sb.append("]\n");
            }
            return sb.toString();
        }

        @Test
        void billionLaughsIsRejectedQuicklyWithALocatedProblem() {
            YamlStream s = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(billionLaughs()));
            assertEquals(List.of(), s.documents());
            Problem p = onlyProblem(s);
            assertTrue(p.message().contains("alias bomb"), p.message());
            assertTrue(p.line() >= 1 && p.line() <= 9, p.toString());
        }

        @Test
        void tooManyCollectionAliasesIsRejectedAtTheAlias() {
            StringBuilder sb = new StringBuilder("x: &x [1]\ny:\n");
            for (int i = 0; i < 101; i++) {
                sb.append("  - *x\n");
            }
            YamlLoader limited = new YamlLoader(new YamlLoader.Limits(100, 256, 100_000, 1 << 20));
            Problem p = onlyProblem(limited.load(sb.toString(), FILE));
            assertTrue(p.message().contains("aliases"), p.message());
            assertEquals(103, p.line()); // the 101st alias
            assertEquals(5, p.column());
        }

        /** SnakeYAML counts aliases per stream; a long file of documents that each use a few must still load. */
        @Test
        void aliasLimitAppliesPerDocumentNotPerStream() {
            YamlLoader limited = new YamlLoader(new YamlLoader.Limits(10, 256, 100_000, 1 << 20));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                sb.append("labels: &l {app: web}\nselector: {matchLabels: *l}\ntemplate: {labels: *l}\n---\n");
            }
            YamlStream s = limited.load(sb.toString(), FILE);
            assertEquals(List.of(), s.problems());
            assertEquals(200, s.documents().size());
        }

        @Test
        void tenThousandDeepFlowNestingIsAProblemNotAStackOverflow() {
            String deep = "[".repeat(10_000) + "]".repeat(10_000) + "\n";
            Problem p = onlyProblem(load(deep));
            assertEquals(1, p.line());
            assertTrue(p.message().toLowerCase(java.util.Locale.ROOT).contains("nesting depth"), p.message());
        }

        @Test
        void tenThousandDeepBlockNestingIsAProblemNotAStackOverflow() {
            Problem seq = onlyProblem(load("- ".repeat(10_000) + "x\n"));
            assertEquals(1, seq.line());
            StringBuilder maps = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                maps.append("{k: ");
            }
            maps.append("v").append("}".repeat(10_000)).append('\n');
            assertEquals(1, onlyProblem(load(maps.toString())).line());
        }

        @Test
        void nestingThroughAliasesIsLimitedToo() {
            YamlLoader small = new YamlLoader(new YamlLoader.Limits(100, 6, 100_000, 1 << 20));
            YamlStream s = small.load("""
                    a: &a [[[x]]]
                    b: &b [[[*a]]]
                    c: [[[*b]]]
                    """, FILE);
            Problem p = onlyProblem(s);
            assertTrue(p.message().contains("once aliases are expanded"), p.message());
        }

        @Test
        void wideMergesAreChargedToTheBudget() {
            StringBuilder sb = new StringBuilder("base: &base\n");
            for (int i = 0; i < 2_000; i++) {
                sb.append("  k").append(i).append(": v\n");
            }
            for (int i = 0; i < 60; i++) {
                sb.append("m").append(i).append(": {<<: *base}\n");
            }
            Problem p = onlyProblem(load(sb.toString()));
            assertTrue(p.message().contains("alias bomb"), p.message());
        }

        @Test
        void modestAliasUseIsWellWithinTheBudget() {
            StringBuilder sb = new StringBuilder("labels: &l {app: web, tier: front}\nitems:\n");
            for (int i = 0; i < 90; i++) {
                sb.append("  - {name: n").append(i).append(", labels: *l}\n");
            }
            YamlDocument d = one(sb.toString());
            assertEquals(90, list(root(d).get("items")).size());
        }
    }

    // ---- syntax errors and odd characters ----------------------------------------------------------------------

    @Nested
    class Errors {

        @Test
        void syntaxErrorIsAProblemOnTheRightLine() {
            Problem p = onlyProblem(load("""
                    a: 1
                    b: 2
                    c: d: e
                    f: 4
                    """));
            assertEquals(3, p.line());
            assertEquals(5, p.column());
            assertTrue(p.message().startsWith("invalid YAML: "), p.message());
        }

        @Test
        void unclosedFlowSequenceIsReportedWhereTheParserNoticed() {
            Problem p = onlyProblem(load("a: [1, 2\nb: 3\n"));
            assertEquals(2, p.line());
        }

        @Test
        void badIndentationIsReported() {
            Problem p = onlyProblem(load("""
                    spec:
                      a: 1
                     b: 2
                    """));
            assertEquals(3, p.line());
        }

        @Test
        void tabIndentationIsAProblemOnItsLine() {
            Problem p = onlyProblem(load("a: 1\nb:\n\tc: 2\n"));
            assertEquals(3, p.line());
            assertEquals(1, p.column());
            assertTrue(p.message().contains("TAB"), p.message());
        }

        @Test
        void tabsBetweenTokensAreBlanksAsInYaml12() {
            // As argocd-example-apps' guestbook-ui-svc.yaml writes it (kubectl reads it): a tab at the end of lines,
            // after a key, between a key and its value and before a comment. A quoted tab is still the value's.
            YamlDocument d = one("apiVersion: v1\t\nkind: Service\t\nmetadata:\t\n  name:\tguestbook-ui\t# the UI\n"
                    + "spec:\t\n  ports:\t\t\n  - port: 80\t\n    targetPort: \"8\t0\"\t\n");
            assertEquals(Map.of("name", "guestbook-ui"), root(d).get("metadata"));
            assertEquals(List.of(Map.of("port", 80L, "targetPort", "8\t0")), map(root(d).get("spec")).get("ports"));
            assertAt(3, 1, d, "/metadata");
            assertAt(4, 3, d, "/metadata/name");
            assertAt(6, 3, d, "/spec/ports");
            assertAt(8, 5, d, "/spec/ports/0/targetPort");
        }

        @Test
        void aTabAfterABlockScalarHeaderOrADocumentMarkerIsABlank() {
            YamlStream s = load("a: |\t\n  line\t\n---\t\nb: >-\t# folded\n  x\n");
            assertEquals(List.of(), s.problems());
            assertEquals(Map.of("a", "line\t\n"), root(s.documents().get(0)));
            assertEquals(Map.of("b", "x"), root(s.documents().get(1)));
            assertAt(4, 1, s.documents().get(1), "/b");
        }

        @Test
        void aTabThatWouldIndentAfterAnIndicatorStaysAProblem() {
            // After a sequence's dash the tab would set the indentation of the mapping that follows: YAML forbids it
            Problem p = onlyProblem(load("items:\n-\tkind: Service\n  apiVersion: v1\n"));
            assertEquals(2, p.line());
            assertEquals(2, p.column());
            assertTrue(p.message().contains("TAB"), p.message());
        }

        @Test
        void manySeparatingTabsAreAllRead() {
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                yaml.append("k").append(i).append(":\tv").append(i).append("\t\n");
            }
            Map<String, Object> read = root(one(yaml.toString()));
            assertEquals(300, read.size());
            assertEquals("v299", read.get("k299"));
        }

        @Test
        void aLargeFileFullOfSeparatingTabsStopsWithAProblemRatherThanReadingItOverAndOver() {
            // Each blanked tab costs a reading of the whole text: 20,000 of them in 300 KB would be quadratic
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                yaml.append("key").append(i).append(":\t\n");
            }
            Problem p = onlyProblem(load(yaml.toString()));
            assertTrue(p.line() > 1 && p.line() < 20_000, p.toString());
            assertTrue(p.message().contains("TAB"), p.message());
        }

        @Test
        void tabsInsideValuesAreKept() {
            assertEquals(Map.of("a", "x\ty", "b", "tab\there"), root(one("a: x\ty\nb: \"tab\\there\"\n")));
        }

        @Test
        void nonPrintableCharacterIsAProblem() {
            Problem p = onlyProblem(load("a: 1\nb: \u0001\n"));
            assertTrue(p.line() >= 1, p.toString());
        }

        @Test
        void undefinedAliasIsAProblemAtTheAlias() {
            Problem p = onlyProblem(load("a: 1\nb: *missing\n"));
            assertEquals(2, p.line());
            assertEquals(4, p.column());
        }

        @Test
        void leadingByteOrderMarkIsIgnored() {
            YamlDocument d = one("\uFEFFa: 1\n");
            assertEquals(Map.of("a", 1L), root(d));
            assertAt(1, 1, d, "/a");
        }

        @Test
        void byteOrderMarkAtTheStartOfALaterDocumentIsIgnored() {
            YamlStream s = load("a: 1\n---\n\uFEFFb: 2\n");
            assertEquals(List.of(), s.problems());
            assertEquals(Map.of("b", 2L), root(s.documents().get(1)));
        }

        @Test
        void customTagsAreReadAsTheirPlainValues() {
            YamlDocument d = one("x: !Ref foo\n!Key k: 2\ny: !custom {a: 1}\n");
            assertEquals(Map.of("x", "foo", "k", 2L, "y", Map.of("a", 1L)), root(d));
        }

        /** Every prefix of a realistic file, and random garbage, must come back as documents or problems. */
        @Test
        void loadNeverThrows() {
            String sample = """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web, labels: &l {app: web}}
                    spec:
                      selector: {matchLabels: *l}
                      template:
                        metadata: {labels: *l}
                        spec:
                          containers:
                            - name: app
                              image: "nginx:1.27"
                              args: ['--port', "8080", |
                                multi]
                              env: [{name: A, value: >-
                                  folded}]
                              <<: {x: 1}
                    ? [complex]
                    : v
                    """;
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i <= sample.length(); i++) {
                inputs.add(sample.substring(0, i));
            }
            Random random = new Random(42);
            String alphabet = "ab:- \n\t[]{},&*!|>'\"#%@`?~<\\\r\uFEFF\u0001\u00e9";
            for (int i = 0; i < 3_000; i++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(60);
                for (int j = 0; j < len; j++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                inputs.add(sb.toString());
            }
            for (String input : inputs) {
                YamlStream s = load(input); // must not throw
                for (Problem p : s.problems()) {
                    assertEquals(FILE, p.file());
                }
            }
        }
    }

    // ---- keys and scalar typing --------------------------------------------------------------------------------

    @Nested
    class KeysAndScalars {

        @Test
        void duplicateKeysLastOneWins() {
            YamlDocument d = one("a: 1\nb: 0\na: 2\n");
            assertEquals(Map.of("a", 2L, "b", 0L), root(d));
            assertAt(3, 1, d, "/a");
        }

        @Test
        void nonStringKeysBecomeTheirTextAsWritten() {
            YamlDocument d = one("80: http\n443: https\ntrue: t\n1.5: f\n~: n\n");
            assertEquals(List.of("80", "443", "true", "1.5", "~"), List.copyOf(root(d).keySet()));
            assertAt(2, 1, d, "/443");
        }

        @Test
        void intKeyAndQuotedKeyAreTheSameKey() {
            assertEquals(Map.of("80", "second"), root(one("80: first\n\"80\": second\n")));
        }

        @Test
        void complexKeysAreSkippedAndReported() {
            YamlStream s = load("""
                    ? [a, b]
                    : v
                    {x: 1}: w
                    k: 1
                    """);
            assertEquals(Map.of("k", 1L), root(s.documents().get(0)));
            assertEquals(2, s.problems().size());
            assertEquals(1, s.problems().get(0).line());
            assertEquals(3, s.problems().get(1).line());
        }

        @Test
        void yaml11Booleans() {
            Map<String, Object> r = root(one("""
                    a: yes
                    b: No
                    c: on
                    d: OFF
                    e: true
                    f: False
                    g: "yes"
                    h: y
                    """));
            assertEquals(Boolean.TRUE, r.get("a"));
            assertEquals(Boolean.FALSE, r.get("b"));
            assertEquals(Boolean.TRUE, r.get("c"));
            assertEquals(Boolean.FALSE, r.get("d"));
            assertEquals(Boolean.TRUE, r.get("e"));
            assertEquals(Boolean.FALSE, r.get("f"));
            assertEquals("yes", r.get("g"));
            assertEquals("y", r.get("h")); // SnakeYAML does not resolve y/n as booleans
        }

        @Test
        void integers() {
            Map<String, Object> r = root(one("""
                    dec: 42
                    neg: -7
                    under: 1_000
                    hex: 0x1F
                    octal: 0644
                    bin: 0b101
                    big: 99999999999999999999
                    sexagesimal: 1:30
                    quoted: "42"
                    o: 0o17
                    """));
            assertEquals(42L, r.get("dec"));
            assertEquals(-7L, r.get("neg"));
            assertEquals(1000L, r.get("under"));
            assertEquals(31L, r.get("hex"));
            assertEquals(420L, r.get("octal")); // YAML 1.1, as Kubernetes reads defaultMode: 0644
            assertEquals(5L, r.get("bin"));
            assertEquals(1.0e20, r.get("big"));
            assertEquals("1:30", r.get("sexagesimal"));
            assertEquals("42", r.get("quoted"));
            assertEquals("0o17", r.get("o"));
        }

        @Test
        void floats() {
            Map<String, Object> r = root(one("""
                    a: 1.5
                    b: -0.25
                    c: 1e3
                    d: .inf
                    e: -.Inf
                    f: .nan
                    """));
            assertEquals(1.5, r.get("a"));
            assertEquals(-0.25, r.get("b"));
            assertEquals(1000.0, r.get("c"));
            assertEquals(Double.POSITIVE_INFINITY, r.get("d"));
            assertEquals(Double.NEGATIVE_INFINITY, r.get("e"));
            assertTrue(((Double) r.get("f")).isNaN());
        }

        @Test
        void nullsAndStrings() {
            Map<String, Object> r = root(one("""
                    a: ~
                    b: null
                    c:
                    d: ""
                    e: 2024-01-01
                    f: !!str 5
                    g: |
                      line one
                      line two
                    """));
            assertTrue(r.containsKey("a") && r.containsKey("c"));
            assertNull(r.get("a"));
            assertNull(r.get("b"));
            assertNull(r.get("c"));
            assertEquals("", r.get("d"));
            assertEquals("2024-01-01", r.get("e"));
            assertEquals("5", r.get("f"));
            assertEquals("line one\nline two\n", r.get("g"));
        }
    }
}
