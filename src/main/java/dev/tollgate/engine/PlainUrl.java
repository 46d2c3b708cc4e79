package dev.tollgate.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Hosts#url} for the URLs configuration files are full of ({@code https://api.example.com/v1},
 * {@code postgres://app:pw@db:5432/app}), split by hand: {@link java.net.URI} was most of the cost of {@code url()},
 * itself 3% of a large scan's CPU samples, since some policies ask it of every environment value.
 *
 * <p>It answers only where {@code java.net.URI} is sure to parse the text as a server-based URL with the same parts:
 * ASCII only, no {@code %} escape, no IPv6 literal, one {@code @} at most, a host that is a dotted IPv4 address of 1-3
 * digit parts or a host name by URI's grammar (labels of letters, digits and inner dashes; the last of several begins
 * with a letter), a port of at most 9 digits, and a path, query and fragment of the characters URI accepts there.
 * Anything else gives null, and {@code Hosts} asks {@code java.net.URI} as before. {@code PlainUrlTest} compares the
 * two on hand-picked and random texts.
 */
final class PlainUrl {

    private static final String MARK = "-_.!~*'()";
    /** RFC 2396 as java.net.URI reads it: user info, path (pchar, ";", "/") and query or fragment (uric). */
    private static final String USER_INFO = MARK + ";:&=+$,";
    private static final String PATH = MARK + ":@&=+$,;/";
    private static final String URIC = MARK + ";/?:@&=+$,[]";

    private PlainUrl() {
    }

    /** The parts of {@code t} (already stripped, {@code ://} at {@code sep > 0}), or null when not sure. */
    static Map<String, Object> split(String t, int sep) {
        if (!isScheme(t, sep)) {
            return null;
        }
        int from = sep + 3;
        int end = from;
        while (end < t.length() && "/?#".indexOf(t.charAt(end)) < 0) {
            end++;
        }
        int at = t.indexOf('@', from);
        if (at >= end) {
            at = -1;
        }
        if (at >= 0 && t.indexOf('@', at + 1) >= 0 && t.indexOf('@', at + 1) < end) {
            return null; // two: the host would hold one, and URI reads a registry name
        }
        String userInfo = null;
        if (at >= 0) {
            if (!all(t, from, at, USER_INFO)) {
                return null;
            }
            userInfo = t.substring(from, at);
        }
        int hostFrom = at >= 0 ? at + 1 : from;
        int colon = t.indexOf(':', hostFrom);
        int hostEnd = colon >= 0 && colon < end ? colon : end;
        if (!isIpv4(t, hostFrom, hostEnd) && !isHostName(t, hostFrom, hostEnd)) {
            return null;
        }
        long port = -1;
        if (hostEnd < end) {
            int digits = end - hostEnd - 1;
            if (digits > 9) {
                return null;
            }
            for (int i = hostEnd + 1; i < end; i++) {
                if (!isDigit(t.charAt(i))) {
                    return null;
                }
            }
            if (digits > 0) {
                port = Integer.parseInt(t, hostEnd + 1, end, 10);
            }
        }
        int pathEnd = end;
        while (pathEnd < t.length() && t.charAt(pathEnd) != '?' && t.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        if (!all(t, end, pathEnd, PATH)) {
            return null;
        }
        int hash = t.indexOf('#', pathEnd);
        int queryEnd = hash < 0 ? t.length() : hash;
        if (pathEnd < queryEnd && !all(t, pathEnd + 1, queryEnd, URIC)
                || hash >= 0 && !all(t, hash + 1, t.length(), URIC)) {
            return null; // '?' itself is uric; a second '#' is not, and URI refuses it
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheme", t.substring(0, sep).toLowerCase(Locale.ROOT));
        out.put("host", t.substring(hostFrom, hostEnd).toLowerCase(Locale.ROOT));
        out.put("port", port);
        out.put("path", t.substring(end, pathEnd));
        out.put("user", userInfo == null ? "" : userInfo.split(":", 2)[0]);
        out.put("has_password", userInfo != null && userInfo.contains(":")
                && userInfo.indexOf(':') < userInfo.length() - 1);
        return out;
    }

    /** A letter, then letters, digits, {@code +}, {@code -} or {@code .}: so URI's scheme ends at this {@code ://}. */
    private static boolean isScheme(String t, int sep) {
        if (!isLetter(t.charAt(0))) {
            return false;
        }
        for (int i = 1; i < sep; i++) {
            char c = t.charAt(i);
            if (!isLetter(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Four dot-separated parts of 1-3 digits, each at most 255: what URI takes as an IPv4 address. */
    private static boolean isIpv4(String t, int from, int to) {
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            while (i < to && isDigit(t.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 3 || Integer.parseInt(t, start, i, 10) > 255) {
                return false;
            }
            parts++;
            if (i == to) {
                return parts == 4;
            }
            if (t.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    /**
     * URI's host name: labels of letters and digits with dashes inside, separated by single dots, a trailing dot
     * allowed; when there are several, the last begins with a letter. Only digits and dots is left to URI (it tries
     * such a host as an IPv4 address first, with rules of its own).
     */
    private static boolean isHostName(String t, int from, int to) {
        if (from == to) {
            return false;
        }
        boolean onlyDigitsAndDots = true;
        int lastLabel = from;
        int i = from;
        while (i < to) {
            int start = i;
            while (i < to && (isLetter(t.charAt(i)) || isDigit(t.charAt(i)) || t.charAt(i) == '-')) {
                onlyDigitsAndDots &= isDigit(t.charAt(i));
                i++;
            }
            if (i == start || t.charAt(start) == '-' || t.charAt(i - 1) == '-') {
                return false;
            }
            lastLabel = start;
            if (i < to) {
                if (t.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return !onlyDigitsAndDots && (lastLabel == from || isLetter(t.charAt(lastLabel)));
    }

    /** Whether every character of {@code t[from, to)} is an ASCII letter or digit or one of {@code others}. */
    private static boolean all(String t, int from, int to, String others) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (!isLetter(c) && !isDigit(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
