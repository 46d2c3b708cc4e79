package dev.tollgate.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way a POSIX shell would, which is what compose does with a string
 * {@code command} or {@code entrypoint}: blanks separate words; single quotes are literal; in double quotes a
 * backslash escapes only {@code " \ $ `}; outside quotes a backslash escapes any character; {@code ""} is an empty
 * word. Nothing is expanded: {@code $VAR} stays as written.
 */
public final class ShellWords {

    /**
     * The words, and whether a quote was left open (the words are then a best effort, the open quote running to the
     * end).
     */
    public record Split(List<String> words, boolean unterminatedQuote) {
    }

    private ShellWords() {
    }

    public static Split split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < s.length()) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new Split(List.copyOf(words), quote != 0);
    }

    /**
     * A command given as a string or a list (compose, Kubernetes), as words; a {@code sh -c SCRIPT} is unwrapped, since
     * the real command is the script ({@code sh -c "redis-server --appendonly yes"}). Behind the CEL function
     * {@code shell_words}.
     */
    public static List<String> words(Object command) {
        List<String> words = new ArrayList<>();
        if (command instanceof String s) {
            words.addAll(split(s).words());
        } else if (command instanceof List<?> list) {
            list.forEach(x -> words.add(String.valueOf(x)));
        }
        if (words.size() >= 3 && words.get(0).endsWith("sh") && words.get(1).equals("-c")) {
            return split(words.get(2)).words();
        }
        return words;
    }
}
