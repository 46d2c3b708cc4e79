package dev.tollgate.parse.yaml.fast;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the nodes that are written within one line: plain and quoted scalars, aliases, anchors, and flow collections
 * such as {@code ["sh", "-c"]} or {@code {cpu: 100m, memory: 128Mi}}. Whatever spans lines, or would need SnakeYAML's
 * subtler rules (a {@code :} or {@code #} inside a flow scalar, hexadecimal escapes, tags), is not ours.
 */
final class InlineReader {

    private final YamlCursor in;
    private final NodeFactory nodes;

    InlineReader(YamlCursor in, NodeFactory nodes) {
        this.in = in;
        this.nodes = nodes;
    }

    // ---- block context -------------------------------------------------------------------------------------------

    /**
     * Whether a mapping key starts at the cursor: a plain or quoted scalar on this line followed by {@code :} and a
     * blank. Reads ahead only; the cursor does not move.
     */
    boolean keyAhead() {
        char c = in.peek();
        char[] chars = in.chars;
        int p = in.pos;
        if (c == '"' || c == '\'') {
            p++;
            while (p < in.end && chars[p] != c && chars[p] != '\n') {
                p += chars[p] == '\\' && c == '"' ? 2 : 1;
            }
            if (p >= in.end || chars[p] != c) {
                return false;
            }
            p++;
            while (p < in.end && chars[p] == ' ') {
                p++;
            }
            return p < in.end && chars[p] == ':' && YamlCursor.blank(charAt(p + 1));
        }
        if (!plainStart(c, in.peek(1))) {
            return false;
        }
        for (; p < in.end; p++) {
            char x = chars[p];
            if (x == '\n' || x == ' ' && charAt(p + 1) == '#') {
                return false;
            }
            if (x == ':' && YamlCursor.blank(charAt(p + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A block mapping key; the cursor ends after its {@code :}. Not ours unless {@link #keyAhead} would say yes. */
    ScalarNode key() {
        char c = in.peek();
        ScalarNode key;
        int start = in.pos;
        if (c == '"' || c == '\'') {
            key = quoted(null);
            in.skipSpaces();
        } else {
            if (!plainStart(c, in.peek(1))) {
                throw new NotMine("not a plain or quoted key");
            }
            String text = in.text;
            char[] chars = in.chars;
            int p = start;
            int last = start;
            while (true) {
                char x = p < in.end ? chars[p] : '\0';
                if (x == '\n' || x == '\0' || x == ' ' && charAt(p + 1) == '#') {
                    throw new NotMine("a line that is not a key");
                }
                if (x == ':' && YamlCursor.blank(charAt(p + 1))) {
                    break;
                }
                p++;
                if (x != ' ') {
                    last = p;
                }
            }
            String value = text.substring(start, last);
            key = nodes.plain(value, in.markAt(start), in.markAt(last));
            in.pos = p;
        }
        if (in.peek() != ':' || !YamlCursor.blank(in.peek(1))) {
            throw new NotMine("a quoted key without ': '");
        }
        // SnakeYAML forgets a possible simple key after 1024 characters; far below that, every key is one.
        if (in.pos - start > 1000) {
            throw new NotMine("a very long key");
        }
        in.pos++;
        return key;
    }

    /**
     * A value that starts on this line and ends on it: a plain or quoted scalar, an alias or a flow collection,
     * optionally behind an anchor whose mark then starts the node. The rest of the line must be blank or a comment;
     * the cursor ends at the start of the next line. Block scalars and collections are the caller's.
     */
    Node lineValue(String anchor, Mark anchorMark) {
        char c = in.peek();
        Node node;
        if (c == '*') {
            if (anchor != null) {
                throw new NotMine("an anchor on an alias");
            }
            node = nodes.alias(name());
        } else if (c == '"' || c == '\'') {
            nodes.enter();
            node = quoted(anchorMark);
            nodes.leave();
        } else if (c == '[' || c == '{') {
            node = flowCollection(anchorMark, anchor);
            anchor = null; // registered before the children, as the composer does
        } else {
            nodes.enter();
            node = blockPlain(anchorMark);
            nodes.leave();
        }
        if (anchor != null) {
            nodes.anchor(node, anchor);
        }
        in.endOfLine();
        return node;
    }

    /** An anchor or alias name after its {@code &} or {@code *}, up to a blank; the cursor ends on the blank. */
    String name() {
        int start = ++in.pos;
        String text = in.text;
        char[] chars = in.chars;
        int p = start;
        while (p < in.end && nameChar(chars[p])) {
            p++;
        }
        if (p == start || !YamlCursor.blank(charAt(p))) {
            throw new NotMine("an anchor or alias name we do not read");
        }
        in.pos = p;
        return text.substring(start, p);
    }

    /** A plain scalar in block context, up to the end of the line or a comment. */
    private ScalarNode blockPlain(Mark anchorMark) {
        char c = in.peek();
        if (!plainStart(c, in.peek(1)) || c == '?' || c == ':') {
            throw new NotMine("a value that is not a plain scalar we read");
        }
        String text = in.text;
        char[] chars = in.chars;
        int start = in.pos;
        int p = start;
        int last = start;
        while (p < in.end) {
            char x = chars[p];
            if (x == '\n' || x == ' ' && charAt(p + 1) == '#') {
                break;
            }
            if (x == ':' && YamlCursor.blank(charAt(p + 1))) {
                throw new NotMine("': ' inside a plain value");
            }
            p++;
            if (x != ' ') {
                last = p;
            }
        }
        in.pos = last;
        Mark startMark = in.markAt(start);
        return nodes.plain(text.substring(start, last), anchorMark != null ? anchorMark : startMark, in.markAt(last));
    }

    // ---- quoted scalars ------------------------------------------------------------------------------------------

    /** A single- or double-quoted scalar closed on the same line. */
    ScalarNode quoted(Mark anchorMark) {
        char quote = in.peek();
        String text = in.text;
        char[] chars = in.chars;
        int start = in.pos;
        int p = start + 1;
        StringBuilder escaped = null;
        int copied = p;
        while (true) {
            char x = p < in.end ? chars[p] : '\n';
            if (x == '\n') {
                throw new NotMine("a quoted scalar that spans lines");
            }
            if (x == quote) {
                if (quote == '\'' && charAt(p + 1) == '\'') {
                    escaped = append(escaped, text, copied, p + 1); // '' is one quote
                    p += 2;
                    copied = p;
                    continue;
                }
                break;
            }
            if (x == '\\' && quote == '"') {
                String replacement = escape(charAt(p + 1));
                escaped = append(escaped, text, copied, p).append(replacement);
                p += 2;
                copied = p;
                continue;
            }
            p++;
        }
        String value = escaped == null ? text.substring(start + 1, p) : append(escaped, text, copied, p).toString();
        in.pos = p + 1;
        Mark startMark = in.markAt(start);
        return nodes.styled(value, anchorMark != null ? anchorMark : startMark, in.markAt(in.pos),
                quote == '"' ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.SINGLE_QUOTED);
    }

    private static StringBuilder append(StringBuilder sb, String text, int from, int to) {
        StringBuilder out = sb == null ? new StringBuilder(to - from + 16) : sb;
        return out.append(text, from, to);
    }

    /** SnakeYAML's one-character escapes; {@code \x}, {@code \\u}, {@code \U} and escaped line breaks are not ours. */
    private static String escape(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000B";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001B";
            case ' ' -> " ";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00A0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> throw new NotMine("an escape we do not read");
        };
    }

    // ---- flow collections ----------------------------------------------------------------------------------------

    private Node flowCollection(Mark anchorMark, String anchor) {
        return in.peek() == '[' ? flowSequence(anchorMark, anchor) : flowMapping(anchorMark, anchor);
    }

    private SequenceNode flowSequence(Mark anchorMark, String anchor) {
        nodes.enter();
        Mark start = anchorMark != null ? anchorMark : in.mark();
        SequenceNode seq = nodes.sequence(start, DumperOptions.FlowStyle.FLOW, anchor);
        in.pos++;
        in.skipSpaces();
        if (in.peek() != ']') {
            while (true) {
                nodes.childStarts(seq);
                NodeFactory.add(seq, flowNode());
                nodes.childEnds(seq);
                if (!nextFlowEntry(']')) {
                    break;
                }
            }
        }
        in.pos++;
        seq.setEndMark(in.mark());
        nodes.leave();
        return seq;
    }

    private MappingNode flowMapping(Mark anchorMark, String anchor) {
        nodes.enter();
        Mark start = anchorMark != null ? anchorMark : in.mark();
        MappingNode map = nodes.mapping(start, DumperOptions.FlowStyle.FLOW, anchor);
        in.pos++;
        in.skipSpaces();
        if (in.peek() != '}') {
            while (true) {
                nodes.childStarts(map);
                Node key = flowScalar();
                nodes.childEnds(map);
                if (in.peek() != ':' || in.peek(1) != ' ') {
                    throw new NotMine("a flow mapping key without ': '");
                }
                in.pos++;
                in.skipSpaces();
                nodes.childStarts(map);
                Node value = flowNode();
                nodes.childEnds(map);
                NodeFactory.put(map, key, value);
                if (!nextFlowEntry('}')) {
                    break;
                }
            }
        }
        in.pos++;
        map.setEndMark(in.mark());
        nodes.leave();
        return map;
    }

    /**
     * After an entry: true at a {@code ,} followed by another entry, false at the closing bracket (the cursor on it).
     * A trailing comma, a line break or anything else is not ours.
     */
    private boolean nextFlowEntry(char close) {
        in.skipSpaces();
        char c = in.peek();
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw new NotMine("a flow collection we do not read");
        }
        in.pos++;
        in.skipSpaces();
        if (in.peek() == close) {
            throw new NotMine("a trailing comma");
        }
        return true;
    }

    private Node flowNode() {
        char c = in.peek();
        if (c == '[') {
            return flowSequence(null, null);
        }
        if (c == '{') {
            return flowMapping(null, null);
        }
        return flowScalar();
    }

    /** A quoted scalar, or a plain one of characters that end or continue it the same way in every YAML reading. */
    private ScalarNode flowScalar() {
        char c = in.peek();
        if (c == '"' || c == '\'') {
            nodes.enter();
            ScalarNode node = quoted(null);
            nodes.leave();
            return node;
        }
        if (!(flowChar(c) && !indicator(c) || c == '-' && flowChar(in.peek(1)))) {
            throw new NotMine("a flow entry we do not read");
        }
        nodes.enter();
        String text = in.text;
        char[] chars = in.chars;
        int start = in.pos;
        int p = start;
        int last = start;
        while (p < in.end) {
            char x = chars[p];
            if (x == ' ') {
                p++;
                continue;
            }
            if (!flowChar(x)) {
                break;
            }
            p++;
            last = p;
        }
        // Spaces, then the end of the entry; a ':' or '#' here would follow rules we leave to SnakeYAML.
        char stop = charAt(p);
        if (stop != ',' && stop != ']' && stop != '}' && !(stop == ':' && charAt(p + 1) == ' ' && p == last)) {
            throw new NotMine("a flow scalar we do not read");
        }
        in.pos = last;
        ScalarNode node = nodes.plain(text.substring(start, last), in.markAt(start), in.markAt(last));
        nodes.leave();
        return node;
    }

    // ---- characters ----------------------------------------------------------------------------------------------

    private char charAt(int p) {
        return p < in.end ? in.chars[p] : '\0';
    }

    /** SnakeYAML's checkPlain in block context. */
    private static boolean plainStart(char c, char next) {
        if (YamlCursor.blank(c)) {
            return false;
        }
        if (!indicator(c)) {
            return true;
        }
        return (c == '-' || c == '?' || c == ':') && !YamlCursor.blank(next);
    }

    /**
     * One of {@code -?:,[]{}#&*!|>'"%@`}, the characters that cannot start a plain scalar (besides {@code -?:} before
     * a non-blank). A switch rather than {@code String.indexOf}, which showed in the fast path's profile.
     */
    private static boolean indicator(char c) {
        return switch (c) {
            case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> true;
            default -> false;
        };
    }

    /**
     * A character inside a flow plain scalar: not blank, not a flow indicator, and none of {@code ?:#}, which end or
     * continue a flow scalar by rules subtle enough to leave to SnakeYAML.
     */
    private static boolean flowChar(char c) {
        return c > ' ' && switch (c) {
            case ',', '[', ']', '{', '}', '?', ':', '#' -> false;
            default -> true;
        };
    }

    /**
     * Characters of anchor and alias names we take: the common ones, all of which SnakeYAML reads as part of a name.
     */
    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
