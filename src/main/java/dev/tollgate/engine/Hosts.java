package dev.tollgate.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** URLs and host names as policies need them: is this endpoint inside the deployment or out on the web? */
final class Hosts {

    private Hosts() {
    }

    /**
     * Splits a URL into scheme, host, port (-1 when absent), path and whether a password is present.
     * Returns an empty map when the text is not an absolute URL, so {@code url(x).?scheme} is simply absent.
     */
    static Map<String, Object> url(String text) {
        return url(text, true);
    }

    /** {@link #url} by {@link URI} alone: the reference for {@link PlainUrl}, and what it defers to. */
    static Map<String, Object> urlByUri(String text) {
        return url(text, false);
    }

    private static Map<String, Object> url(String text, boolean plainFirst) {
        String t = text.strip();
        int sep = t.indexOf("://");
        if (sep <= 0) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> plain = plainFirst ? PlainUrl.split(t, sep) : null;
        return plain != null ? plain : byUri(t, sep);
    }

    private static Map<String, Object> byUri(String t, int sep) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            URI uri = new URI(t);
            String host = uri.getHost();
            String userInfo = uri.getRawUserInfo();
            if (host == null) {
                // java.net.URI refuses hosts with underscores and similar; fall back to a plain split.
                String rest = t.substring(sep + 3);
                int end = indexOfAny(rest, "/?#");
                String authority = end < 0 ? rest : rest.substring(0, end);
                int atSign = authority.lastIndexOf('@');
                userInfo = atSign < 0 ? null : authority.substring(0, atSign);
                String hostPort = atSign < 0 ? authority : authority.substring(atSign + 1);
                int colon = hostPort.lastIndexOf(':');
                host = colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
            }
            out.put("scheme", t.substring(0, sep).toLowerCase(Locale.ROOT));
            out.put("host", host.toLowerCase(Locale.ROOT));
            out.put("port", (long) uri.getPort());
            out.put("path", uri.getRawPath() == null ? "" : uri.getRawPath());
            out.put("user", userInfo == null ? "" : userInfo.split(":", 2)[0]);
            out.put("has_password", userInfo != null && userInfo.contains(":")
                    && userInfo.indexOf(':') < userInfo.length() - 1);
        } catch (URISyntaxException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }

    /**
     * True for hosts that are not on the public web: {@code localhost}, loopback and private addresses, single-label
     * service names ({@code redis}, {@code api}), {@code *.internal}, {@code *.local}, {@code *.localhost} and
     * cluster DNS ({@code *.svc}, {@code *.svc.cluster.local}). Traffic to them does not cross the internet, so plain
     * HTTP there is not an HTTPS-everywhere violation. An unresolved reference ({@code ${HOST}}, {@code $(HOST)}) also
     * counts, since policies must not guess what it will be.
     */
    static boolean isInternal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty() || h.equals("localhost") || h.equals("::1") || h.equals("0.0.0.0")) {
            return true;
        }
        if (h.contains("$")) {
            // ${VAR}, $VAR, $(VAR): filled in at deploy time, so where it points cannot be known here.
            // Counting it as internal keeps "http:// to a public host" policies from guessing.
            return true;
        }
        if (isIpv4(h)) {
            return isPrivateIpv4(h);
        }
        if (!h.contains(".")) {
            return true; // single-label: a compose service or Kubernetes service name
        }
        return h.endsWith(".internal") || h.endsWith(".local") || h.endsWith(".localhost")
                || h.endsWith(".svc") || h.endsWith(".svc.cluster.local") || h.endsWith(".cluster.local");
    }

    private static boolean isIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrivateIpv4(String h) {
        String[] p = h.split("\\.");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                || (a == 169 && b == 254) || a == 0;
    }

    /**
     * The password in a URL's user info ({@code postgres://app:PASSWORD@db/app}), "" when there is none. Policies
     * judge it and must never print it; the redactor masks it in any message as a safety net.
     */
    static String urlPassword(String text) {
        String t = text.strip();
        int sep = t.indexOf("://");
        if (sep <= 0) {
            return "";
        }
        String rest = t.substring(sep + 3);
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return "";
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        return colon < 0 ? "" : userInfo.substring(colon + 1);
    }

    /**
     * The domain of an e-mail address, lowercased: {@code Acme <noreply@acme.com>} gives {@code acme.com}; "" when the
     * text holds no {@code @}.
     */
    static String emailDomain(String text) {
        String t = text.strip();
        int open = t.lastIndexOf('<');
        int close = t.lastIndexOf('>');
        if (open >= 0 && close > open) {
            t = t.substring(open + 1, close);
        }
        int at = t.lastIndexOf('@');
        return at < 0 ? "" : t.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
