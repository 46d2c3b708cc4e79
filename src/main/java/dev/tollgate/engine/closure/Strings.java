package dev.tollgate.engine.closure;

import com.google.common.base.CharMatcher;
import java.util.ArrayList;
import java.util.List;

/** The strings extension's functions, where their answer is certain to be cel-java 0.14's. */
final class Strings {

    private static final CharMatcher WHITESPACE = CharMatcher.whitespace();

    private Strings() {
    }

    static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String lowerAscii(String s) {
        return shiftAscii(s, 'A', 'Z', 'a' - 'A');
    }

    static String upperAscii(String s) {
        return shiftAscii(s, 'a', 'z', 'A' - 'a');
    }

    /** {@code s} with each character from {@code first} to {@code last} moved by {@code shift}; others as they are. */
    private static String shiftAscii(String s, char first, char last, int shift) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= first && c <= last) {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= first && out[j] <= last) {
                        out[j] = (char) (out[j] + shift);
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    /**
     * Trims white space as Guava's {@code CharMatcher.whitespace()} defines it: measured, cel-java 0.14's {@code trim}
     * gives the same answer for every character of the Basic Multilingual Plane on either side of a word
     * ({@code ClosureDifferentialTest.trim…}), no-break spaces included and the separators U+001C-U+001F excluded.
     */
    static String trim(String s) {
        return WHITESPACE.trimFrom(s);
    }

    static String replace(String s, String from, String to) {
        if (from.isEmpty()) {
            throw Semantics.bail("replace of the empty string");
        }
        return s.replace(from, to);
    }

    /** Measured on cel-java 0.14: empty parts are kept, the last one too, and {@code ''.split(',')} is {@code ['']}. */
    static List<String> split(String s, String separator) {
        if (separator.isEmpty()) {
            throw Semantics.bail("split on the empty string");
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(separator, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
        out.add(s.substring(from));
        return out;
    }

    static String substring(String s, Object start, Object end) {
        if (hasSurrogates(s) || !(start instanceof Long from) || (end != null && !(end instanceof Long))) {
            throw Semantics.bail("substring counts code points");
        }
        long to = end == null ? s.length() : (Long) end;
        if (from < 0 || to < from || to > s.length()) {
            throw Semantics.bail("substring out of range");
        }
        return s.substring(from.intValue(), (int) to);
    }
}
