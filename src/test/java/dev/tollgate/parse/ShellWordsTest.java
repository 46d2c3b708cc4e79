package dev.tollgate.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    private static List<String> words(String s) {
        ShellWords.Split split = ShellWords.split(s);
        assertFalse(split.unterminatedQuote(), s);
        return split.words();
    }

    @Test
    void emptyDoubleQuotesAreAnEmptyWord() {
        assertEquals(List.of("redis-server", "--save", "", "--appendonly", "no"),
                words("redis-server --save \"\" --appendonly no"));
    }

    @Test
    void quotesGroupAndJoinWords() {
        assertEquals(List.of("sh", "-c", "echo \"$HOME\" && exit 1"), words("sh -c 'echo \"$HOME\" && exit 1'"));
        assertEquals(List.of("--opt=a b", "x'y"), words("--opt=\"a b\" \"x'y\""));
        assertEquals(List.of("ab"), words("a''b"));
    }

    @Test
    void backslashesEscapeOutsideQuotesAndOnlySomeCharactersInDoubleQuotes() {
        assertEquals(List.of("a b", "c\"d", "e\\f", "g\\h", "$X"), words("a\\ b \"c\\\"d\" 'e\\f' \"g\\h\" \\$X"));
    }

    @Test
    void blanksAndEmptyInput() {
        assertEquals(List.of(), words(""));
        assertEquals(List.of(), words("  \t "));
        assertEquals(List.of("a", "b"), words("  a \t b  "));
    }

    @Test
    void unterminatedQuoteIsFlaggedWithBestEffortWords() {
        ShellWords.Split split = ShellWords.split("echo 'oops here");
        assertTrue(split.unterminatedQuote());
        assertEquals(List.of("echo", "oops here"), split.words());
    }
}
