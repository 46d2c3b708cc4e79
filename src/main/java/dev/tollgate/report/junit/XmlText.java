package dev.tollgate.report.junit;

/**
 * Escapes text for XML 1.0 written by hand. Markup characters become entities ({@code >} too, so a {@code ]]>} in a
 * message can never end anything); in attributes tab, newline and carriage return become character references, which
 * a parser would otherwise normalise to spaces. Characters XML 1.0 cannot carry at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD: the document must stay well-formed whatever a file or message holds.
 */
final class XmlText {

    private XmlText() {
    }

    static String text(String value) {
        return escape(value, false);
    }

    static String attribute(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /** XML 1.0's Char production, less the whitespace handled above. */
    private static boolean allowed(int c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
