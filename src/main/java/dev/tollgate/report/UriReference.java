package dev.tollgate.report;

import java.nio.charset.StandardCharsets;

/**
 * Turns a display path (relative, {@code /} separators) into a relative URI reference that GitHub resolves against the
 * repository root: SARIF's {@code artifactLocation.uri} and the Markdown report's link targets. Every byte outside
 * RFC 3986's path characters is percent-encoded (a space becomes {@code %20}); so is {@code :}, because
 * {@code c:x.yaml} would otherwise parse as a URI with scheme {@code c}, and so is {@code %}, because a literal percent
 * in a file name is not an escape.
 */
public final class UriReference {

    private UriReference() {
    }

    public static String of(String displayPath) {
        StringBuilder uri = new StringBuilder(displayPath.length() + 8);
        for (byte b : displayPath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isPathChar(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return uri.toString();
    }

    /** RFC 3986 unreserved, sub-delims, {@code @} and the segment separator {@code /}; not {@code :} (see above). */
    private static boolean isPathChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }
}
