package dev.tollgate.parse.dotenv;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.dotenv.DotenvEntry.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the assignments of one env file, line by line. Not thread-safe: one instance per file.
 *
 * <p>The grammar follows what docker compose and python-dotenv agree on. A line that cannot be read becomes a
 * {@link Problem} and reading goes on with the next line, so one typo does not hide the rest of the file from the
 * policies. Problem messages name at most the key, never a value nor the raw line, which may be a pasted secret.
 */
final class DotenvReader {

    private static final String EXPORT = "export";

    private final String file;
    private final List<String> lines;
    private final List<DotenvEntry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    DotenvReader(String text, String file) {
        this.file = file;
        this.lines = splitLines(text);
    }

    DotenvFile read() {
        int next = 0;
        while (next < lines.size()) {
            next = readStatement(next);
        }
        return new DotenvFile(file, entries, problems);
    }

    /** Reads the statement that starts on line index {@code index}; returns the index of the line after it. */
    private int readStatement(int index) {
        String line = lines.get(index);
        int pos = skipBlanks(line, 0);
        if (pos == line.length() || line.charAt(pos) == '#') {
            return index + 1;
        }
        pos = skipExport(line, pos);
        int keyStart = pos;
        while (pos < line.length() && isKeyChar(line.charAt(pos))) {
            pos++;
        }
        if (pos == keyStart) {
            return invalidLine(index, keyStart);
        }
        String key = line.substring(keyStart, pos);
        SourceLocation keyLocation = at(index, keyStart);
        int keyEnd = pos;
        pos = skipBlanks(line, pos);
        boolean commentAfterBlank = pos < line.length() && line.charAt(pos) == '#' && pos > keyEnd;
        if (pos == line.length() || commentAfterBlank) {
            // KEY alone: compose passes the caller's variable of that name through; its value is unknown here.
            entries.add(new DotenvEntry(key, null, keyLocation, keyLocation, Quote.NONE));
            return index + 1;
        }
        if (line.charAt(pos) != '=') {
            return invalidLine(index, keyStart);
        }
        pos = skipBlanks(line, pos + 1);
        SourceLocation valueLocation = at(index, pos);
        Quote quote = pos < line.length() ? quoteOf(line.charAt(pos)) : Quote.NONE;
        if (quote == Quote.NONE) {
            String value = unquoted(line.substring(pos));
            entries.add(new DotenvEntry(key, value, keyLocation, valueLocation, Quote.NONE));
            return index + 1;
        }
        return readQuoted(index, pos, key, keyLocation, valueLocation, quote);
    }

    /**
     * Reads a quoted value that opens at {@code openAt} on line {@code index} and may run over several lines; line
     * breaks inside it become {@code \n} whatever the file uses.
     */
    private int readQuoted(int index, int openAt, String key, SourceLocation keyLocation,
            SourceLocation valueLocation, Quote quote) {
        char close = lines.get(index).charAt(openAt);
        StringBuilder value = new StringBuilder();
        int li = index;
        String cur = lines.get(li);
        int p = openAt + 1;
        while (true) {
            if (p >= cur.length()) {
                if (li + 1 >= lines.size()) {
                    problems.add(new Problem(file, index + 1, openAt + 1, Problem.Kind.PARSE_ERROR,
                            "unterminated quoted value for " + key));
                    // Resume right after the key's line: the lines swallowed by the open quote are likely fine.
                    return index + 1;
                }
                value.append('\n');
                cur = lines.get(++li);
                p = 0;
                continue;
            }
            char c = cur.charAt(p);
            if (c == close) {
                break;
            }
            if (quote == Quote.DOUBLE && c == '\\' && p + 1 < cur.length()) {
                value.append(unescape(cur.charAt(p + 1)));
                p += 2;
                continue;
            }
            value.append(c);
            p++;
        }
        int after = skipBlanks(cur, p + 1);
        if (after < cur.length() && cur.charAt(after) != '#') {
            problems.add(new Problem(file, li + 1, after + 1, Problem.Kind.PARSE_ERROR,
                    "unexpected text after the quoted value of " + key));
            return li + 1;
        }
        entries.add(new DotenvEntry(key, value.toString(), keyLocation, valueLocation, quote));
        return li + 1;
    }

    private int invalidLine(int index, int column) {
        problems.add(new Problem(file, index + 1, column + 1, Problem.Kind.PARSE_ERROR,
                "invalid line: expected KEY=VALUE"));
        return index + 1;
    }

    private SourceLocation at(int index, int pos) {
        return new SourceLocation(file, index + 1, pos + 1);
    }

    /** The escapes of a double-quoted value; any other backslash pair is kept as written. */
    private static String unescape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case '"', '\\', '$' -> String.valueOf(c);
            default -> "\\" + c;
        };
    }

    /** An unquoted value runs to the end of the line; a {@code #} after a blank starts a comment. */
    private static String unquoted(String rest) {
        int end = rest.length();
        for (int i = 1; i < rest.length(); i++) {
            if (rest.charAt(i) == '#' && isBlank(rest.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        while (end > 0 && isBlank(rest.charAt(end - 1))) {
            end--;
        }
        return rest.substring(0, end);
    }

    /** Skips {@code export } before a key; a key that is itself named {@code export} stays one. */
    private static int skipExport(String line, int pos) {
        int after = pos + EXPORT.length();
        if (!line.startsWith(EXPORT, pos) || after >= line.length() || !isBlank(line.charAt(after))) {
            return pos;
        }
        int keyStart = skipBlanks(line, after);
        return keyStart < line.length() && isKeyChar(line.charAt(keyStart)) ? keyStart : pos;
    }

    private static Quote quoteOf(char c) {
        return switch (c) {
            case '\'' -> Quote.SINGLE;
            case '"' -> Quote.DOUBLE;
            case '`' -> Quote.BACKTICK;
            default -> Quote.NONE;
        };
    }

    /** The characters compose accepts in a variable name. */
    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(String s, int pos) {
        while (pos < s.length() && isBlank(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** Splits at {@code \r\n}, {@code \n} or a lone {@code \r}, as editors and the YAML loader count lines. */
    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
