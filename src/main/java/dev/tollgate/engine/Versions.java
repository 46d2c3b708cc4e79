package dev.tollgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version numbers as they appear in image tags and engine versions: {@code 11}, {@code 9.6.24-alpine}, {@code v1.2}.
 */
final class Versions {

    private static final Pattern LEADING = Pattern.compile("^[vV]?(\\d+(?:\\.\\d+)*)");

    private Versions() {
    }

    /** The leading major number ({@code 11} for {@code 11.2-alpine}), or -1 when the text does not start with one. */
    static long major(String text) {
        List<Long> parts = parts(text);
        return parts.isEmpty() ? -1 : parts.get(0);
    }

    /** -1, 0 or 1 comparing the numeric prefixes part by part; missing parts count as 0. */
    static long compare(String a, String b) {
        List<Long> x = parts(a);
        List<Long> y = parts(b);
        if (x.isEmpty() || y.isEmpty()) {
            throw new IllegalArgumentException("not a version: '" + (x.isEmpty() ? a : b) + "'");
        }
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long p = i < x.size() ? x.get(i) : 0;
            long q = i < y.size() ? y.get(i) : 0;
            if (p != q) {
                return p < q ? -1 : 1;
            }
        }
        return 0;
    }

    private static List<Long> parts(String text) {
        Matcher m = LEADING.matcher(text.strip());
        List<Long> out = new ArrayList<>();
        if (!m.find()) {
            return out;
        }
        for (String p : m.group(1).split("\\.")) {
            try {
                out.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                break; // absurdly long digit runs are not versions
            }
        }
        return out;
    }
}
