package dev.tollgate.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell would for simple commands: whitespace separates words,
 * single quotes are literal, double quotes allow backslash escapes, a backslash outside quotes escapes one
 * character. Variable expansion and globbing are not performed: {@code $VAR} stays as written.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    /** A command given as a string or a list (compose, Kubernetes), as words. A {@code sh -c SCRIPT} is unwrapped. */
    static List<String> words(Object command) {
        List<String> words = new ArrayList<>();
        if (command instanceof String s) {
            words.addAll(split(s));
        } else if (command instanceof List<?> list) {
            list.forEach(x -> words.add(String.valueOf(x)));
        }
        // `sh -c "redis-server --appendonly yes"`: the real command is the script.
        if (words.size() >= 3 && (words.get(0).endsWith("sh")) && words.get(1).equals("-c")) {
            return split(words.get(2));
        }
        return words;
    }
}
