package dev.tollgate.parse.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Format;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.dotenv.DotenvEntry.Quote;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotenvParserTest {

    private static final String FILE = "config/app.env";
    private final DotenvParser parser = new DotenvParser();

    private DotenvFile read(String text) {
        return parser.read(text, FILE);
    }

    private static DotenvEntry entry(DotenvFile env, String key) {
        return env.winners().get(key);
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    @Test
    void readsCommentsBlankLinesExportAndSpacesAroundEquals() {
        DotenvFile env = read("""
                # a comment
                   # an indented comment

                export A=1
                B = two words # trailing comment
                  C=x#not-a-comment
                D= # only a comment?
                """);
        assertEquals(List.of(), env.problems());
        assertEquals(List.of("A", "B", "C", "D"), env.entries().stream().map(DotenvEntry::key).toList());
        assertEquals(at(4, 8), entry(env, "A").keyLocation());
        assertEquals(at(4, 10), entry(env, "A").valueLocation());
        assertEquals("1", entry(env, "A").value());
        assertEquals("two words", entry(env, "B").value());
        assertEquals(at(5, 1), entry(env, "B").keyLocation());
        assertEquals(at(5, 5), entry(env, "B").valueLocation());
        assertEquals("x#not-a-comment", entry(env, "C").value());
        assertEquals(at(6, 3), entry(env, "C").keyLocation());
        // As in compose and python-dotenv: a '#' that opens the value is part of it, not a comment.
        assertEquals("# only a comment?", entry(env, "D").value());
    }

    @Test
    void singleAndBacktickQuotesAreLiteral() {
        DotenvFile env = read("""
                S='a \\n $HOME # kept'
                B=`x \\t "y"`
                """);
        assertEquals(List.of(), env.problems());
        assertEquals("a \\n $HOME # kept", entry(env, "S").value());
        assertEquals(Quote.SINGLE, entry(env, "S").quote());
        assertEquals("x \\t \"y\"", entry(env, "B").value());
        assertEquals(Quote.BACKTICK, entry(env, "B").quote());
        assertTrue(entry(env, "B").quoted());
    }

    @Test
    void doubleQuotesProcessEscapes() {
        DotenvFile env = read("D=\"n\\n t\\t q\\\" b\\\\ d\\$HOME other\\q\" # comment\n");
        assertEquals(List.of(), env.problems());
        assertEquals("n\n t\t q\" b\\ d$HOME other\\q", entry(env, "D").value());
        assertEquals(Quote.DOUBLE, entry(env, "D").quote());
        assertEquals(at(1, 3), entry(env, "D").valueLocation());
    }

    @Test
    void referencesAreKeptAsWritten() {
        DotenvFile env = read("""
                A=${HOST}:$PORT
                B="${HOST:-localhost}/$PATH"
                C='${RAW}'
                """);
        assertEquals("${HOST}:$PORT", entry(env, "A").value());
        assertEquals("${HOST:-localhost}/$PATH", entry(env, "B").value());
        assertEquals("${RAW}", entry(env, "C").value());
        assertFalse(entry(env, "A").quoted());
    }

    @Test
    void emptyValueIsEmptyStringAndBareKeyIsNull() {
        DotenvFile env = read("""
                EMPTY=
                QUOTED_EMPTY=""
                BARE
                BARE_WITH_COMMENT # says nothing
                """);
        assertEquals(List.of(), env.problems());
        assertEquals("", entry(env, "EMPTY").value());
        assertEquals(at(1, 7), entry(env, "EMPTY").valueLocation());
        assertEquals("", entry(env, "QUOTED_EMPTY").value());
        assertNull(entry(env, "BARE").value());
        assertEquals(at(3, 1), entry(env, "BARE").valueLocation());
        assertNull(entry(env, "BARE_WITH_COMMENT").value());
        assertTrue(env.variables().containsKey("BARE"));
    }

    @Test
    void multiLineQuotedValueIsReportedAtItsKeyLine() {
        DotenvFile env = read("""
                BEFORE=0
                CERT="-----BEGIN-----
                abc
                -----END-----"
                AFTER=1
                SQ='one
                two'
                """);
        assertEquals(List.of(), env.problems());
        assertEquals("-----BEGIN-----\nabc\n-----END-----", entry(env, "CERT").value());
        assertEquals(at(2, 1), entry(env, "CERT").keyLocation());
        assertEquals(at(2, 6), entry(env, "CERT").valueLocation());
        assertEquals(at(5, 1), entry(env, "AFTER").keyLocation());
        assertEquals("one\ntwo", entry(env, "SQ").value());
        assertEquals(at(6, 1), entry(env, "SQ").keyLocation());
    }

    @Test
    void duplicateKeysLastWinsAndBothLinesAreKnown() {
        DotenvFile env = read("""
                K=first
                OTHER=x
                K=second
                """);
        List<DotenvEntry> ks = env.entries().stream().filter(e -> e.key().equals("K")).toList();
        assertEquals(2, ks.size());
        assertEquals(at(1, 1), ks.get(0).keyLocation());
        assertEquals(at(3, 1), ks.get(1).keyLocation());
        assertEquals("second", env.variables().get("K"));
        assertEquals(at(3, 1), entry(env, "K").keyLocation());
        // Order of first appearance, as a LinkedHashMap keeps it.
        assertEquals(List.of("K", "OTHER"), List.copyOf(env.variables().keySet()));
    }

    @Test
    void crlfLineEndingsKeepLinesExactAndValuesClean() {
        DotenvFile env = read("A=1\r\nB=\"x\r\ny\"\r\n# c\r\nC = 3 \r\nD\r\n");
        assertEquals(List.of(), env.problems());
        assertEquals("1", entry(env, "A").value());
        assertEquals("x\ny", entry(env, "B").value());
        assertEquals("3", entry(env, "C").value());
        assertEquals(at(5, 1), entry(env, "C").keyLocation());
        assertNull(entry(env, "D").value());
        assertEquals(at(6, 1), entry(env, "D").keyLocation());
    }

    @Test
    void badLinesBecomeProblemsAndParsingContinues() {
        DotenvFile env = read("""
                A=1
                not a valid line
                =novalue
                TOKEN='s3cr3t-open
                B=2
                PASSWORD="hunter2" trailing
                KEY#x
                C=3
                """);
        assertEquals(Map.of("A", "1", "B", "2", "C", "3"), env.variables());
        assertEquals(at(5, 1), entry(env, "B").keyLocation());
        assertEquals(at(8, 1), entry(env, "C").keyLocation());
        List<Problem> problems = env.problems();
        assertEquals(List.of(2, 3, 4, 6, 7), problems.stream().map(Problem::line).toList());
        assertTrue(problems.stream().allMatch(p -> p.file().equals(FILE) && p.kind() == Problem.Kind.PARSE_ERROR));
        assertEquals("unterminated quoted value for TOKEN", problems.get(2).message());
        assertEquals(7, problems.get(2).column());
        assertEquals("unexpected text after the quoted value of PASSWORD", problems.get(3).message());
        for (Problem p : problems) {
            assertFalse(p.message().contains("s3cr3t") || p.message().contains("hunter2")
                    || p.message().contains("not a valid") || p.message().contains("novalue"), p.message());
        }
    }

    @Test
    void unterminatedQuoteOnLastLineIsAProblem() {
        DotenvFile env = read("A=\"open");
        assertEquals(List.of(), env.entries());
        assertEquals(List.of(new Problem(FILE, 1, 3, Problem.Kind.PARSE_ERROR, "unterminated quoted value for A")),
                env.problems());
    }

    @Test
    void neverThrowsOnOddInput() {
        for (String text : List.of("", "\n", "\r", "=", "export", "export ", "export A", "'", "\"\\", "A=\"\\",
                "A='", "A=`", "\u0000=\u0000", "é=ü")) {
            DotenvFile env = read(text);
            assertEquals(FILE, env.displayPath());
        }
        assertEquals(Map.of("export", "1"), read("export=1").variables());
        assertEquals(Map.of("é", "ü"), read("é=ü").variables());
        Map<String, String> exportAlone = new LinkedHashMap<>();
        exportAlone.put("export", null);
        assertEquals(exportAlone, read("export").variables());
    }

    @Test
    void parseMakesOneEnvResourcePerFile() {
        SourceFile file = new SourceFile(Path.of("/repo/config/app.env"), FILE, SourceFile.FileType.DOTENV);
        ParseResult result = parser.parse(file, """
                # header
                DB_URL=postgres://db
                DEBUG
                bad line here
                DB_URL=postgres://other
                """);
        assertEquals(1, result.resources().size());
        Resource r = result.resources().get(0);
        assertEquals(Format.DOTENV, r.format());
        assertEquals("env", r.kind());
        assertEquals("app.env", r.name());
        assertEquals(FILE, r.address());
        assertEquals(at(1, 1), r.location());
        assertEquals(Arrays.asList("DB_URL", "DEBUG"), List.copyOf(r.data().keySet()));
        assertEquals("postgres://other", r.data().get("DB_URL"));
        assertNull(r.data().get("DEBUG"));
        assertTrue(r.data().containsKey("DEBUG"));
        assertEquals(at(5, 1), r.locate("/DB_URL"));
        assertEquals(at(3, 1), r.locate("/DEBUG"));
        assertEquals(at(1, 1), r.locate(""));
        assertEquals(List.of(4), result.problems().stream().map(Problem::line).toList());
    }

    @Test
    void keysAreEscapedInPointers() {
        SourceFile file = new SourceFile(Path.of(".env"), ".env", SourceFile.FileType.DOTENV);
        Resource r = parser.parse(file, "A=1\nweird-key.x=2\n").resources().get(0);
        assertEquals(new SourceLocation(".env", 2, 1), r.locate("/weird-key.x"));
        assertEquals(".env", r.name());
    }
}
