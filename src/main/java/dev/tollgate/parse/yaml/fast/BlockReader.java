package dev.tollgate.parse.yaml.fast;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Block mappings and block sequences laid out as Kubernetes and Compose files lay them out: every key of a mapping at
 * the same column, every {@code - } of a sequence at the same column (also at its key's column, the "indentless"
 * sequence), mappings that start on a {@code - } line, and values that are scalars, aliases, flow collections or
 * block scalars, or block collections on the following lines.
 *
 * <p>Each collection ends where SnakeYAML's scanner emits its block end: at the first token of the first line that is
 * less indented, which is where the cursor stands when the loop stops, so that position is its end mark. A line more
 * indented than the collection's entries after a value is a continued plain scalar or an error in SnakeYAML; neither
 * is ours.
 */
final class BlockReader {

    private final YamlCursor in;
    private final NodeFactory nodes;
    private final InlineReader inline;
    private final BlockScalarReader blockScalars;

    BlockReader(YamlCursor in, NodeFactory nodes) {
        this.in = in;
        this.nodes = nodes;
        this.inline = new InlineReader(in, nodes);
        this.blockScalars = new BlockScalarReader(in, nodes);
    }

    /** The root of a document whose first token is at the cursor; only block collections are ours. */
    Node root() {
        if (in.atBlockEntry()) {
            return sequence(in.column(), in.mark(), null, false);
        }
        if (inline.keyAhead()) {
            return mapping(in.column(), in.mark(), null);
        }
        throw new NotMine("a document that is not a block mapping or sequence");
    }

    /** The document root of an explicit document with no content: the parser's empty scalar at the next token. */
    ScalarNode emptyRoot() {
        nodes.enter();
        Mark here = in.mark();
        ScalarNode node = nodes.plain("", here, here);
        nodes.leave();
        return node;
    }

    /** A block mapping whose keys are at column {@code col}, the first one at the cursor. */
    private MappingNode mapping(int col, Mark start, String anchor) {
        nodes.enter();
        MappingNode map = nodes.mapping(start, DumperOptions.FlowStyle.BLOCK, anchor);
        while (true) {
            nodes.childStarts(map);
            nodes.enter();
            ScalarNode key = inline.key();
            nodes.leave();
            nodes.childEnds(map);
            NodeFactory.put(map, key, value(col, map));
            if (in.atEnd() || in.atAnyDocumentMarker() || in.column() < col) {
                break;
            }
            if (in.column() > col) {
                throw new NotMine("a more indented line after a mapping value");
            }
            if (in.atBlockEntry()) {
                throw new NotMine("a sequence entry among mapping keys");
            }
        }
        map.setEndMark(in.mark());
        nodes.leave();
        return map;
    }

    /**
     * The value after a key's {@code :} (the cursor just past it) in a mapping indented {@code col}; the cursor ends
     * at the next token.
     */
    private Node value(int col, MappingNode parent) {
        Mark afterColon = in.mark();
        nodes.childStarts(parent);
        in.skipSpaces();
        char c = in.peek();
        String anchor = null;
        Mark anchorMark = null;
        if (c == '&') {
            anchorMark = in.mark();
            anchor = inline.name();
            in.skipSpaces();
            c = in.peek();
        }
        Node node;
        if (c == '\n' || c == '\0' || c == '#') { // '#' here follows a blank, so it starts a comment
            in.finishLine();
            in.toNextToken();
            node = nextLineValue(col, anchor, anchorMark);
            if (node == null) {
                if (anchor != null) {
                    throw new NotMine("an anchored empty value");
                }
                nodes.enter();
                node = nodes.plain("", afterColon, afterColon); // the parser's empty scalar, at the end of ':'
                nodes.leave();
            }
        } else {
            node = sameLineValue(col, anchor, anchorMark);
        }
        nodes.childEnds(parent);
        return node;
    }

    /** A value that starts on the line after its key (the cursor at that line's first token), or null if empty. */
    private Node nextLineValue(int col, String anchor, Mark anchorMark) {
        if (in.atEnd() || in.atAnyDocumentMarker()) {
            return null;
        }
        int at = in.column();
        Mark start = anchorMark != null ? anchorMark : in.mark();
        if (in.atBlockEntry()) {
            if (at == col) {
                return sequence(col, start, anchor, true);
            }
            return at > col ? sequence(at, start, anchor, false) : null;
        }
        if (at > col) {
            if (inline.keyAhead()) {
                return mapping(at, start, anchor);
            }
            throw new NotMine("a scalar on the line after its key");
        }
        return null;
    }

    /**
     * A value that starts on the current line, inside a block collection indented {@code col}; the cursor ends at the
     * next token.
     */
    private Node sameLineValue(int col, String anchor, Mark anchorMark) {
        char c = in.peek();
        Node node;
        if (c == '|' || c == '>') {
            nodes.enter();
            node = blockScalars.read(col, anchorMark);
            nodes.leave();
            nodes.anchor(node, anchor);
        } else {
            node = inline.lineValue(anchor, anchorMark);
        }
        in.toNextToken();
        return node;
    }

    /**
     * A block sequence whose entries are at column {@code col}, the first at the cursor. An indentless sequence (at
     * its key's column) ends at the next key; an indented one may not be followed by anything at its column.
     */
    private SequenceNode sequence(int col, Mark start, String anchor, boolean indentless) {
        nodes.enter();
        SequenceNode seq = nodes.sequence(start, DumperOptions.FlowStyle.BLOCK, anchor);
        while (true) {
            in.pos++; // the '-'
            in.skipSpaces();
            char c = in.peek();
            if (c == '\n' || c == '\0' || c == '#') {
                throw new NotMine("an empty sequence entry, or one on the next line");
            }
            if (c == '&' || in.atBlockEntry()) {
                throw new NotMine("an anchor or a nested sequence on a '- ' line");
            }
            nodes.childStarts(seq);
            Node item;
            if (c != '|' && c != '>' && inline.keyAhead()) {
                item = mapping(in.column(), in.mark(), null);
            } else {
                item = sameLineValue(col, null, null);
            }
            nodes.childEnds(seq);
            NodeFactory.add(seq, item);
            if (in.atEnd() || in.atAnyDocumentMarker() || in.column() < col) {
                break;
            }
            if (in.column() > col) {
                throw new NotMine("a more indented line after a sequence entry");
            }
            if (!in.atBlockEntry()) {
                if (indentless) {
                    break;
                }
                throw new NotMine("a key at the column of a sequence's entries");
            }
        }
        seq.setEndMark(in.mark());
        nodes.leave();
        return seq;
    }
}
