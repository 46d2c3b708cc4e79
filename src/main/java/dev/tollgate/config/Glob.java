package dev.tollgate.config;

import com.google.re2j.Pattern;

/**
 * A path glob of the configuration ({@code exclude}, a suppression rule's {@code path} and {@code resource}), with the
 * syntax of {@link java.nio.file.FileSystem#getPathMatcher}'s {@code glob:} ({@code *} within a segment, {@code **}
 * across segments, {@code ?}, {@code [a-z]}, {@code [!a-z]}, {@code {a,b}}, {@code \} escapes) over {@code /}-separated
 * paths, matched by RE2J in time linear in the path.
 *
 * <p>Why not the JDK's matcher: it turns the glob into a backtracking {@code java.util.regex} pattern, and a repeated
 * {@code **}{@code /} ({@code **}{@code /**}{@code /**}{@code /...*b}, committed in a pull request's
 * {@code .tollgate.yml}) against a deep path did not finish in a minute. An invalid glob also escaped as an internal
 * error instead of a configuration error at its line.
 */
public final class Glob {

    private final String glob;
    private final Pattern pattern;

    private Glob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /** The glob compiled; an {@link IllegalArgumentException} saying what is wrong when it is not a valid glob. */
    public static Glob of(String glob) {
        return new Glob(glob, Pattern.compile(regex(glob)));
    }

    /** Whether the whole of {@code path} ({@code /}-separated) matches. */
    public boolean matches(String path) {
        return pattern.matches(path);
    }

    @Override
    public String toString() {
        return glob;
    }

    static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (++i == glob.length()) {
                        throw invalid(glob, "it ends with an unfinished escape \\");
                    }
                    literal(glob.charAt(i), re);
                }
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> i = bracket(glob, i, re);
                case '{' -> {
                    if (inGroup) {
                        throw invalid(glob, "groups {a,b} cannot be nested");
                    }
                    inGroup = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (inGroup) {
                        inGroup = false;
                        re.append(')');
                    } else {
                        literal(c, re);
                    }
                }
                case ',' -> {
                    if (inGroup) {
                        re.append('|');
                    } else {
                        literal(c, re);
                    }
                }
                default -> literal(c, re);
            }
        }
        if (inGroup) {
            throw invalid(glob, "a group { is not closed");
        }
        return re.toString();
    }

    /** A bracket expression from {@code glob[start] == '['}: appended, and the index of its {@code ]} returned. */
    private static int bracket(String glob, int start, StringBuilder re) {
        re.append('[');
        int i = start + 1;
        if (i < glob.length() && glob.charAt(i) == '!') { // as the JDK: [^a] is ^ or a, not a negation
            re.append('^');
            i++;
        }
        boolean first = true;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                re.append(']');
                return i;
            }
            if (c == '/') {
                throw invalid(glob, "a bracket expression [...] cannot hold the separator /");
            }
            if (c == '-' && !first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                re.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append(String.format("\\x{%x}", (int) c));
            }
            first = false;
        }
        throw invalid(glob, "a bracket expression [ is not closed");
    }

    private static void literal(char c, StringBuilder re) {
        if (Character.isLetterOrDigit(c) || c == '/' || c == '_') {
            re.append(c);
        } else {
            re.append(String.format("\\x{%x}", (int) c));
        }
    }

    private static IllegalArgumentException invalid(String glob, String why) {
        return new IllegalArgumentException("'" + glob + "' is not a valid glob: " + why);
    }
}
