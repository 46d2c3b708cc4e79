package dev.tollgate.parse.yaml;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tollgate.testing.Choices;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast composer against SnakeYAML on generated texts in and near the subset it reads: it may decline whatever it
 * likes, but when it answers, its node trees must be SnakeYAML's, field by field ({@link NodeTreeDiff}), and it must
 * never answer where SnakeYAML fails.
 *
 * <p>Texts are built from a stream of random choices (0 meaning "the simplest", as in ClosureProperties, so that
 * shrinking the stream shrinks the text): documents and separators, mappings and sequences at varied indentation
 * (indentless sequences too), keys and scalars that look like ints, floats, booleans, nulls, timestamps and merge keys,
 * quotes and escapes, {@code :} and {@code #} inside values, anchors and aliases, flow collections, block scalars with
 * every chomping and tricky content lines, comments, blank lines and trailing spaces; then, for a share of them,
 * character-level mutations (insertions and deletions of indicators, blanks and tabs, removed or re-indented lines)
 * that usually break the text in ways the fast path must notice.
 */
class FastComposerProperties {

    private final YamlLoader loader = new YamlLoader();

    /** Keys the fast path reads, typed every way the resolver types them. */
    private static final List<String> KEYS = List.of("a", "name", "image", "on", "yes", "No", "1", "0x1F", "~",
            "null", "<<", "a b", "a:b", "-x", "?x", "\"q\"", "'s'", "'it''s'", "\"a: b\"", "\"a #b\"", "é",
            "k8s.io/x", "2001-12-14", "1.5", "true", "x_y", "\"\"", "''", "a  b", "a#b", "=", "\"a\\\"b\"", "key ");
    /** Keys at or past the edge. */
    private static final List<String> ODD_KEYS = List.of("[a]", "&k a", "*k", "!t a", "- a", "? a", "%x", "@x",
            "a\tb", "{a: 1}", "\"a", "a #b", "|", "a:  :");
    /** Scalars (and flow collections) the fast path reads. */
    private static final List<String> SCALARS = List.of("x", "1", "-1", "+1", "0", "07", "0x1F", "0o17", "0b101",
            "1_000", "1:30", "1.5", ".5", "1e3", "6.8e+5", ".inf", "-.Inf", ".NaN", "true", "True", "FALSE", "yes",
            "No", "on", "OFF", "y", "n", "null", "Null", "~", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5", "a b", "a  b", "a #b", "a#b", "a:b", "http://x:80/y", "${A:-b}", "--",
            "a,b", "[a]", "[a, b]", "[ a ,b ]", "[]", "{}", "{a: 1}", "{a: 1, b: [c, d]}", "[\"x\", 'y']",
            "[a b, c]", "[-1, -x]", "{a: {b: c}}", "[[a], [b, c]]", "'x'", "\"x\"", "''", "\"\"", "'a''b'",
            "\"a\\nb\"", "\"a\\tb\"", "\"a\\\\b\"", "\"a\\\"b\"", "\"a\\ b\"", "\"a\\_b\"", "\"a\\N\"",
            "\"a #b\"", "'a: b'", "*a", "*b", "&a x", "&b [1, 2]", "&a {k: v}", "&b 'q'", "é", "Ω x", "x,y", "?x",
            "=", "<<", "a ", "x # c", "*a #c", "{\"a\": 1}", "{'a': b}", "[a'b]", "[a\"b]", "a\u00a0b");
    /** Scalars at or past the edge: most of them SnakeYAML rejects, or reads by rules the fast path leaves to it. */
    private static final List<String> ODD_SCALARS = List.of("a: b", "a:", "- a", "-", "[a, ]", "{a:1}", "[a: b]",
            "[a #c]", "[a,b]", "[a, [b", "'a'b'", "\"a\\x41\"", "\"a\\u00e9\"", "\"a\\/b\"", "\"a\\q\"", "\"a",
            "'a", "*undefined", "&a", "!tag x", "!!str 1", "%x", "@x", "`x", "a\tb", ",x", ":x", "? x", ": x", "|",
            ">", "a  ", "x #", "#x", "\"a\" b", "'a' #c", "\"a\"#c", "*a b", "&a *b", "a]", "a}", "{a: 1",
            "[a, b] c", "[a, b] #c", "{a: b, c}", "{a: , b: c}", "[?a]", "[a?b]", "\u00a0", "\u2028", "\uFEFFx",
            "\u0085", "*a: b", "[*a]", "{a: *b}");
    private static final List<String> BLOCK_HEADERS = List.of("|", "|-", "|+", ">", ">-", ">+", "|2", "|-1",
            "| # c", ">  ", "|x", "|#c", "|+ #c", "&a |", "&a >-");
    private static final List<String> BLOCK_LINES = List.of("text", "more text", "  indented", "    deeper", "",
            " ", "   ", "# not a comment", "a: b", "- x", "---", "...", "x \"y\" 'z'", "trailing  ", "é");
    private static final List<String> COMMENTS = List.of("# c", "#", "#c: d", "# - x", "#---");
    private static final String MUTATION_CHARS = " \n:-#'\"\t&*[]{}|>,?!%a0.\\";

    /** Builds one YAML text from choices. */
    static final class Texts {
        private final Choices c;
        private final StringBuilder out = new StringBuilder();

        Texts(Choices c) {
            this.c = c;
        }

        String text() {
            int docs = 1 + c.next(3);
            if (c.chance(15)) {
                out.append(c.pick(COMMENTS)).append('\n');
            }
            for (int d = 0; d < docs; d++) {
                if (d > 0 || c.chance(30)) {
                    out.append(c.pick(List.of("---", "---", "--- # c", "---  ", "--- x"))).append('\n');
                }
                if (c.chance(90)) {
                    if (c.chance(75)) {
                        mapping(c.chance(90) ? 0 : 1 + c.next(3), 0);
                    } else {
                        sequence(0, 0);
                    }
                }
                if (c.chance(10)) {
                    out.append("...").append(c.chance(50) ? "\n" : " # end\n");
                }
            }
            String text = out.toString();
            if (c.chance(10) && !text.isEmpty()) {
                text = text.substring(0, text.length() - 1); // no final line break
            }
            return c.chance(30) ? mutate(text) : text;
        }

        private void mapping(int indent, int depth) {
            int entries = 1 + c.next(4);
            for (int i = 0; i < entries; i++) {
                if (i > 0) {
                    lineStart(indent);
                }
                entry(indent, depth);
            }
        }

        /** The start of a line at {@code indent}, perhaps after blank and comment lines. */
        private void lineStart(int indent) {
            if (c.chance(10)) {
                out.append(c.chance(50) ? "" : " ".repeat(c.next(6))).append('\n');
            }
            if (c.chance(10)) {
                out.append(" ".repeat(c.next(8))).append(c.pick(COMMENTS)).append('\n');
            }
            out.append(" ".repeat(indent));
        }

        private void entry(int indent, int depth) {
            out.append(c.chance(92) ? c.pick(KEYS) : c.pick(ODD_KEYS))
                    .append(c.pick(List.of(":", ":", ":", "  :", ":")));
            value(indent, depth, true);
        }

        /** What follows a key's ':' or a '- ', then the line break. */
        private void value(int indent, int depth, boolean afterKey) {
            int kind = depth >= 4 || !afterKey && c.chance(70) ? 0 : c.next(10); // '-' then a new line is rare
            if (kind <= 4) {
                out.append(c.pick(List.of(" ", " ", "  ")))
                        .append(c.chance(88) ? c.pick(SCALARS) : c.pick(ODD_SCALARS));
                endLine();
            } else if (kind == 5) {
                out.append(" ").append(c.pick(BLOCK_HEADERS)).append('\n');
                int at = indent + 1 + c.next(3);
                int lines = c.next(5);
                for (int i = 0; i < lines; i++) {
                    String line = c.pick(BLOCK_LINES);
                    out.append(line.isEmpty() ? "" : " ".repeat(at)).append(line).append('\n');
                }
            } else if (afterKey && kind == 6) {
                endLine(); // empty value
            } else {
                String anchor = c.chance(20) ? " " + c.pick(List.of("&a", "&b", "&a #c")) : "";
                out.append(anchor);
                endLine();
                boolean seq = c.chance(40);
                int child = seq && afterKey && c.chance(50) ? indent : indent + 1 + c.next(4);
                lineStart(child);
                if (seq) {
                    sequence(child, depth + 1);
                } else {
                    mapping(child, depth + 1);
                }
                return;
            }
        }

        private void sequence(int indent, int depth) {
            int items = 1 + c.next(4);
            for (int i = 0; i < items; i++) {
                if (i > 0) {
                    lineStart(indent);
                }
                out.append(c.pick(List.of("-", "-", "-", "- ", "-  ")));
                if (c.chance(40) && depth < 4) {
                    // a mapping that starts on the '- ' line
                    int col = indent + 1 + c.next(3);
                    out.append(" ".repeat(col - indent - 1));
                    entry(col, depth + 1);
                    int more = c.next(3);
                    for (int k = 0; k < more; k++) {
                        lineStart(col);
                        entry(col, depth + 1);
                    }
                } else {
                    value(indent, depth + 1, false);
                }
            }
        }

        private void endLine() {
            if (c.chance(10)) {
                out.append(c.pick(List.of(" # c", "  #c", " ", "  ", "#c")));
            }
            out.append('\n');
        }

        private String mutate(String text) {
            StringBuilder sb = new StringBuilder(text);
            int n = 1 + c.next(3);
            for (int i = 0; i < n && sb.length() > 0; i++) {
                int at = c.next(sb.length());
                switch (c.next(4)) {
                    case 0 -> sb.insert(at, MUTATION_CHARS.charAt(c.next(MUTATION_CHARS.length())));
                    case 1 -> sb.deleteCharAt(at);
                    case 2 -> { // re-indent a line
                        int start = sb.lastIndexOf("\n", at) + 1;
                        sb.insert(start, " ".repeat(1 + c.next(3)));
                    }
                    default -> { // drop a line
                        int start = sb.lastIndexOf("\n", at) + 1;
                        int end = sb.indexOf("\n", at);
                        sb.delete(start, end < 0 ? sb.length() : end + 1);
                    }
                }
            }
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.integers().between(0, 9999).list().ofMaxSize(400)
                .map(choices -> new Texts(new Choices(new ArrayList<>(choices))).text());
    }

    @Property(tries = 20000)
    void fastComposerGivesSnakeYamlsTrees_orDeclines(@ForAll("texts") String text) {
        // Over all tries the fast path must answer for a fair share (about a quarter), or this would test only its
        // declining; one odd element anywhere in a text declines the whole text.
        Statistics.label("fast path").coverage(check -> check.check("answered").percentage(p -> p >= 20));
        FastComposerCheck check = FastComposerCheck.of(loader, text);
        Statistics.label("fast path").collect(check.taken() ? "answered" : "declined");
        Statistics.label("why").collect(check.taken() ? "-" : check.declined());
        assertNull(check.mismatch(), () -> "fast path differs from SnakeYAML on:\n" + text);
    }
}
