package dev.tollgate.report.markdown;

import dev.tollgate.report.UriReference;

/**
 * Makes arbitrary text safe inside one GitHub-flavoured Markdown table cell or list item. Every character that could
 * start markup inline is backslash-escaped (CommonMark lets any ASCII punctuation be escaped): emphasis, code spans,
 * links, raw HTML and entities ({@code <}, {@code &}), the table's {@code |}, strikethrough, and GitHub's own
 * {@code @mention}, {@code #123} issue links and {@code $math$}. Line breaks become spaces: a newline would end the
 * row.
 */
final class MarkdownText {

    private static final String ESCAPED = "\\`*_[]<>|~&@#$";

    private MarkdownText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append(' ');
            } else if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A link to {@code line} of {@code file} ({@code line} 0: the whole file), reading {@code file:line}. The target is
     * {@code base} followed by the path as a URI reference; parentheses are percent-encoded too, since an unbalanced
     * one would end the link target early.
     */
    static String fileLink(String base, String file, int line) {
        String text = line > 0 ? file + ":" + line : file;
        String target = base + UriReference.of(file).replace("(", "%28").replace(")", "%29")
                + (line > 0 ? "#L" + line : "");
        return "[" + escape(text) + "](" + target + ")";
    }
}
