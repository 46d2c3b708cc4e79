package dev.tollgate.parse.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compose's variable interpolation, for what a compose file deploys when nothing outside it sets a variable: a
 * reference with a default ({@code ${PG_TAG:-11}}, {@code ${DEBUG-True}}) is read as its default, so that
 * {@code image: postgres:${PG_TAG:-11}} is judged as PostgreSQL 11 rather than passed unread.
 *
 * <p>Only what the repository settles is resolved; a string with any other part is kept as written, and policies
 * leave a {@code ${...}} alone as before:
 * <ul>
 *   <li>a variable the project's {@code .env} (beside the compose file) sets: compose takes it from there, and that
 *       file is judged on its own;</li>
 *   <li>a reference without a default ({@code ${VAR}}, {@code $VAR}), or one that insists on a value
 *       ({@code ${VAR:?message}});</li>
 *   <li>text compose would refuse (an unclosed {@code ${}, a {@code $} before anything but a name, {@code $} or
 *       {@code {}).</li>
 * </ul>
 * {@code $$} is a literal {@code $}; {@code ${VAR:+text}} is empty, the variable being unset; defaults may nest.
 * The shell's environment at deploy time is not known to a scan: that is the one assumption, and the reason for
 * reading defaults as "what the file gives", not as what a given deployment runs.
 */
final class Interpolation {

    /** Defaults nested deeper than this are left as written; compose files nest one or two. */
    private static final int MAX_DEPTH = 8;

    /** Nothing is resolved: the project's {@code .env} exists but could not be read, so any variable may be set. */
    static final Interpolation NONE = new Interpolation(null);

    /** Variables the project's {@code .env} sets; null when that file could not be read. */
    private final Set<String> setInEnvFile;

    /** @param setInEnvFile the variables the project's {@code .env} sets (empty when there is none) */
    Interpolation(Set<String> setInEnvFile) {
        this.setInEnvFile = setInEnvFile == null ? null : Set.copyOf(setInEnvFile);
    }

    /**
     * {@code value} with every string resolved where it can be: new maps and lists where something changed, the
     * loader's own (shared by anchors) never modified, and the same objects where nothing did.
     */
    Object apply(Object value) {
        if (value instanceof String s) {
            String resolved = resolve(s);
            return resolved == null ? s : resolved;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = apply(e.getValue());
                if (v != e.getValue() && out == null) {
                    out = new LinkedHashMap<>(map);
                }
                if (out != null) {
                    out.put(e.getKey(), v);
                }
            }
            return out == null ? map : out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object v = apply(list.get(i));
                if (v != list.get(i) && out == null) {
                    out = new ArrayList<>(list);
                }
                if (out != null) {
                    out.set(i, v);
                }
            }
            return out == null ? list : out;
        }
        return value;
    }

    /** The text compose would give with no variable set outside the repository, or null when that is not settled. */
    String resolve(String text) {
        return text.indexOf('$') < 0 ? text : resolve(text, 0);
    }

    private String resolve(String text, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                String part = end < 0 ? null : braced(text.substring(i + 2, end), depth);
                if (part == null) {
                    return null;
                }
                out.append(part);
                i = end + 1;
            } else {
                return null; // $VAR has no default; a $ before anything else is an error to compose
            }
        }
        return out.toString();
    }

    /** The index of the brace that closes a {@code ${} whose body starts at {@code from}, nested ones skipped. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** What {@code ${body}} gives: NAME, then nothing, or one of {@code :- - :? ? :+ +} and a word. */
    private String braced(String body, int depth) {
        int n = 0;
        while (n < body.length() && (Character.isLetter(body.charAt(n)) && body.charAt(n) < 128
                || body.charAt(n) == '_' || n > 0 && body.charAt(n) >= '0' && body.charAt(n) <= '9')) {
            n++;
        }
        if (n == 0 || setInEnvFile == null || setInEnvFile.contains(body.substring(0, n))) {
            return null;
        }
        String rest = body.substring(n);
        String operator = rest.startsWith(":") ? rest.substring(0, Math.min(2, rest.length()))
                : rest.isEmpty() ? "" : rest.substring(0, 1);
        String word = rest.substring(operator.length());
        return switch (operator) {
            case ":-", "-" -> resolve(word, depth + 1);
            case ":+", "+" -> resolve(word, depth + 1) == null ? null : "";
            default -> null; // no default, a required variable, or not a form compose reads
        };
    }
}
